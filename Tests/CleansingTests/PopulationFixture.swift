import Population

/// A small seeded synthetic population, generated once per test process.
enum PopulationFixture {
    private static let shared: Result<Population, PopulationError> = {
        do throws(PopulationError) {
            return .success(try PopulationGenerator(configuration: PopulationConfiguration(seed: 7, people: 3_000)).generate())
        } catch {
            return .failure(error)
        }
    }()

    /// 3,000 people, seed 7.
    static func small() throws -> Population { try shared.get() }
}
