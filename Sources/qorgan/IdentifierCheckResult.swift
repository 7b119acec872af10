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

    /// One JSON object with keys in a fixed order (line, input, kind, valid, normalized, error, …).
    func jsonLine(line: Int?) -> String {
        var object = OrderedJSONObject()
        if let line { object.append("line", .number(line)) }
        object.append("input", .string(input))
        object.append("kind", .string(kind.rawValue))
        object.append("valid", .bool(isValid))
        object.append("normalized", normalized.map(JSONValue.string) ?? .null)
        object.append("error", error.map { .string($0.code) } ?? .null)
        if let error {
            object.append("position", error.position.map(JSONValue.number) ?? .null)
            var message = OrderedJSONObject()
            message.append("en", .string(error.message(.en)))
            message.append("ru", .string(error.message(.ru)))
            object.append("message", .object(message))
        }
        object.append("flags", .array(flags.map(JSONValue.string)))
        let keys = kind == .iin ? ["birthDate", "gender", "century"] : ["registrationMonth", "entityType", "division"]
        for key in keys {
            if key == "century", let century = derived[key].flatMap({ Int($0) }) {
                object.append(key, .number(century))
            } else {
                object.append(key, derived[key].map(JSONValue.string) ?? .null)
            }
        }
        return JSONValue.object(object).serialized
    }
}
