import Cleansing
import Foundation
import Testing
import Verification

@Suite struct CleansingReportTests {
    static let injection = "<script>alert(\"x\")</script><img src=x onerror=alert(1)>&amp;"

    /// A summary from rows covering every status, with hostile text wherever text is free.
    static func summary() -> CleansingSummary {
        var builder = CleansingSummaryBuilder(configuration: .init(maximumCorrectionExamples: 3))
        let regions = ["г. Алматы", "Карагандинская область", injection, ""]
        for index in 0..<90 {
            let status = CleansingRowStatus.allCases[index % 9]
            var row = CleansingResultRow(line: index + 2, status: status, region: regions[index % regions.count])
            if status == .unreadable {
                row = CleansingResultRow(unreadable: UnreadableRow(error: CSVRowError(line: index + 2, reason: .unterminatedQuote), rawText: injection))
            }
            switch status {
            case .decided(.correctable):
                row.iin = "061231500123"
                row.reasonCodes = ["NAME_MISMATCH", injection]
                row.corrections = [
                    SuggestedCorrection(field: .surname, current: "Жумабеков", suggested: "Жұмабеков"),
                    SuggestedCorrection(field: .iin, current: "061231500124", suggested: "061231500123"),
                    SuggestedCorrection(field: .phone, current: "87011234567", suggested: "+77011234567"),
                ]
            case .decided(.duplicate):
                row.duplicateGroup = "G\(index % 2)"
                row.phoneCheck = .shared
            case .decided(.registryUnavailable):
                row.registryErrors = [RegistryErrorNote(registry: .individuals, unavailable: .timeout), RegistryErrorNote(registry: .health, kind: injection)]
            default:
                break
            }
            builder.add(row)
        }
        var throughput = ThroughputSeries()
        for second in 0..<30 { throughput.record(rows: 3 + second % 4, at: .seconds(second)) }
        return builder.summary(
            durationSeconds: 30, throughput: throughput,
            input: CleansingSummary.Input(fileName: "parents\(injection).csv", encoding: "windows-1251", separator: ";", columns: ["iin": "ИИН \(injection)"]),
            startedAt: Date(timeIntervalSince1970: 1_760_000_000), finishedAt: Date(timeIntervalSince1970: 1_760_000_030))
    }

    @Test("the builder counts statuses, reasons, regions, corrections, duplicates and registry errors")
    func counts() {
        let summary = Self.summary()
        #expect(summary.rows == 90)
        #expect(summary.unreadableRows == 10)
        #expect(summary.decidedRows == 80)
        #expect(summary.statuses.map(\.count) == Array(repeating: 10, count: 9))
        #expect(summary.rowsNeedingAction == 60)
        #expect(summary.reasons.first { $0.label == "NAME_MISMATCH" }?.count == 10)
        #expect(summary.reasons.first { $0.label == "UNTERMINATED_QUOTE" }?.count == 10)
        #expect(summary.regions.map(\.total).reduce(0, +) == 90)
        #expect(summary.regions.contains { $0.region == CleansingSummaryBuilder.noRegion })
        #expect(summary.corrections.rows == 10)
        #expect(summary.corrections.proposals == 30)
        #expect(summary.corrections.examples.count == 3)
        #expect(summary.duplicates == CleansingSummary.Duplicates(groups: 2, rows: 10, sharedPhoneRows: 10))
        #expect(summary.registryErrors.contains(CleansingSummary.RegistryErrorCount(registry: "individuals", kind: "timeout", count: 10)))
        #expect(summary.throughput.totalRows == summary.throughput.buckets.reduce(0, +))
    }

    @Test("correction examples are masked: IIN as 0612******12, names by first letter, phones by ends")
    func masked() {
        let examples = Self.summary().corrections.examples
        #expect(examples.map(\.current) == ["Ж********", "0612******24", "87011****67"])
        #expect(examples.map(\.suggested) == ["Ж********", "0612******23", "+7701*****67"])
        #expect(PersonalDataMask.iin("12345") == "*****")
        #expect(PersonalDataMask.name("Әсел Серікқызы-Ахмет") == "Ә*** С********-А****")
        #expect(PersonalDataMask.birthDate("1985-04-15") == "1985-**-**")
        #expect(PersonalDataMask.mask("г. Алматы", as: .region) == "г. Алматы")
    }

    @Test("the JSON summary round-trips and carries no raw IIN or name")
    func json() throws {
        let summary = Self.summary()
        let data = try summary.jsonData()
        #expect(try CleansingSummary(jsonData: data) == summary)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("061231500123"))
        #expect(!text.contains("Жумабеков"))
        #expect(text.contains("\"formatVersion\" : 1"))
    }

    @Test("the HTML report is one self-contained document: inline CSS and SVG, no scripts, no URLs")
    func selfContained() throws {
        let html = CleansingReportRenderer().html(for: Self.summary())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 5)
        #expect(html.contains("<polyline"))
        #expect(!html.lowercased().contains("http"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("url("))
        #expect(!html.contains("href="))
        #expect(!html.contains("@import"))
        for tag in ["section", "svg", "table", "tr", "td", "h2", "text", "p", "span"] {
            let opened = html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
            let closed = html.components(separatedBy: "</\(tag)>").count - 1
            #expect(opened == closed, "<\(tag)> opened \(opened) times, closed \(closed)")
        }
    }

    @Test("Russian headings carry English subtitles")
    func bilingual() {
        let html = CleansingReportRenderer().html(for: Self.summary())
        for (russian, english) in [("Решения", "Decisions"), ("По регионам", "By region"), ("Предложенные исправления", "Corrections proposed"),
                                   ("Дубликаты", "Duplicates"), ("Ошибки реестров", "Registry errors"), ("Скорость обработки", "Throughput")] {
            #expect(html.contains("<h2>\(russian) <span class=\"en\">\(english)"))
        }
    }

    @Test("every piece of text is escaped (file name, columns, regions, reasons, registry kinds)")
    func escaped() {
        let html = CleansingReportRenderer().html(for: Self.summary())
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("alert(\""))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;"))
    }

    @Test("personal data stays out of the report")
    func noPersonalData() {
        let html = CleansingReportRenderer().html(for: Self.summary())
        #expect(!html.contains("061231500123"))
        #expect(!html.contains("061231500124"))
        #expect(!html.contains("Жумабеков"))
        #expect(!html.contains("87011234567"))
        #expect(html.contains("0612******23"))
    }

    @Test("an empty job renders too")
    func emptySummary() {
        let summary = CleansingSummaryBuilder().summary(durationSeconds: 0)
        let html = CleansingReportRenderer().html(for: summary)
        #expect(summary.rows == 0)
        #expect(html.contains("Нет данных"))
        #expect(!html.lowercased().contains("http"))
    }
}
