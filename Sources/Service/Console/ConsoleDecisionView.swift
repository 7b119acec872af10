import Foundation
import Matching

/// Turns a ``DecisionDocument`` into what the review and lookup pages show: reasons in the page's language, per
/// person the registry's (masked) values beside each field's comparison level and weight, and the weight waterfall.
struct ConsoleDecisionView {
    let document: DecisionDocument
    let language: ConsoleLanguage
    /// What was declared, by field, when the page knows it (the lookup form the operator just filled in); the gateway
    /// does not store declared values, so review pages show the registry side and the comparison only.
    var declared: [PersonField: String] = [:]

    /// Reasons with the message in the page's language.
    var reasons: [[String: Any]] {
        document.reasons.map { ["code": $0.code, "message": language == .ru ? $0.messageRu : $0.messageKk] }
    }

    /// One entry per person the decision compared or looked up (`person`, `child`, `parent`), sorted by role.
    var people: [[String: Any]] {
        let roles = Set(document.explanations.keys).union(document.registry.keys).sorted()
        return roles.map { role in
            let score = document.explanations[role]
            let registry = document.registry[role]
            let rows: [[String: Any]] = PersonField.allCases.compactMap { field in
                let contribution = score?.contribution(of: field)
                let value = registry.flatMap { Self.value(of: field, in: $0) }
                let declaredValue = declared[field]
                guard contribution != nil || value != nil || declaredValue != nil else { return nil }
                let comparison: String =
                    if let contribution {
                        contribution.level.map { "\($0) — \(contribution.description)" } ?? ConsoleStrings.text("missing", language)
                    } else { "" }
                return [
                    "field": field.rawValue, "registry": value ?? "—", "declared": declaredValue ?? "—", "comparison": comparison,
                    "weight": contribution.map { Self.signed($0.weight) } ?? "",
                ]
            }
            var entry: [String: Any] = ["role": role, "rows": rows, "iin": registry?.iin ?? ""]
            if let score { entry["waterfall"] = Self.waterfall(score, missing: ConsoleStrings.text("missing", language)) }
            return entry
        }
    }

    /// Registry answers the decision relied on.
    var evidence: [[String: Any]] {
        document.evidence.map { ["registry": $0.registry, "messageId": $0.messageId, "resultCode": $0.resultCode ?? ""] }
    }

    /// A field's masked registry value as the API shows it.
    static func value(of field: PersonField, in person: MaskedPerson) -> String? {
        switch field {
        case .surname: person.surname
        case .firstName: person.firstName
        case .patronymic: person.patronymic
        case .birthDate: person.birthYear.map(String.init)
        case .gender: person.gender
        case .region: person.regionKATO
        case .phone: nil
        }
    }

    /// The waterfall: the prior, then each contribution as a bar from the running total, then the total. Bars are
    /// placed on one scale spanning 0 and every running total (240 px wide); a field missing on one side reads `missing`.
    static func waterfall(_ score: MatchScore, missing: String) -> [String: Any] {
        var running = [0.0, score.prior]
        for item in score.contributions { running.append(running[running.count - 1] + item.weight) }
        let low = min(running.min() ?? 0, 0)
        let high = max(running.max() ?? 0, 0)
        let span = max(high - low, 0.001)
        func bar(from start: Double, to end: Double) -> [String: Any] {
            let x = (min(start, end) - low) / span * 240
            let width = max(abs(end - start) / span * 240, 1)
            let kind = end > start ? "pos" : end < start ? "neg" : "zero"
            return ["x": String(format: "%.1f", x), "width": String(format: "%.1f", width), "kind": kind]
        }
        let steps: [[String: Any]] = score.contributions.enumerated().map { index, item in
            [
                "field": item.field.rawValue, "level": item.level.map { "\($0) — \(item.description)" } ?? missing, "weight": signed(item.weight),
                "bar": bar(from: running[index + 1], to: running[index + 2]),
            ]
        }
        return [
            "prior": signed(score.prior), "priorBar": bar(from: 0, to: score.prior), "steps": steps, "total": signed(score.total),
            "totalBar": bar(from: 0, to: score.total), "decision": score.decision.rawValue,
            "probability": String(format: "%.3f", score.probability),
        ]
    }

    /// `+1.25` / `−0.50`.
    static func signed(_ value: Double) -> String {
        (value < 0 ? "−" : "+") + String(format: "%.2f", abs(value))
    }
}
