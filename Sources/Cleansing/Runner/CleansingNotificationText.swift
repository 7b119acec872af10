/// The SMS a parent receives when their record needs them to act: Russian then Kazakh, no personal data, one
/// wording per decision.
public enum CleansingNotificationText {
    /// The text for a row with `decision`, or `nil` when no SMS is sent for it (the record is fine, the registry
    /// was unavailable, or the registry records the person as deceased — that goes to an operator, not a phone).
    public static func text(for decision: CleansingDecision) -> String? {
        let problem: (ru: String, kk: String)
        switch decision {
        case .valid, .registryUnavailable, .deceased:
            return nil
        case .correctable:
            problem = ("ФИО или дата рождения родителя расходятся с госреестром", "ата-ананың аты-жөні немесе туған күні мемлекеттік тізілімнен өзгеше")
        case .mismatch:
            problem = ("указанный ИИН принадлежит другому человеку", "көрсетілген ЖСН басқа адамға тиесілі")
        case .invalidIIN:
            problem = ("ИИН родителя указан с ошибкой", "ата-ананың ЖСН қате көрсетілген")
        case .notFound:
            problem = ("ИИН родителя не найден в госреестре", "ата-ананың ЖСН мемлекеттік тізілімде табылмады")
        case .duplicate:
            problem = ("данные родителя указаны в нескольких заявках по-разному", "ата-ана деректері бірнеше өтінімде әртүрлі көрсетілген")
        }
        return "Ваучер: \(problem.ru). Проверьте данные в личном кабинете. / "
            + "Ваучер: \(problem.kk). Деректерді жеке кабинетте тексеріңіз."
    }
}
