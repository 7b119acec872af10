import Matching

extension MatchScore {
    /// The score in one line of codes and weights, no values: the model, each compared field's level and weight,
    /// the name and date fields missing on a side, the total and the model's decision.
    ///
    /// `qorgan-default-1; surname exact +9.06; firstName transliteration +6.49; missing patronymic,birthDate; total +15.55 MATCH`
    var cleansingExplanation: String {
        var parts = [modelVersion]
        if prior != 0 { parts.append("prior \(Self.signedWeight(prior))") }
        var missing: [String] = []
        for item in contributions {
            if let level = item.level {
                parts.append("\(item.field.rawValue) \(level) \(Self.signedWeight(item.weight))")
            } else if [.surname, .firstName, .patronymic, .birthDate].contains(item.field) {
                missing.append(item.field.rawValue)
            }
        }
        if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ","))") }
        parts.append("total \(Self.signedWeight(total)) \(decision.rawValue)")
        return parts.joined(separator: "; ")
    }

    /// The total rounded to two decimals (what the results file shows).
    var roundedTotal: Double { (total * 100).rounded() / 100 }

    /// `+9.06`, `-6.56`.
    static func signedWeight(_ value: Double) -> String {
        let scaled = Int((abs(value) * 100).rounded())
        let fraction = scaled % 100
        return "\(value < 0 && scaled > 0 ? "-" : "+")\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
