import Foundation
import Identifiers

/// The outcome of checking one input line, as the CLI reports it (human line or one JSON object).
struct IdentifierCheckResult {
    let input: String
    let kind: IdentifierKind
    /// The normalised twelve digits, when valid.
    let normalized: String?
    let error: IdentifierError?
    let flags: [String]
    let derived: [String: String]

    var isValid: Bool { error == nil }

    init(iinInput input: String) {
        self.input = input
        kind = .iin
        do {
            let iin = try IIN(input)
            let facts = iin.plausibility
            normalized = iin.unmasked
            error = nil
            flags = facts.flags.codes
            var derived: [String: String] = [:]
            if let date = facts.birthDate { derived["birthDate"] = date.description }
            if let gender = facts.gender { derived["gender"] = gender.rawValue }
            if let century = facts.century { derived["century"] = String(century) }
            self.derived = derived
        } catch {
            normalized = nil
            self.error = error
            flags = []
            derived = [:]
        }
    }

    init(binInput input: String, asOf reference: CalendarDate) {
        self.input = input
        kind = .bin
        do {
            let bin = try BIN(input, asOf: reference)
            normalized = bin.text
            error = nil
            flags = []
            derived = [
                "registrationMonth": "\(bin.registrationYear)-\(bin.registrationMonth < 10 ? "0" : "")\(bin.registrationMonth)",
                "entityType": "\(bin.entityType)",
                "division": "\(bin.division)",
            ]
        } catch {
            normalized = nil
            self.error = error
            flags = []
            derived = [:]
        }
    }

    // MARK: - Human output

    func humanLine(line: Int?, language: MessageLanguage) -> String {
        let prefix = line.map { "line \($0): " } ?? ""
        guard error == nil, let normalized else {
            let error = error!
            return "\(prefix)\(input.debugDescription) invalid \(error.code): \(error.message(language))"
        }
        var parts = ["\(prefix)\(normalized) valid"]
        if kind == .iin {
            if let date = derived["birthDate"], let gender = derived["gender"] {
                parts.append(language == .ru ? "дата рождения по ИИН \(date), пол \(gender == "male" ? "мужской" : "женский")" : "born \(date) per digits, \(gender)")
            }
            for flag in flags { parts.append("flag \(flag)") }
        } else {
            parts.append("registered \(derived["registrationMonth"] ?? "?"), \(derived["entityType"] ?? "?"), \(derived["division"] ?? "?")")
        }
        return parts.joined(separator: "  ")
    }

    // MARK: - JSON output

    func jsonLine(line: Int?) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let record = JSONRecord(result: self, line: line)
        guard let data = try? encoder.encode(record), let text = String(data: data, encoding: .utf8) else {
            return #"{"error":"ENCODING_FAILED"}"#
        }
        return text
    }

    /// One JSON object per input line; keys are stable for machines.
    private struct JSONRecord: Encodable {
        let result: IdentifierCheckResult
        let line: Int?

        enum CodingKeys: String, CodingKey {
            case line, input, kind, valid, normalized, error, position, message, flags, birthDate, gender, century
            case registrationMonth, entityType, division
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(line, forKey: .line)
            try container.encode(result.input, forKey: .input)
            try container.encode(result.kind.rawValue, forKey: .kind)
            try container.encode(result.isValid, forKey: .valid)
            try container.encode(result.normalized, forKey: .normalized)
            try container.encode(result.error?.code, forKey: .error)
            if let error = result.error {
                try container.encode(error.position, forKey: .position)
                try container.encode(["en": error.message(.en), "ru": error.message(.ru)], forKey: .message)
            }
            try container.encode(result.flags, forKey: .flags)
            switch result.kind {
            case .iin:
                try container.encode(result.derived["birthDate"], forKey: .birthDate)
                try container.encode(result.derived["gender"], forKey: .gender)
                try container.encode(result.derived["century"].flatMap { Int($0) }, forKey: .century)
            case .bin:
                try container.encode(result.derived["registrationMonth"], forKey: .registrationMonth)
                try container.encode(result.derived["entityType"], forKey: .entityType)
                try container.encode(result.derived["division"], forKey: .division)
            }
        }
    }
}
