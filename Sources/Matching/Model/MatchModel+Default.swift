extension MatchModel {
    /// The hand-set starting model shipped with Qorgan, before any EM training.
    ///
    /// m values: how often a genuine declaration shows the level against its registry record (typos,
    /// Russianised Kazakh letters, Latin passports, swapped names, missing patronymics — names.md §2–§5).
    /// u values: how often two different people do, from name-frequency and birth-date spread estimates.
    /// λ = 0.5 (neutral prior), MATCH at 8 bits (odds 256 : 1), REVIEW at 0. Retrain with
    /// `ModelTrainer.train(pairs:initial:…)` on unlabelled pairs and check against ground truth.
    public static let `default` = MatchModel(
        version: "qorgan-default-1",
        description: "Hand-set starting parameters for comparing a declaration with a registry record; not yet trained.",
        lambda: 0.5,
        comparisons: [
            FieldComparison(
                field: .surname,
                description: "Surname",
                levels: [
                    .init(name: "exact", description: "identical after case, blank and look-alike repair", rule: .exact, m: 0.80, u: 0.0015),
                    .init(name: "transliteration", description: "same name after transliteration and Kazakh-letter folding", rule: .keyEqual, m: 0.09, u: 0.0005),
                    .init(name: "swapped", description: "surname and first name swapped", rule: .swapped, m: 0.01, u: 0.0001),
                    .init(name: "stem", description: "same stem, ending differs (-ов/-ова/-ұлы)", rule: .stemEqual, m: 0.03, u: 0.003),
                    .init(name: "close", description: "Jaro–Winkler ≥ 0.92: one or two letters differ", rule: .jaroWinkler(0.92), m: 0.04, u: 0.005),
                    .init(name: "similar", description: "Jaro–Winkler ≥ 0.80: similar", rule: .jaroWinkler(0.80), m: 0.02, u: 0.03),
                    .init(name: "different", description: "different surname", rule: .otherwise, m: 0.01, u: 0.9599),
                ]
            ),
            FieldComparison(
                field: .firstName,
                description: "First name",
                levels: [
                    .init(name: "exact", description: "identical after case, blank and look-alike repair", rule: .exact, m: 0.82, u: 0.004),
                    .init(name: "transliteration", description: "same name after transliteration and Kazakh-letter folding", rule: .keyEqual, m: 0.09, u: 0.001),
                    .init(name: "swapped", description: "surname and first name swapped", rule: .swapped, m: 0.01, u: 0.0001),
                    .init(name: "close", description: "Jaro–Winkler ≥ 0.92: one or two letters differ", rule: .jaroWinkler(0.92), m: 0.05, u: 0.008),
                    .init(name: "similar", description: "Jaro–Winkler ≥ 0.80: similar", rule: .jaroWinkler(0.80), m: 0.02, u: 0.04),
                    .init(name: "different", description: "different first name", rule: .otherwise, m: 0.01, u: 0.9469),
                ]
            ),
            FieldComparison(
                field: .patronymic,
                description: "Patronymic",
                levels: [
                    .init(name: "exact", description: "identical after case, blank and look-alike repair", rule: .exact, m: 0.75, u: 0.002),
                    .init(name: "transliteration", description: "same patronymic after transliteration and Kazakh-letter folding", rule: .keyEqual, m: 0.10, u: 0.001),
                    .init(name: "same father", description: "same father's name, other pattern (-ович ↔ -ұлы)", rule: .stemEqual, m: 0.08, u: 0.002),
                    .init(name: "similar", description: "Jaro–Winkler ≥ 0.88", rule: .jaroWinkler(0.88), m: 0.04, u: 0.02),
                    .init(name: "different", description: "different patronymic", rule: .otherwise, m: 0.03, u: 0.975),
                ]
            ),
            FieldComparison(
                field: .birthDate,
                description: "Birth date",
                levels: [
                    .init(name: "exact", description: "same day", rule: .exact, m: 0.93, u: 0.00015),
                    .init(name: "day-month swapped", description: "day and month swapped", rule: .dayMonthSwapped, m: 0.02, u: 0.0001),
                    .init(name: "one digit off", description: "one digit mistyped or two adjacent digits swapped", rule: .oneDigitOff, m: 0.03, u: 0.002),
                    .init(name: "same year", description: "only the year agrees", rule: .sameYear, m: 0.01, u: 0.05),
                    .init(name: "different", description: "different birth date", rule: .otherwise, m: 0.01, u: 0.94775),
                ]
            ),
            FieldComparison(
                field: .gender,
                description: "Sex",
                levels: [
                    .init(name: "exact", description: "same sex", rule: .exact, m: 0.98, u: 0.5),
                    .init(name: "different", description: "different sex", rule: .otherwise, m: 0.02, u: 0.5),
                ]
            ),
            FieldComparison(
                field: .region,
                description: "Region",
                levels: [
                    .init(name: "exact", description: "same region", rule: .exact, m: 0.90, u: 0.12),
                    .init(name: "different", description: "different region", rule: .otherwise, m: 0.10, u: 0.88),
                ]
            ),
            FieldComparison(
                field: .phone,
                description: "Mobile phone",
                levels: [
                    .init(name: "exact", description: "same number", rule: .exact, m: 0.85, u: 0.0001),
                    .init(name: "one digit off", description: "one digit mistyped or two adjacent digits swapped", rule: .damerauLevenshtein(1), m: 0.05, u: 0.0005),
                    .init(name: "different", description: "different number", rule: .otherwise, m: 0.10, u: 0.9994),
                ]
            ),
        ],
        thresholds: MatchThresholds(match: 8, review: 0)
    )

    /// `MatchModel.default` as the JSON model file (`qorgan model train --initial` starts from it).
    public static var defaultJSON: String { String(decoding: MatchModel.default.jsonData(), as: UTF8.self) }
}
