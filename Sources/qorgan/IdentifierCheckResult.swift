import Identifiers

/// The outcome of checking one input line, as the CLI reports it (human line or one JSON object).
struct IdentifierCheckResult {
    /// What the input turned out to be.
    enum Outcome {
        case iin(IIN)
        case bin(BIN)
        case invalid(IdentifierError)
    }

    let input: String
    let kind: IdentifierKind
    let outcome: Outcome

    init(iinInput input: String) {
        self.input = input
        kind = .iin
        do {
            outcome = .iin(try IIN(input))
        } catch {
            outcome = .invalid(error)
        }
    }

    init(binInput input: String, asOf reference: CalendarDate) {
        self.input = input
        kind = .bin
        do {
            outcome = .bin(try BIN(input, asOf: reference))
        } catch {
            outcome = .invalid(error)
        }
    }

    var isValid: Bool {
        if case .invalid = outcome { return false }
        return true
    }

    /// The twelve digits, when valid.
    private var normalized: String? {
        switch outcome {
        case .iin(let iin): iin.unmasked
        case .bin(let bin): bin.text
        case .invalid: nil
        }
    }

    private var error: IdentifierError? {
        if case .invalid(let error) = outcome { return error }
        return nil
    }

    private static func registrationMonth(_ bin: BIN) -> String {
        "\(bin.registrationYear)-\(bin.registrationMonth < 10 ? "0" : "")\(bin.registrationMonth)"
    }

    // MARK: - Human output

    func humanLine(line: Int?, language: MessageLanguage) -> String {
        let prefix = line.map { "line \($0): " } ?? ""
        switch outcome {
        case .invalid(let error):
            return "\(prefix)\(input.debugDescription) invalid \(error.code): \(error.message(language))"
        case .iin(let iin):
            var parts = ["\(prefix)\(iin.unmasked) valid"]
            let facts = iin.plausibility
            if let date = facts.birthDate, let gender = facts.gender {
                parts.append(
                    language == .ru
                        ? "дата рождения по ИИН \(date), пол \(gender == .male ? "мужской" : "женский")"
                        : "born \(date) per digits, \(gender.rawValue)")
            }
            for flag in facts.flags.codes { parts.append("flag \(flag)") }
            return parts.joined(separator: "  ")
        case .bin(let bin):
            return "\(prefix)\(bin.text) valid  registered \(Self.registrationMonth(bin)), \(bin.entityType), \(bin.division)"
        }
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
        switch (kind, outcome) {
        case (_, .iin(let iin)):
            let facts = iin.plausibility
            object.append("flags", .array(facts.flags.codes.map(JSONValue.string)))
            object.append("birthDate", facts.birthDate.map { .string($0.description) } ?? .null)
            object.append("gender", facts.gender.map { .string($0.rawValue) } ?? .null)
            object.append("century", facts.century.map(JSONValue.number) ?? .null)
        case (_, .bin(let bin)):
            object.append("flags", .array([]))
            object.append("registrationMonth", .string(Self.registrationMonth(bin)))
            object.append("entityType", .string("\(bin.entityType)"))
            object.append("division", .string("\(bin.division)"))
        case (.iin, .invalid):
            object.append("flags", .array([]))
            for key in ["birthDate", "gender", "century"] { object.append(key, .null) }
        case (.bin, .invalid):
            object.append("flags", .array([]))
            for key in ["registrationMonth", "entityType", "division"] { object.append(key, .null) }
        }
        return JSONValue.object(object).serialized
    }
}
