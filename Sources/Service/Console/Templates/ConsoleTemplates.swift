/// The console's Mustache templates, embedded as string literals (one file per template) so the binary stands alone.
/// `{{x}}` escapes HTML; the templates never use the unescaped forms for data.
enum ConsoleTemplates {
    /// Name → template text; `header` and `footer` are partials every page includes.
    static let all: [String: String] = [
        "header": header, "footer": footer, "login": login, "message": message, "reviews": reviews, "review": review,
        "batches": batches, "batch": batch, "lookup": lookup, "health": health, "audit": audit, "reverification": reverification, "waterfall": waterfall,
    ]
}
