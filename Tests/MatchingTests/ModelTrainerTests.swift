import Foundation
import Identifiers
import Matching
import Testing

/// EM recovers m, u and λ from unlabelled synthetic pairs.
struct ModelTrainerTests {
    /// A four-comparison model whose levels only matter through their indices.
    static func model(m: [[Double]], u: [[Double]], lambda: Double) -> MatchModel {
        let fields: [PersonField] = [.surname, .firstName, .birthDate, .phone]
        let comparisons = zip(fields, zip(m, u)).map { field, mu in
            FieldComparison(field: field, description: field.rawValue, levels: mu.0.indices.map { index in
                ComparisonLevel(name: "L\(index)", description: "level \(index)", rule: index == mu.0.count - 1 ? .otherwise : .exact,
                                m: mu.0[index], u: mu.1[index])
            })
        }
        return MatchModel(version: "synthetic", description: "test", lambda: lambda, comparisons: comparisons, thresholds: .init(match: 5, review: 0))
    }

    static let trueM: [[Double]] = [[0.85, 0.10, 0.05], [0.80, 0.15, 0.05], [0.90, 0.07, 0.03], [0.70, 0.30]]
    static let trueU: [[Double]] = [[0.02, 0.08, 0.90], [0.05, 0.10, 0.85], [0.01, 0.09, 0.90], [0.10, 0.90]]
    static let trueLambda = 0.3

    /// Vectors drawn from the true model; labels are drawn and thrown away.
    static func vectors(count: Int, seed: UInt64, missingShare: Double) -> [ComparisonVector] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let isMatch = Double.random(in: 0..<1, using: &rng) < trueLambda
            let levels: [Int?] = trueM.indices.map { field in
                if Double.random(in: 0..<1, using: &rng) < missingShare { return nil }
                return rng.pick(isMatch ? trueM[field] : trueU[field])
            }
            return ComparisonVector(levels: levels)
        }
    }

    @Test("EM recovers known m, u and λ within 0.02 without labels")
    func recoversParameters() throws {
        let start = Self.model(
            m: [[0.6, 0.2, 0.2], [0.6, 0.2, 0.2], [0.6, 0.2, 0.2], [0.6, 0.4]],
            u: [[0.1, 0.2, 0.7], [0.1, 0.2, 0.7], [0.1, 0.2, 0.7], [0.3, 0.7]], lambda: 0.5)
        let data = Self.vectors(count: 40_000, seed: 2026, missingShare: 0.1)
        let (trained, report) = try ModelTrainer.train(vectors: data, initial: start, maxIterations: 500, tolerance: 1e-8)
        #expect(report.converged)
        #expect(abs(trained.lambda - Self.trueLambda) < 0.02, "λ \(trained.lambda)")
        for (index, comparison) in trained.comparisons.enumerated() {
            for (level, fitted) in comparison.levels.enumerated() {
                #expect(abs(fitted.m - Self.trueM[index][level]) < 0.02, "m[\(index)][\(level)] = \(fitted.m)")
                #expect(abs(fitted.u - Self.trueU[index][level]) < 0.02, "u[\(index)][\(level)] = \(fitted.u)")
            }
        }
        try trained.validate()
        #expect(trained.version == "synthetic+em")
        // The log-likelihood never decreases.
        for (before, after) in zip(report.logLikelihoods, report.logLikelihoods.dropFirst()) {
            #expect(after >= before - 1e-6 * abs(before))
        }
    }

    @Test("training on record pairs learns that most declarations match their registry record")
    func trainsOnPairs() throws {
        var rng = SeededGenerator(seed: 99)
        let surnames = ["Ахметов", "Оспанов", "Касымов", "Сулейменов", "Иванов", "Ким", "Бекенов", "Рахимов", "Омаров", "Абенов"]
        let firstNames = ["Ерлан", "Арман", "Диас", "Мирас", "Алихан", "Нурлан", "Сергей", "Тимур", "Руслан", "Азамат"]
        var pairs: [RecordPair] = []
        for _ in 0..<3_000 {
            let person = PersonFields(
                surname: surnames.randomElement(using: &rng), firstName: firstNames.randomElement(using: &rng),
                birthDate: date(Int.random(in: 2008...2018, using: &rng), Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng)),
                gender: .male)
            if Double.random(in: 0..<1, using: &rng) < 0.8 {
                pairs.append(RecordPair(left: person, right: person))
            } else {
                let other = PersonFields(
                    surname: surnames.randomElement(using: &rng), firstName: firstNames.randomElement(using: &rng),
                    birthDate: date(Int.random(in: 2008...2018, using: &rng), Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng)),
                    gender: .male)
                pairs.append(RecordPair(left: person, right: other))
            }
        }
        let (trained, report) = try ModelTrainer.train(pairs: pairs, initial: .default)
        #expect(abs(report.lambda - 0.8) < 0.03, "λ \(report.lambda)")
        #expect(report.pairs == 3_000)
        let surnameComparisons = trained.comparisons.filter { $0.field == .surname }
        #expect(surnameComparisons.count == 1)
        guard let surname = surnameComparisons.first else { return }
        #expect(surname.levels[0].m > 0.95)
        #expect(abs(surname.levels[0].u - 0.1) < 0.03, "ten surnames: u(exact) ≈ 0.1, got \(surname.levels[0].u)")
    }

    @Test("no pairs is a typed error")
    func empty() {
        do {
            _ = try ModelTrainer.train(pairs: [], initial: .default)
            Issue.record("trained on nothing")
        } catch {
            #expect(error.reason == .noTrainingPairs)
        }
    }
}
