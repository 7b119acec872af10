import Foundation

/// Renders a run as ONE self-contained HTML file in the cleansing report's style: inline CSS and inline SVG bar
/// charts (by outcome, region, provider, contradiction and anomaly kind), no scripts, no external URLs, all text
/// escaped, no personal data (providers as BIN, entrepreneurs' IINs masked).
public struct ReverificationReportRenderer: Sendable {
    /// Regions and providers shown in the charts. Default 25 each (the most flagged first).
    public var maximumRows: Int

    /// Creates a renderer.
    public init(maximumRows: Int = 25) {
        self.maximumRows = maximumRows
    }

    /// The report as an HTML document.
    public func html(for summary: ReverificationSummary, anomalies: [ProviderAnomaly]) -> String {
        var body = "<header><h1>Повторная проверка ваучеров <span class=\"en\">Voucher re-verification and contradictions</span></h1>"
        body += "<p class=\"meta\">Запуск <span class=\"en\">run</span> <code>\(Self.escape(summary.runID))</code> · "
        body += "активные на <span class=\"en\">active on</span> \(Self.escape(summary.activeOn))</p></header>"
        let cards: [(String, String, String)] = [
            ("Ваучеров", "Vouchers", String(summary.vouchers)),
            ("На проверку", "Flagged", String(summary.flagged)),
            ("Приостановить?", "Suspend suggested", String(summary.outcomes[ReverificationOutcome.suspendSuggested.rawValue] ?? 0)),
            ("Противоречий", "Contradictions", String(summary.contradictions.values.reduce(0, +))),
            ("Аномалий", "Anomalies", String(summary.anomalies.values.reduce(0, +))),
            ("Скорость", "Throughput", String(format: "%.1f /s", summary.vouchersPerSecond)),
        ]
        body += "<section>" + Self.heading("Итоги", "Totals") + "<div class=\"cards\">"
        for (russian, english, value) in cards {
            body += "<div class=\"card\"><div class=\"value\">\(Self.escape(value))</div><div>\(Self.escape(russian)) <span class=\"en\">\(Self.escape(english))</span></div></div>"
        }
        body += "</div></section>"
        body += section("Решения", "Decisions", ReverificationOutcome.allCases.map {
            Bar(label: $0.rawValue, value: summary.outcomes[$0.rawValue] ?? 0, cssClass: "bar o-\($0.rawValue.lowercased())")
        })
        body += section("Причины", "New reasons of flagged vouchers", summary.reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            Bar(label: $0.key, value: $0.value)
        })
        body += section("Противоречия между реестрами", "Cross-registry contradictions", ContradictionKind.allCases.map {
            Bar(label: $0.rawValue, value: summary.contradictions[$0.rawValue] ?? 0)
        })
        body += section("Аномалии поставщиков", "Provider anomalies", ProviderAnomalyKind.allCases.map {
            Bar(label: $0.rawValue, value: summary.anomalies[$0.rawValue] ?? 0)
        })
        body += tallies("По регионам", "By region (КАТО)", summary.regions)
        body += tallies("По поставщикам", "By provider", summary.providers)
        body += anomalyTable(anomalies)
        body += "<footer><p>Персональные данные не выводятся (ИИН: 0612******12). <span class=\"en\">No personal data; nothing is suspended "
            + "without an operator.</span></p></footer>"
        return """
            <!DOCTYPE html>
            <html lang="ru">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Повторная проверка ваучеров — Voucher re-verification</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    struct Bar {
        var label: String
        var value: Int
        var cssClass = "bar"
    }

    private func section(_ russian: String, _ english: String, _ bars: [Bar]) -> String {
        "<section>" + Self.heading(russian, english) + (Self.bars(bars, title: "\(russian) / \(english)") ?? "<p class=\"meta\">—</p>") + "</section>"
    }

    private func tallies(_ russian: String, _ english: String, _ tallies: [String: ReverificationSummary.Tally]) -> String {
        let top = tallies.sorted { ($1.value.flagged, $1.value.contradictions, $0.key) < ($0.value.flagged, $0.value.contradictions, $1.key) }
            .prefix(maximumRows)
        var text = "<section>" + Self.heading(russian, english)
        text += Self.bars(top.map { Bar(label: $0.key, value: $0.value.flagged, cssClass: "bar o-review") }, title: "\(english): flagged") ?? ""
        text += "<table><tr><th></th><th class=\"num\">ваучеров <span class=\"en\">vouchers</span></th><th class=\"num\">на проверку "
            + "<span class=\"en\">flagged</span></th><th class=\"num\">приостановить? <span class=\"en\">suspend</span></th><th class=\"num\">"
            + "противоречий <span class=\"en\">contradictions</span></th><th class=\"num\">аномалий <span class=\"en\">anomalies</span></th></tr>"
        for (key, tally) in top {
            text += "<tr><td><code>\(Self.escape(key))</code></td><td class=\"num\">\(tally.vouchers)</td><td class=\"num\">\(tally.flagged)</td>"
                + "<td class=\"num\">\(tally.suspendSuggested)</td><td class=\"num\">\(tally.contradictions)</td><td class=\"num\">\(tally.anomalies)</td></tr>"
        }
        return text + "</table></section>"
    }

    private func anomalyTable(_ anomalies: [ProviderAnomaly]) -> String {
        guard !anomalies.isEmpty else { return "" }
        var text = "<section>" + Self.heading("Аномалии (первые 100)", "Anomalies (first 100)")
        text += "<table><tr><th>kind</th><th>providers</th><th>coach</th><th>region</th><th class=\"num\">vouchers</th><th>detail</th></tr>"
        for anomaly in anomalies.prefix(100) {
            text += "<tr><td>\(Self.escape(anomaly.kind.rawValue))</td><td><code>\(Self.escape(anomaly.providers.joined(separator: ", ")))</code></td>"
                + "<td><code>\(Self.escape(anomaly.coach ?? "—"))</code></td><td><code>\(Self.escape(anomaly.regionKATO))</code></td>"
                + "<td class=\"num\">\(anomaly.voucherIDs.count)</td><td>\(Self.escape(anomaly.detail))</td></tr>"
        }
        return text + "</table></section>"
    }

    static func heading(_ russian: String, _ english: String) -> String {
        "<h2>\(escape(russian)) <span class=\"en\">\(escape(english))</span></h2>"
    }

    /// Horizontal bars (the cleansing report's chart); `nil` when all are zero or there are none.
    static func bars(_ bars: [Bar], title: String, labelWidth: Int = 300, width: Int = 760) -> String? {
        guard !bars.isEmpty, bars.contains(where: { $0.value > 0 }) else { return nil }
        let rowHeight = 24
        let height = bars.count * rowHeight + 8
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let barSpace = width - labelWidth - 90
        var svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">"
        svg += "<title>\(escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * rowHeight
            let length = bar.value == 0 ? 0 : max(2, Int((Double(bar.value) / Double(maximum) * Double(barSpace)).rounded()))
            svg += "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(escape(bar.label))</text>"
            svg += "<rect class=\"\(escape(bar.cssClass))\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\"></rect>"
            svg += "<text class=\"value\" x=\"\(labelWidth + length + 6)\" y=\"\(y + 16)\">\(bar.value)</text>"
        }
        return svg + "</svg>"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
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
        svg rect.bar{fill:#3f7cac}svg rect.o-ok{fill:#3e9b5f}svg rect.o-review{fill:#e09f3e}svg rect.o-suspend_suggested{fill:#c0392b}
        footer{margin-top:32px;color:#7b8794;font-size:13px}
        """
}
