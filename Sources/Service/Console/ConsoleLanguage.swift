import Hummingbird

/// The console's languages: Russian (default) and Kazakh, chosen with the switch in the header and kept in a cookie.
enum ConsoleLanguage: String, Sendable, CaseIterable {
    /// Русский.
    case ru
    /// Қазақша.
    case kk

    /// The cookie holding the choice (not a secret; `SameSite=Strict`, one year).
    static let cookieName = "qorgan_console_lang"

    /// The request's language: the cookie's, else Russian.
    init(_ request: Request) {
        self = request.cookies[Self.cookieName].flatMap { ConsoleLanguage(rawValue: $0.value) } ?? .ru
    }
}
