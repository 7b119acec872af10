import Cleansing
import Foundation
import Identifiers
import Normalization
import Population
import Testing
import Verification

/// The individuals registry view of a generated population as a `PersonRegistry` (in memory, answers at once).
struct PopulationPersonRegistry: PersonRegistry {
    let individuals: IndividualsRegistry

    func person(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<PersonRecord> {
        let evidence = RegistryEvidence(registry: .individuals, messageId: "population", receivedAt: Date(timeIntervalSince1970: 0))
        guard let record = individuals.person(iin) else { return .notFound(evidence: evidence) }
        let person = record.person
        let person_ = PersonRecord(
            iin: person.iin, surname: person.surname, firstName: person.firstName, patronymic: person.patronymic,
            latinSurname: record.engSurname, latinFirstName: record.engFirstName, birthDate: person.birthDate, gender: person.gender,
            lifeStatus: record.lifeStatus == .deceased ? .deceased : .alive, deathDate: record.deathDate,
            registeredAddress: RegisteredAddress(katoCode: record.address.katoCode, region: AdministrativeRegion(kato: record.address.regionKATO)))
        return .found(person_, evidence: evidence)
    }
}

/// Parent rows built from a population's declarations, each with the decision its ground truth calls for.
enum PopulationCleansingRows {
    struct Case {
        let row: CleansingInputRow
        let expected: CleansingDecision
    }

    /// For each declaration, in order: the parent's row (`VALID` — `CORRECTABLE` also agrees — or `DUPLICATE` when
    /// the same parent already filed a row); then, from its fraud, a row with the parent's names under the
    /// non-existent IIN (`NOT_FOUND`) or under another family's child's IIN (`MISMATCH`), or the deceased child's own
    /// row (`DECEASED`); and for every 25th declaration the parent's row with a broken check digit (`INVALID_IIN`).
    static func cases(_ population: Population) -> [Case] {
        var cases: [Case] = []
        var seenParents = Set<IIN>()
        var line = 1
        func add(_ fields: [CleansingColumn: String], _ expected: CleansingDecision) {
            line += 1
            cases.append(Case(row: CleansingInputRow(line: line, fields: fields), expected: expected))
        }
        func dotted(_ date: CalendarDate?) -> String {
            guard let date else { return "" }
            func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return "\(pad(date.day)).\(pad(date.month)).\(date.year)"
        }
        for (index, (declaration, truth)) in zip(population.declarations, population.declarationTruth).enumerated() {
            let parentBirthDate = dotted(population.person(truth.parentIIN)?.birthDate)
            let parent: [CleansingColumn: String] = [
                .recordID: declaration.id, .iin: declaration.parentIIN, .surname: declaration.parentSurname,
                .firstName: declaration.parentFirstName, .patronymic: declaration.parentPatronymic, .birthDate: parentBirthDate,
                .phone: declaration.parentPhone, .region: declaration.region, .childIIN: declaration.childIIN,
            ]
            add(parent, seenParents.insert(truth.parentIIN).inserted ? .valid : .duplicate)
            var impostor = parent
            impostor[.recordID] = declaration.id + "-F"
            switch truth.fraud {
            case .nonExistentIIN?:
                impostor[.iin] = declaration.childIIN
                add(impostor, .notFound)
            case .someoneElsesChild?:
                impostor[.iin] = declaration.childIIN
                add(impostor, .mismatch)
            case .deceasedChild?:
                add([.recordID: declaration.id + "-D", .iin: declaration.childIIN, .surname: declaration.childSurname,
                     .firstName: declaration.childFirstName, .patronymic: declaration.childPatronymic,
                     .birthDate: declaration.childBirthDate, .phone: declaration.parentPhone], .deceased)
            case .wrongRegion?, nil:
                break
            }
            if index % 25 == 0 {
                var typo = parent
                typo[.recordID] = declaration.id + "-T"
                typo[.iin] = PipelineSamples.badChecksum(truth.parentIIN)
                add(typo, .invalidIIN)
            }
        }
        return cases
    }
}

/// The pipeline and the cross-row index on a generated population against its ground truth.
struct PipelineAccuracyTests {
    private static let population: Result<Population, PopulationError> = {
        let rates = DeclarationRates(nonExistentIIN: 0.03, someoneElsesChild: 0.03, deceasedChild: 0.02)
        do throws(PopulationError) {
            return .success(try PopulationGenerator(configuration: PopulationConfiguration(seed: 23, people: 50_000, declarations: rates)).generate())
        } catch {
            return .failure(error)
        }
    }()

    @Test("decisions agree with ground truth: no fraud or non-existent IIN is ever VALID, genuine parents ≥ 99 % VALID or CORRECTABLE")
    func accuracy() async throws {
        let population = try Self.population.get()
        let cases = PopulationCleansingRows.cases(population)
        let pipeline = CleansingPipeline(persons: PopulationPersonRegistry(individuals: population.individuals))
        var index = CleansingCrossRowIndex()
        var results: [CleansingResultRow] = []
        for item in cases {
            let finding = index.register(item.row)
            results.append(await pipeline.cleanse(item.row, crossRow: finding, within: .after(.seconds(60))))
        }
        var accuracy = CleansingAccuracy()
        var genuineMisses: [String] = []
        for (item, result) in zip(cases, results.map(index.finalise)) {
            let decision = try #require(result.decision)
            accuracy.record(expected: item.expected, actual: decision)
            if item.expected == .valid, decision != .valid, decision != .correctable {
                genuineMisses.append("\(decision) \(result.reasonCodes.joined(separator: "|")) \(result.matchExplanation)")
            }
        }
        print("cleansing confusion table (population seed 23, 50,000 people, \(cases.count) rows):\n\(accuracy)")
        print("cross-row: \(index.statistics)")
        for miss in genuineMisses.prefix(20) { print("genuine parent not VALID/CORRECTABLE: \(miss)") }

        for expected in [CleansingDecision.notFound, .mismatch, .deceased, .invalidIIN] {
            #expect(accuracy.count(expected: expected, actual: .valid) == 0, "a \(expected) row was VALID")
            #expect(accuracy.total(expected: expected) > 0)
        }
        #expect(accuracy.count(expected: .notFound, actual: .correctable) == 0)
        #expect(accuracy.rate(of: [.valid, .correctable], among: .valid) >= 0.99)
        #expect(accuracy.rate(of: [.notFound], among: .notFound) >= 0.99)
        #expect(accuracy.rate(of: [.invalidIIN], among: .invalidIIN) == 1)
        #expect(accuracy.rate(of: [.deceased], among: .deceased) >= 0.99)
        #expect(accuracy.rate(of: [.mismatch], among: .mismatch) >= 0.95)
        #expect(accuracy.rate(of: [.duplicate], among: .duplicate) >= 0.95)
    }
}
