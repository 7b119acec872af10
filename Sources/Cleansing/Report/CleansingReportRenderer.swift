public import Foundation

/// Renders a ``CleansingSummary`` as ONE self-contained HTML file: inline CSS and inline SVG charts, no scripts,
/// no external URLs at all; Russian headings with English subtitles; all text escaped; personal data only masked
/// (the summary holds nothing else).
///
/// ```swift
/// try CleansingReportRenderer().html(for: summary).write(to: reportURL, atomically: true, encoding: .utf8)
/// ```
public struct CleansingReportRenderer: Sendable {
    /// What the report shows. Every field documents its default.
    public struct Configuration: Sendable, Hashable {
        /// Reason codes shown in the chart. Default 20.
        public var maximumReasons: Int
        /// Regions shown. Default 25.
        public var maximumRegions: Int
        /// The report's time zone for dates. Default Asia/Almaty (UTC+5).
        public var timeZone: TimeZone

        /// Creates a configuration; every argument defaults to the documented default.
        public init(maximumReasons: Int = 20, maximumRegions: Int = 25, timeZone: TimeZone = TimeZone(identifier: "Asia/Almaty") ?? .gmt) {
            self.maximumReasons = maximumReasons
            self.maximumRegions = maximumRegions
            self.timeZone = timeZone
        }

        /// 20 reasons, 25 regions, Almaty time.
        public static let `default` = Configuration()
    }

    /// The configuration in use.
    public let configuration: Configuration

    /// Creates a renderer.
    public init(configuration: Configuration = .default) {
        self.configuration = configuration
    }

