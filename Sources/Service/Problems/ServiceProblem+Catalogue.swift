public import Hummingbird
public import Storage

// MARK: - The gateway's common problems

extension ServiceProblem {
    /// 400 `invalid-json`: the body is not JSON or does not have the expected shape. `path` is the coding path
    /// (`child.iin`, `coaches[2].iin`), `reason` says what kind of failure it is — never which value was sent.
    public static func invalidJSON(path: String?, reason: String) -> ServiceProblem {
        var extensions: [String: ProblemDetails.Member] = [:]
        if let path, !path.isEmpty { extensions["path"] = .string(path) }
        let detail = path.map { $0.isEmpty ? reason : "\(reason) at `\($0)`" } ?? reason
        return ServiceProblem(status: .badRequest, type: "invalid-json", title: "Invalid JSON body", detail: detail, extensions: extensions)
    }

    /// 400 `bad-request`: a malformed request other than its JSON body (a query parameter, a header).
    public static func badRequest(_ detail: String, code: String? = nil) -> ServiceProblem {
        ServiceProblem(status: .badRequest, type: "bad-request", title: "Bad request", detail: detail, code: code)
    }

    /// 422 `validation-failed`: well-formed JSON whose content breaks a rule (e.g. an IIN with a wrong check digit);
    /// `code` is the stable reason code.
    public static func validationFailed(code: String, detail: String) -> ServiceProblem {
        ServiceProblem(status: .unprocessableContent, type: "validation-failed", title: "Validation failed", detail: detail, code: code)
    }

    /// 401 `unauthenticated` with `WWW-Authenticate: Bearer`. `invalidKey` tells a key that was sent but is unknown
    /// or revoked (`error="invalid_token"`, RFC 6750) from no key at all.
    public static func unauthenticated(invalidKey: Bool) -> ServiceProblem {
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = invalidKey ? #"Bearer realm="qorgan", error="invalid_token""# : #"Bearer realm="qorgan""#
        return ServiceProblem(
            status: .unauthorized, type: "unauthenticated", title: "Authentication required",
            detail: invalidKey
                ? "The API key is unknown or revoked."
                : "Send an API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`.",
            headers: headers
        )
    }

    /// 403 `forbidden`: the key is valid but its role may not use this route; names the roles that may.
    public static func forbidden(requiredRoles: [APIKeyRecord.Role]) -> ServiceProblem {
        let names = requiredRoles.map(\.rawValue)
        return ServiceProblem(
            status: .forbidden, type: "forbidden", title: "Forbidden",
            detail: "This route requires one of the roles: \(names.joined(separator: ", ")).",
            extensions: ["requiredRoles": .strings(names)]
        )
    }

    /// 404 `not-found`: no route, or no such object (`detail` names the kind, never personal data).
    public static func notFound(_ detail: String = "No such resource.") -> ServiceProblem {
        ServiceProblem(status: .notFound, type: "not-found", title: "Not found", detail: detail)
    }

    /// 405 `method-not-allowed` with the `Allow` header listing the methods the path does have.
    public static func methodNotAllowed(allowed: [HTTPRequest.Method]) -> ServiceProblem {
        let names = allowed.map(\.rawValue).sorted()
        var headers = HTTPFields()
        headers[.allow] = names.joined(separator: ", ")
        return ServiceProblem(
            status: .methodNotAllowed, type: "method-not-allowed", title: "Method not allowed",
            detail: "This path accepts: \(names.joined(separator: ", ")).", extensions: ["allowedMethods": .strings(names)], headers: headers
        )
    }

    /// 409 `conflict`: the request conflicts with the current state (e.g. a review already resolved).
    public static func conflict(_ detail: String, code: String? = nil) -> ServiceProblem {
        ServiceProblem(status: .conflict, type: "conflict", title: "Conflict", detail: detail, code: code)
    }

    /// 413 `payload-too-large`: the body exceeds `limit` bytes.
    public static func payloadTooLarge(limit: Int) -> ServiceProblem {
        ServiceProblem(
            status: .contentTooLarge, type: "payload-too-large", title: "Request body too large",
            detail: "The request body exceeds \(limit) bytes.", extensions: ["limitBytes": .integer(limit)]
        )
    }

    /// 429 `rate-limited` with `Retry-After` in whole seconds (at least 1).
    public static func rateLimited(retryAfter: Duration) -> ServiceProblem {
        let seconds = retryAfter.wholeSecondsRoundedUp
        var headers = HTTPFields()
        headers[.retryAfter] = String(seconds)
        return ServiceProblem(
            status: .tooManyRequests, type: "rate-limited", title: "Too many requests",
            detail: "The rate limit of this API key is exhausted; retry after \(seconds) s.",
            extensions: ["retryAfterSeconds": .integer(seconds)], headers: headers
        )
    }

    /// 500 `internal-error`: something unexpected; the body says nothing about it beyond the request id.
    public static var internalError: ServiceProblem {
        ServiceProblem(
            status: .internalServerError, type: "internal-error", title: "Internal error",
            detail: "An unexpected error occurred; quote the request id when reporting it."
        )
    }

    /// 503 `service-unavailable`, with `Retry-After` when `retryAfter` is given — e.g. a registry down during a
    /// registration check (`code: "REGISTRY_UNAVAILABLE"`), or the store not answering.
    public static func serviceUnavailable(
        _ detail: String = "The service cannot answer now.", code: String? = nil, retryAfter: Duration? = nil
    ) -> ServiceProblem {
        var headers = HTTPFields()
        var extensions: [String: ProblemDetails.Member] = [:]
        if let retryAfter {
            headers[.retryAfter] = String(retryAfter.wholeSecondsRoundedUp)
            extensions["retryAfterSeconds"] = .integer(retryAfter.wholeSecondsRoundedUp)
        }
        return ServiceProblem(
            status: .serviceUnavailable, type: "service-unavailable", title: "Service unavailable", detail: detail, code: code,
            extensions: extensions, headers: headers
        )
    }
}

extension Duration {
    /// Whole seconds, rounded up, at least 1 — the form `Retry-After` needs.
    var wholeSecondsRoundedUp: Int {
        let (seconds, attoseconds) = components
        let rounded = seconds + (attoseconds > 0 ? 1 : 0)
        return Int(max(1, min(rounded, Int64(Int32.max))))
    }
}
