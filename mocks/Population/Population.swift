public import Identifiers

/// A synthetic population: the truth, each registry's view of it, parent declarations, and the ground truth
/// of every injected defect and fraud.
///
/// Build one with `PopulationGenerator(configuration:).generate()`, or read an exported directory back with
/// `Population.load(from:)`. Mock registries serve `individuals`, `education`, `health` and `business`;
/// tests and evaluations compare them with `people` and `defects`.
public struct Population: Sendable, Equatable {
    /// The configuration that produced this population.
    public let configuration: PopulationConfiguration
    /// Every person as they really are, in generation order (households contiguous).
    public let people: [Person]
    /// ГБД ФЛ's view.
    public let individuals: IndividualsRegistry
    /// НОБД's view.
    public let education: EducationRegistry
    /// The health registries' view.
    public let health: HealthRegistry
    /// ГБД ЮЛ's view.
    public let business: BusinessRegistry
    /// Parent declarations as typed.
    public let declarations: [Declaration]
    /// The truth about each declaration, in the same order.
    public let declarationTruth: [DeclarationTruth]
    /// Every injected registry defect, ordered by registry, then population order.
    public let defects: [Defect]

    private let personIndex: [IIN: Int]

    /// Assembles a population and indexes it.
    public init(
        configuration: PopulationConfiguration, people: [Person], individuals: IndividualsRegistry, education: EducationRegistry,
        health: HealthRegistry, business: BusinessRegistry, declarations: [Declaration], declarationTruth: [DeclarationTruth], defects: [Defect]
    ) {
        self.configuration = configuration
        self.people = people
        self.individuals = individuals
        self.education = education
        self.health = health
        self.business = business
        self.declarations = declarations
        self.declarationTruth = declarationTruth
        self.defects = defects
        personIndex = Dictionary(people.enumerated().map { ($1.iin, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The true person with this IIN, or `nil` when nobody has it.
    public func person(_ iin: IIN) -> Person? { personIndex[iin].map { people[$0] } }

    /// The defects injected for this person, in ground-truth order.
    public func defects(for iin: IIN) -> [Defect] { defects.filter { $0.iin == iin } }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.configuration == rhs.configuration && lhs.people == rhs.people && lhs.individuals == rhs.individuals
            && lhs.education == rhs.education && lhs.health == rhs.health && lhs.business == rhs.business
            && lhs.declarations == rhs.declarations && lhs.declarationTruth == rhs.declarationTruth && lhs.defects == rhs.defects
    }
}
