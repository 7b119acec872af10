import Foundation
import Identifiers
import Matching
import Normalization
import Testing

/// The Fellegi–Sunter model: weights, missing data, explanations, decisions, the JSON file.
struct MatchModelTests {
    let model = MatchModel.default

    @Test("the default model is valid and survives a JSON round trip")
    func defaultModelRoundTrip() throws {
        try model.validate()
        let decoded = try MatchModel(jsonData: model.jsonData())
        #expect(decoded == model)
        #expect(MatchModel.defaultJSON.contains("\"version\" : \"qorgan-default-1\""))
        #expect(MatchModel.defaultJSON.contains("\"thresholds\""))
    }

    @Test("a model file is written and read back")
    func fileRoundTrip() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-model-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.write(to: url)
        #expect(try MatchModel(contentsOf: url) == model)
    }

    @Test("weights are log2(m/u) and the total is prior plus weights, by hand")
    func handComputedWeights() {
        let a = PersonFields(surname: "Ахметова", firstName: "Айгерим", birthDate: date(2015, 4, 3), gender: .female)
        let b = PersonFields(surname: "АХМЕТОВА", firstName: "Айгерім", birthDate: date(2015, 3, 4), gender: .female)
        let score = model.score(a, b)
        // surname exact 0.80/0.0015; first name transliteration 0.09/0.001; date swapped 0.02/0.0001; sex 0.98/0.5.
        let expected = [log2(0.80 / 0.0015), log2(0.09 / 0.001), 0, log2(0.02 / 0.0001), log2(0.98 / 0.5), 0, 0]
        let weights = score.contributions.map(\.weight)
        for (weight, hand) in zip(weights, expected) { #expect(abs(weight - hand) < 1e-12) }
        #expect(score.contribution(of: .firstName)?.level == "transliteration")
        #expect(score.contribution(of: .birthDate)?.level == "day-month swapped")
        #expect(score.prior == 0)  // λ = 0.5
        #expect(abs(score.total - expected.reduce(0, +)) < 1e-9)
        #expect(score.decision == .match)
    }

    @Test("missing fields weigh zero and are named in the explanation")
    func missingWeighsZero() {
        let full = PersonFields(surname: "Иванов", firstName: "Иван", patronymic: "Иванович", birthDate: date(1990, 1, 2), gender: .male, region: .almaty)
        let sparse = PersonFields(surname: "Иванов", firstName: "Иван", patronymic: "   ")
        let score = model.score(full, sparse)
        for field in [PersonField.patronymic, .birthDate, .gender, .region, .phone] {
            let item = score.contribution(of: field)
            #expect(item?.isMissing == true)
            #expect(item?.weight == 0)
        }
        #expect(abs(score.total - (log2(0.80 / 0.0015) + log2(0.82 / 0.004))) < 1e-9)
    }

    @Test("an explanation sums to its total")
    func explanationSums() {
        var rng = SeededGenerator(seed: 42)
        let surnames = ["Ахметов", "Ахметова", "Akhmetov", "Сейткали", "Иванов", "Ivanova", "Нұрланов"]
        let names = ["Әлия", "Алия", "Aliya", "Серік", "Serik", "Мирас", nil]
        for _ in 0..<200 {
            let a = PersonFields(surname: surnames.randomElement(using: &rng), firstName: names.randomElement(using: &rng) ?? nil,
                                 birthDate: Bool.random(using: &rng) ? date(2015, 4, Int.random(in: 1...12, using: &rng)) : nil)
            let b = PersonFields(surname: surnames.randomElement(using: &rng), firstName: names.randomElement(using: &rng) ?? nil,
                                 birthDate: date(2015, Int.random(in: 1...12, using: &rng), 4))
            let score = model.score(a, b)
            let sum = score.prior + score.contributions.reduce(0) { $0 + $1.weight }
            #expect(abs(sum - score.total) < 1e-9)
            #expect(score.contributions.map(\.field) == model.comparisons.map(\.field))
            #expect(score.decision == model.decision(for: score.total))
        }
    }

    struct NameCase: Sendable, CustomTestStringConvertible {
        let declared: PersonFields
        let registry: PersonFields
        let decision: MatchDecision
        var testDescription: String { "\(declared.surname ?? "-") \(declared.firstName ?? "-") vs \(registry.surname ?? "-") \(registry.firstName ?? "-")" }
    }

    static let nameCases: [NameCase] = [
        // The issue's example, three spellings of one person.
        .init(declared: .init(surname: "Ахметова", firstName: "Әлия", patronymic: "Нұрланқызы", birthDate: date(2015, 4, 3)),
              registry: .init(surname: "AKHMETOVA", firstName: "ALIYA", patronymic: "NURLANKYZY", birthDate: date(2015, 4, 3)), decision: .match),
        .init(declared: .init(surname: "Ахметова", firstName: "Алия", patronymic: "Нурланкызы", birthDate: date(2015, 4, 3)),
              registry: .init(surname: "АХМЕТОВА", firstName: "ӘЛИЯ", patronymic: "НҰРЛАНҚЫЗЫ", birthDate: date(2015, 4, 3)), decision: .match),
        // Patronymic pattern changed between documents: the same father.
        .init(declared: .init(surname: "Серікбаев", firstName: "Ерлан", patronymic: "Нурланович", birthDate: date(1985, 4, 15)),
              registry: .init(surname: "СЕРІКБАЕВ", firstName: "ЕРЛАН", patronymic: "НҰРЛАНҰЛЫ", birthDate: date(1985, 4, 15)), decision: .match),
        // First and last names swapped.
        .init(declared: .init(surname: "Ерлан", firstName: "Серікбаев", birthDate: date(1985, 4, 15)),
              registry: .init(surname: "Серікбаев", firstName: "Ерлан", birthDate: date(1985, 4, 15)), decision: .match),
        // A one-letter typo and day/month swapped.
        .init(declared: .init(surname: "Жумабеков", firstName: "Нурсултан", birthDate: date(2012, 3, 9)),
              registry: .init(surname: "Жұмабеков", firstName: "Нұрсұлтан", birthDate: date(2012, 9, 3)), decision: .match),
        // Someone else's IIN: the birth date (derivable from the IIN) agrees, the names do not.
        .init(declared: .init(surname: "Иванова", firstName: "Мария", patronymic: "Петровна", birthDate: date(2015, 4, 3)),
              registry: .init(surname: "Оспанов", firstName: "Диас", patronymic: "Ерланұлы", birthDate: date(2015, 4, 3)), decision: .mismatch),
        .init(declared: .init(surname: "Касымов", firstName: "Арман", birthDate: date(2010, 1, 1)),
              registry: .init(surname: "Бекенова", firstName: "Аружан", birthDate: date(2011, 6, 30)), decision: .mismatch),
    ]

    @Test("names.md variants match, different people do not", arguments: nameCases)
    func decisions(_ case_: NameCase) {
        let score = model.score(case_.declared, case_.registry)
        #expect(score.decision == case_.decision, "\(score)")
        #expect(model.score(case_.registry, case_.declared).total == score.total, "scores are symmetric")
    }

    @Test("decisions follow the thresholds")
    func thresholds() {
        #expect(model.decision(for: 8) == .match)
        #expect(model.decision(for: 7.99) == .review)
        #expect(model.decision(for: 0) == .review)
        #expect(model.decision(for: -0.01) == .mismatch)
    }

    @Test("invalid models are rejected with a reason")
    func invalidModels() throws {
        var badSum = model
        badSum.comparisons[0].levels[0].m = 0.5
        var noElse = model
        noElse.comparisons[1].levels.removeLast()
        var badLambda = model
        badLambda.lambda = 1
        var badThresholds = model
        badThresholds.thresholds = MatchThresholds(match: 0, review: 5)
        for bad in [badSum, noElse, badLambda, badThresholds] {
            #expect(throws: MatchingError.self) { try bad.validate() }
        }
        var future = model
        future.format = MatchModel.currentFormat + 1
        do {
            _ = try MatchModel(jsonData: future.jsonData())
            Issue.record("a future format was accepted")
        } catch {
            #expect(error.reason == .unsupportedFormat)
        }
        do {
            _ = try MatchModel(jsonData: Data("{".utf8))
            Issue.record("broken JSON was accepted")
        } catch {
            #expect(error.shortDescription == "MODEL_UNREADABLE")
        }
    }

    @Test("the explanation prints a waterfall")
    func waterfall() {
        let text = model.score(PersonFields(surname: "Ахметов"), PersonFields(surname: "Akhmetov")).description
        #expect(text.contains("model qorgan-default-1"))
        #expect(text.contains("surname: transliteration"))
        #expect(text.contains("firstName: missing on one side +0.00"))
    }
}
