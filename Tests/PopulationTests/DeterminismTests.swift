import Foundation
import Identifiers
import Population
import Testing

struct DeterminismTests {
    private func files(in directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in PopulationLayout.allFiles {
            result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return result
    }

    @Test("the same seed and size give byte-identical files")
    func sameSeedSameBytes() throws {
        let configuration = PopulationConfiguration(seed: 99, people: 4_000)
        let first = PopulationFixture.temporaryDirectory("a")
        let second = PopulationFixture.temporaryDirectory("b")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try PopulationGenerator(configuration: configuration).generate().write(to: first)
        try PopulationGenerator(configuration: configuration).generate().write(to: second)
        let a = try files(in: first)
        let b = try files(in: second)
        for name in PopulationLayout.allFiles {
            #expect(a[name] == b[name], "\(name) differs between two runs")
            #expect((a[name]?.count ?? 0) > 0, "\(name) is empty")
        }
    }

    @Test("a different seed gives a different population")
    func differentSeedDiffers() throws {
        let one = try PopulationGenerator(configuration: .init(seed: 1, people: 2_000)).generate()
        let two = try PopulationGenerator(configuration: .init(seed: 2, people: 2_000)).generate()
        #expect(one.people.map(\.iin) != two.people.map(\.iin))
        #expect(one.people.count == 2_000 && two.people.count == 2_000)
    }

    @Test("an exported directory loads back into an equal population")
    func loadRoundTrip() throws {
        let population = try PopulationGenerator(configuration: .init(seed: 5, people: 3_000)).generate()
        let directory = PopulationFixture.temporaryDirectory("load")
        defer { try? FileManager.default.removeItem(at: directory) }
        try population.write(to: directory)
        let loaded = try Population.load(from: directory)
        #expect(loaded.configuration == population.configuration)
        #expect(loaded.people == population.people)
        #expect(loaded.individuals == population.individuals)
        #expect(loaded.education == population.education)
        #expect(loaded.health == population.health)
        #expect(loaded.business == population.business)
        #expect(loaded.declarations == population.declarations)
        #expect(loaded.declarationTruth == population.declarationTruth)
        #expect(loaded.defects == population.defects)
        #expect(loaded == population)
    }

    @Test("loading a directory without a manifest fails with an I/O error")
    func loadMissing() {
        let directory = PopulationFixture.temporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: PopulationError.self) { try Population.load(from: directory) }
    }

    @Test("an out-of-range rate is rejected")
    func invalidConfiguration() {
        var configuration = PopulationConfiguration(people: 10)
        configuration.defects.health.nameVariant = 1.5
        #expect(throws: PopulationError.self) { try PopulationGenerator(configuration: configuration).generate() }
    }
}
