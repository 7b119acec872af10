import Identifiers
import Matching
import Testing

@testable import Cleansing

/// The one-line explanation the results file carries for each matched row.
struct MatchExplanationTests {
    /// The explanation as first specified: interpolated parts joined by "; " (the oracle for the appending version).
    static func reference(_ score: MatchScore) -> String {
        func weight(_ value: Double) -> String {
            let scaled = Int((abs(value) * 100).rounded())
            let fraction = scaled % 100
            return "\(value < 0 && scaled > 0 ? "-" : "+")\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        }
        var parts = [score.modelVersion]
        if score.prior != 0 { parts.append("prior \(weight(score.prior))") }
        var missing: [String] = []
        for item in score.contributions {
            if let level = item.level {
                parts.append("\(item.field.rawValue) \(level) \(weight(item.weight))")
            } else if [.surname, .firstName, .patronymic, .birthDate].contains(item.field) {
                missing.append(item.field.rawValue)
            }
        }
        if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ","))") }
        parts.append("total \(weight(score.total)) \(score.decision.rawValue)")
        return parts.joined(separator: "; ")
    }

    static let declared = PersonFields(surname: "Нұрланова", firstName: "Әлия", patronymic: "Серікқызы", birthDate: CalendarDate(year: 2015, month: 4, day: 3))
    static let others = [
        PersonFields(surname: "Nurlanova", firstName: "Aliya", birthDate: CalendarDate(year: 2015, month: 4, day: 3)),
        PersonFields(surname: "Нурланова", firstName: "Алия", patronymic: "Сериковна", birthDate: CalendarDate(year: 2015, month: 3, day: 4)),
        PersonFields(surname: "Иванов", firstName: "Петр", birthDate: CalendarDate(year: 1985, month: 4, day: 15)),
        PersonFields(surname: "Нұрланова"),
        PersonFields(),
    ]

    @Test("the explanation is the model, each compared field's level and weight, the missing fields and the total", arguments: others)
    func matchesReference(other: PersonFields) {
        let score = MatchModel.default.score(Self.declared, other)
        #expect(score.cleansingExplanation == Self.reference(score))
        #expect(score.cleansingExplanation.hasPrefix(score.modelVersion))
    }

    @Test("weights have a sign and two decimals", arguments: [(9.064, "+9.06"), (-6.5, "-6.50"), (0.004, "+0.00"), (-0.004, "+0.00"), (12.1, "+12.10"), (-0.05, "-0.05")])
    func weights(value: Double, text: String) {
        #expect(MatchScore.signedWeight(value) == text)
    }
}
