/// Why the console refused a request before its page ran.
enum ConsoleDenial: Error, Sendable, Hashable {
    /// No live session: pages redirect to the login form (303), JSON endpoints answer 401.
    case unauthenticated
    /// The session's role may not do this (an auditor resolving, uploading or verifying): 403.
    case forbidden
    /// A POST without the session's CSRF token: 403, nothing done.
    case csrf
}
