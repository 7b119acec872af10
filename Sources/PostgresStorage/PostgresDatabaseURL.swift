import Foundation

/// Where the PostgreSQL database is: parsed from `postgres://user[:password]@host[:port]/database[?sslmode=…&schema=…]`.
///
/// `description` never shows the password (`postgres://qorgan:***@db:5432/qorgan`), so the value may be logged.
///
/// ```swift
/// let url = try PostgresDatabaseURL("postgres://qorgan@127.0.0.1:5432/qorgan?sslmode=disable")
/// ```
public struct PostgresDatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// How to use TLS (`sslmode`).
    public enum TLSMode: String, Sendable, Hashable {
        /// Plain TCP (`disable`; the default for `127.0.0.1`, `localhost` and `::1`).
        case disable
        /// TLS when the server offers it (`prefer`; the default for other hosts).
        case prefer
        /// TLS or no connection (`require`).
        case require
    }

    /// Host name or address.
    public var host: String
    /// TCP port. Default 5432.
    public var port: Int
    /// User name. Default `postgres`.
    public var username: String
    /// Password, if any (never printed).
    public var password: String?
    /// Database name. Default: the user name.
    public var database: String
    /// TLS mode (`?sslmode=`).
    public var tls: TLSMode
    /// The schema the store's tables live in (`?schema=`). Default `public`.
    public var schema: String

    /// Parses a `postgres://` or `postgresql://` URL.
    ///
    /// - Throws: `PostgresDatabaseURL.Invalid` naming what is wrong (never echoing the password).
    public init(_ text: String) throws(Invalid) {
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else { throw Invalid("the URL must start with postgres://") }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw Invalid("the URL has no host")
        }
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        self.username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "postgres"
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? username : path
        var tls: TLSMode = ["127.0.0.1", "localhost", "::1"].contains(self.host) ? .disable : .prefer
        var schema = "public"
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value {
                case "disable": tls = .disable
                case "allow", "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                default: throw Invalid("sslmode must be disable, prefer or require")
                }
            case "schema":
                guard let value = item.value, Self.isIdentifier(value) else { throw Invalid("schema must be a lower-case SQL identifier") }
                schema = value
            default:
                throw Invalid("unknown URL parameter \(item.name) (known: sslmode, schema)")
            }
        }
        self.tls = tls
        self.schema = schema
    }

    /// Whether `text` looks like a PostgreSQL URL (as opposed to an SQLite file path).
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The URL with the password masked.
    public var description: String {
        let user = password == nil ? username : username + ":***"
        let hostPart = host.contains(":") ? "[\(host)]" : host
        var text = "postgres://\(user)@\(hostPart):\(port)/\(database)"
        var parameters: [String] = []
        if tls != .prefer { parameters.append("sslmode=\(tls.rawValue)") }
        if schema != "public" { parameters.append("schema=\(schema)") }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }

    /// `[a-z_][a-z0-9_]*`, at most 63 characters: safe to splice into DDL.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 63, first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return false }
        return text.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Why a database URL was refused.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