    /// The report as an HTML document.
    public func html(for summary: CleansingSummary) -> String {
        var body = ""
        body += header(summary)
        body += totals(summary)
        body += decisions(summary)
        body += reasons(summary)
        body += regions(summary)
        body += corrections(summary)
        body += duplicates(summary)
        body += registryErrors(summary)
        body += throughput(summary)
        body += "<footer><p>Персональные данные замаскированы (ИИН: 0612******12). "
            + "<span class=\"en\">Personal data is masked.</span></p></footer>"
        return """
            <!DOCTYPE html>
            <html lang="ru">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Очистка данных родителей — Parent records cleansing</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    /// The report as UTF-8 bytes.
    public func htmlData(for summary: CleansingSummary) -> Data {
        Data(html(for: summary).utf8)
    }

    // MARK: - Sections

    private func heading(_ russian: String, _ english: String) -> String {
        "<h2>\(HTMLText.escape(russian)) <span class=\"en\">\(HTMLText.escape(english))</span></h2>"
    }

    private func header(_ summary: CleansingSummary) -> String {
        var text = "<header><h1>Очистка данных родителей <span class=\"en\">Parent records cleansing report</span></h1><p class=\"meta\">"
        if let input = summary.input {
            text += "Файл <span class=\"en\">file</span>: <code>\(HTMLText.escape(input.fileName))</code> · "
            text += "\(HTMLText.escape(input.encoding)) · разделитель <span class=\"en\">separator</span> "
            text += "<code>\(HTMLText.escape(input.separator))</code>"
        }
        if let finished = summary.finishedAt {
            text += " · \(HTMLText.escape(date(finished)))"
        }
        text += "</p>"
        if let input = summary.input, !input.columns.isEmpty {
            text += "<p class=\"meta\">Столбцы <span class=\"en\">columns</span>: "
            text += input.columns.sorted { $0.key < $1.key }.map { "\(HTMLText.escape($0.key)) ← «\(HTMLText.escape($0.value))»" }
                .joined(separator: ", ")
            text += "</p>"
        }
        return text + "</header>"
    }

    private func totals(_ summary: CleansingSummary) -> String {
        let cards: [(String, String, String)] = [
            ("Строк", "Rows", ProgressFormatter.grouped(summary.rows)),
            ("Решено", "Decided", ProgressFormatter.grouped(summary.decidedRows)),
            ("Нечитаемые", "Unreadable", ProgressFormatter.grouped(summary.unreadableRows)),
            ("Требуют действий", "Need action", ProgressFormatter.grouped(summary.rowsNeedingAction)),
            ("Время", "Duration", ProgressFormatter.duration(.milliseconds(Int64(summary.durationSeconds * 1_000)))),
            ("Скорость", "Throughput", "\(ProgressFormatter.grouped(Int(summary.rowsPerSecond.rounded()))) /s"),
        ]
        var text = "<section>" + heading("Итоги", "Totals") + "<div class=\"cards\">"
        for (russian, english, value) in cards {
            text += "<div class=\"card\"><div class=\"value\">\(HTMLText.escape(value))</div>"
            text += "<div>\(HTMLText.escape(russian)) <span class=\"en\">\(HTMLText.escape(english))</span></div></div>"
        }
        return text + "</div></section>"
    }

    private func decisions(_ summary: CleansingSummary) -> String {
        let bars = CleansingRowStatus.allCases.map { status in
            SVGChart.Bar(label: "\(status.labelRu) · \(status.rawValue)", value: summary.count(of: status), cssClass: "bar s-\(status.rawValue.lowercased())")
        }
        var text = "<section>" + heading("Решения", "Decisions")
        text += SVGChart.bars(bars, title: "Решения / Decisions") ?? ""
        text += "<table><thead><tr><th>Статус <span class=\"en\">status</span></th><th></th><th class=\"num\">Строк <span class=\"en\">rows</span></th>"
        text += "<th class=\"num\">%</th></tr></thead><tbody>"
        for status in CleansingRowStatus.allCases {
            let count = summary.count(of: status)
            text += "<tr><td><code>\(HTMLText.escape(status.rawValue))</code></td>"
            text += "<td>\(HTMLText.escape(status.labelRu)) <span class=\"en\">\(HTMLText.escape(status.labelEn))</span></td>"
            text += "<td class=\"num\">\(ProgressFormatter.grouped(count))</td><td class=\"num\">\(share(count, of: summary.rows))</td></tr>"
        }
        return text + "</tbody></table></section>"
    }

    private func reasons(_ summary: CleansingSummary) -> String {
        var text = "<section>" + heading("Причины", "Reason codes")
        let shown = summary.reasons.prefix(configuration.maximumReasons)
        guard !shown.isEmpty else { return text + empty() + "</section>" }
        text += SVGChart.bars(shown.map { SVGChart.Bar(label: $0.label, value: $0.count) }, title: "Причины / Reason codes") ?? ""
        if summary.reasons.count > shown.count {
            text += "<p class=\"meta\">Ещё кодов <span class=\"en\">more codes</span>: \(summary.reasons.count - shown.count)</p>"
        }
        return text + "</section>"
    }

    private func regions(_ summary: CleansingSummary) -> String {
        var text = "<section>" + heading("По регионам", "By region")
        let shown = summary.regions.prefix(configuration.maximumRegions)
        guard !shown.isEmpty else { return text + empty() + "</section>" }
        text += SVGChart.bars(shown.map { SVGChart.Bar(label: $0.region, value: $0.total) }, title: "По регионам / By region") ?? ""
        let columns = CleansingRowStatus.allCases
        text += "<table><thead><tr><th>Регион <span class=\"en\">region</span></th><th class=\"num\">Всего <span class=\"en\">total</span></th>"
        for status in columns { text += "<th class=\"num\"><code>\(HTMLText.escape(status.rawValue))</code></th>" }
        text += "</tr></thead><tbody>"
        for region in shown {
            text += "<tr><td>\(HTMLText.escape(region.region))</td><td class=\"num\">\(ProgressFormatter.grouped(region.total))</td>"
            for status in columns {
                let count = region.statuses.first { $0.label == status.rawValue }?.count ?? 0
                text += "<td class=\"num\">\(count == 0 ? "" : ProgressFormatter.grouped(count))</td>"
            }
            text += "</tr>"
        }
        return text + "</tbody></table></section>"
    }

    private func corrections(_ summary: CleansingSummary) -> String {
        let corrections = summary.corrections
        var text = "<section>" + heading("Предложенные исправления", "Corrections proposed")
        text += "<p>Строк с исправлениями <span class=\"en\">rows</span>: <b>\(ProgressFormatter.grouped(corrections.rows))</b>, "
        text += "исправлений <span class=\"en\">proposals</span>: <b>\(ProgressFormatter.grouped(corrections.proposals))</b></p>"
        if let chart = SVGChart.bars(corrections.byField.map { SVGChart.Bar(label: $0.label, value: $0.count) }, title: "Исправления по полям / by field") {
            text += chart
        }
        if !corrections.examples.isEmpty {
            text += "<table><thead><tr><th class=\"num\">Строка <span class=\"en\">line</span></th><th>Поле <span class=\"en\">field</span></th>"
            text += "<th>Было <span class=\"en\">input</span></th><th>Реестр <span class=\"en\">registry</span></th></tr></thead><tbody>"
            for example in corrections.examples {
                text += "<tr><td class=\"num\">\(example.line)</td><td><code>\(HTMLText.escape(example.field))</code></td>"
                text += "<td>\(HTMLText.escape(example.current))</td><td>\(HTMLText.escape(example.suggested))</td></tr>"
            }
            text += "</tbody></table>"
        }
        return text + "</section>"
    }

    private func duplicates(_ summary: CleansingSummary) -> String {
        let duplicates = summary.duplicates
        var text = "<section>" + heading("Дубликаты", "Duplicates")
        text += "<p>Групп <span class=\"en\">groups</span>: <b>\(ProgressFormatter.grouped(duplicates.groups))</b>, "
        text += "строк в группах <span class=\"en\">rows in groups</span>: <b>\(ProgressFormatter.grouped(duplicates.rows))</b>, "
        text += "общий телефон у разных родителей <span class=\"en\">shared phone</span>: <b>\(ProgressFormatter.grouped(duplicates.sharedPhoneRows))</b></p>"
        return text + "</section>"
    }

    private func registryErrors(_ summary: CleansingSummary) -> String {
        var text = "<section>" + heading("Ошибки реестров", "Registry errors")
        guard !summary.registryErrors.isEmpty else { return text + empty() + "</section>" }
        text += SVGChart.bars(
            summary.registryErrors.map { SVGChart.Bar(label: "\($0.registry) · \($0.kind)", value: $0.count, cssClass: "bar error") },
            title: "Ошибки реестров / Registry errors") ?? ""
        return text + "</section>"
    }

    private func throughput(_ summary: CleansingSummary) -> String {
        var text = "<section>" + heading("Скорость обработки", "Throughput over time (rows/s)")
        guard let chart = SVGChart.line(summary.throughput, title: "Строк в секунду / rows per second") else { return text + empty() + "</section>" }
        text += chart
        text += "<p class=\"meta\">Интервал <span class=\"en\">interval</span>: \(HTMLText.escape(String(summary.throughput.intervalSeconds))) s, "
        text += "пик <span class=\"en\">peak</span>: \(ProgressFormatter.grouped(Int(summary.throughput.peakRowsPerSecond.rounded()))) /s</p>"
        return text + "</section>"
    }

    // MARK: - Helpers

    private func empty() -> String { "<p class=\"meta\">Нет данных <span class=\"en\">none</span></p>" }

    private func share(_ count: Int, of total: Int) -> String {
        guard total > 0 else { return "" }
        let tenths = Int((Double(count) / Double(total) * 1_000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = configuration.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }

    private static let style = """
        body{font-family:-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px auto;max-width:980px;color:#1f2933;line-height:1.4}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d9e2ec;padding-bottom:4px}
        .en{color:#7b8794;font-weight:normal;font-size:0.85em}.meta{color:#52606d;font-size:14px}
        .cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #d9e2ec;border-radius:8px;padding:10px 14px;min-width:130px}
        .card .value{font-size:22px;font-weight:bold}
        table{border-collapse:collapse;margin:10px 0;font-size:13px}th,td{border-bottom:1px solid #e4e7eb;padding:4px 8px;text-align:left}
        td.num,th.num{text-align:right}code{font-size:12px}
        svg.chart{display:block;max-width:100%;height:auto;margin:8px 0}svg .label,svg .value{font-size:12px;fill:#3e4c59}
        svg rect.bar{fill:#3f7cac}svg rect.s-valid{fill:#3e9b5f}svg rect.s-correctable{fill:#7fb069}svg rect.s-mismatch{fill:#e09f3e}
        svg rect.s-invalid_iin{fill:#c0392b}svg rect.s-not_found{fill:#9b59b6}svg rect.s-deceased{fill:#52606d}
        svg rect.s-duplicate{fill:#d35400}svg rect.s-registry_unavailable{fill:#95a5a6}svg rect.s-unreadable{fill:#7f8c8d}svg rect.error{fill:#c0392b}
        svg .axis{stroke:#9aa5b1;stroke-width:1}svg .series{fill:none;stroke:#3f7cac;stroke-width:2}
        footer{margin-top:32px;color:#7b8794;font-size:13px}
        """
}
