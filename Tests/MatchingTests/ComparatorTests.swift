import Matching
import Testing

/// Jaro–Winkler and Damerau–Levenshtein (OSA): known values and properties.
struct ComparatorTests {
    static let jaroWinklerValues: [(String, String, Double)] = [
        ("MARTHA", "MARHTA", 0.961),
        ("DWAYNE", "DUANE", 0.840),
        ("DIXON", "DICKSONX", 0.813),
        ("JELLYFISH", "SMELLYFISH", 0.896),
        ("ABC", "ABC", 1.0),
        ("ABC", "XYZ", 0.0),
        ("", "", 1.0),
        ("A", "", 0.0),
    ]

    @Test("Jaro–Winkler known values (3 decimals)", arguments: jaroWinklerValues)
    func jaroWinklerKnown(_ case_: (String, String, Double)) {
        let bytes = JaroWinkler.similarity(Array(case_.0.utf8), Array(case_.1.utf8))
        let scalars = JaroWinkler.similarity(case_.0, case_.1)
        #expect(abs(bytes - case_.2) < 0.0005, "\(case_.0)/\(case_.1) = \(bytes)")
        #expect(abs(scalars - bytes) < 1e-12)
    }

    @Test("Jaro–Winkler works on Cyrillic text by scalars")
    func cyrillic() {
        #expect(JaroWinkler.similarity("МАРТА", "МАРТА") == 1)
        #expect(abs(JaroWinkler.similarity("МАРТХА", "МАРХТА") - JaroWinkler.similarity("MARTHA", "MARHTA")) < 1e-12)
    }

    static func randomWords(count: Int, seed: UInt64, maxLength: Int = 12) -> [[UInt8]] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in UInt8.random(in: 65...70, using: &rng) }
        }
    }

    @Test("Jaro–Winkler is symmetric, 1 on identity, within 0…1")
    func jaroWinklerProperties() {
        let words = Self.randomWords(count: 300, seed: 7)
        for (a, b) in zip(words, words.dropFirst()) {
            let ab = JaroWinkler.similarity(a, b)
            #expect(abs(ab - JaroWinkler.similarity(b, a)) < 1e-12)
            #expect(ab >= 0 && ab <= 1)
            #expect(JaroWinkler.similarity(a, a) == 1)
        }
    }

    @Test("Jaro–Winkler long inputs (> 64 bytes) agree with the short path's definition")
    func longInputs() {
        let a = Array(String(repeating: "ABCDEFGH", count: 10).utf8)
        var b = a
        b.swapAt(3, 4)
        let value = JaroWinkler.similarity(a, b)
        #expect(value > 0.99 && value < 1)
        #expect(JaroWinkler.similarity(a, a) == 1)
        #expect(abs(value - JaroWinkler.similarity(b, a)) < 1e-12)
    }

    static let distances: [(String, String, Int)] = [
        ("KITTEN", "SITTING", 3),
        ("CA", "ABC", 3),  // OSA, not unrestricted Damerau–Levenshtein (2)
        ("AB", "BA", 1),
        ("NURLAN", "NRULAN", 1),
        ("ABC", "ABC", 0),
        ("", "ABC", 3),
        ("ABC", "", 3),
        ("SERIK", "SERIIK", 1),
    ]

    @Test("optimal string alignment distance known values", arguments: distances)
    func distanceKnown(_ case_: (String, String, Int)) {
        #expect(DamerauLevenshtein.distance(Array(case_.0.utf8), Array(case_.1.utf8)) == case_.2)
        #expect(DamerauLevenshtein.distance(case_.0, case_.1) == case_.2)
    }

    @Test("OSA distance is symmetric, 0 only on identity, between |la − lb| and max(la, lb)")
    func distanceProperties() {
        let words = Self.randomWords(count: 300, seed: 11)
        for (a, b) in zip(words, words.dropFirst()) {
            let d = DamerauLevenshtein.distance(a, b)
            #expect(d == DamerauLevenshtein.distance(b, a))
            #expect(d >= abs(a.count - b.count) && d <= max(a.count, b.count))
            #expect((d == 0) == (a == b))
            #expect(DamerauLevenshtein.distance(a, a) == 0)
        }
    }

    static let dateRelations: [(String, String, DateRelation)] = [
        ("2015-04-03", "2015-04-03", .equal),
        ("2015-04-03", "2015-03-04", .dayMonthSwapped),
        ("2015-04-03", "2015-04-08", .oneDigitOff),
        ("2015-05-13", "2015-05-31", .oneDigitOff),  // adjacent digits swapped (13 ↔ 31)
        ("2015-04-03", "2016-04-03", .oneDigitOff),
        ("2015-04-03", "2015-11-20", .sameYear),
        ("2015-04-03", "1987-09-21", .different),
    ]

    @Test("date relations", arguments: dateRelations)
    func dateRelation(_ case_: (String, String, DateRelation)) {
        func parse(_ text: String) -> (Int, Int, Int) {
            let parts = text.split(separator: "-").map { Int($0)! }
            return (parts[0], parts[1], parts[2])
        }
        let (y1, m1, d1) = parse(case_.0)
        let (y2, m2, d2) = parse(case_.1)
        let relation = DateRelation(date(y1, m1, d1), date(y2, m2, d2))
        #expect(relation == case_.2)
        #expect(DateRelation(date(y2, m2, d2), date(y1, m1, d1)) == relation)
    }
}
