import Foundation
import Identifiers
import Population
import Testing

struct DeclarationTests {
    let population = PopulationFixture.population

    @Test("the Excel dialect has a BOM, semicolons and CRLF, and both dialects parse back to the declarations")
    func csvDialects() throws {
        let directory = PopulationFixture.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        try population.write(to: directory)
        let excelData = try Data(contentsOf: directory.appendingPathComponent(PopulationLayout.declarationsExcel))
        let commaData = try Data(contentsOf: directory.appendingPathComponent(PopulationLayout.declarationsComma))
        let excel = try #require(TestCSVReader.read(excelData, delimiter: ";"))
        let comma = try #require(TestCSVReader.read(commaData, delimiter: ","))
        #expect(excel.hadByteOrderMark && !comma.hadByteOrderMark)
        #expect(excel.lineEndings == ["\r\n"])
        #expect(comma.lineEndings == ["\n"])
        #expect(excel.records.first == Declaration.columns)
        let expected = population.declarations.map(\.fields)
        #expect(Array(excel.records.dropFirst()) == expected)
        #expect(Array(comma.records.dropFirst()) == expected)
        #expect(expected.count > 500)
    }

    @Test("fields with delimiters, quotes and line breaks are quoted per RFC 4180 and read back intact")
    func quoting() throws {
        let small = try PopulationGenerator(configuration: .init(seed: 3, people: 500)).generate()
        let tricky = Declaration(
            id: "D9", submittedAt: "2025-08-01 10:00", parentIIN: "850415300121", parentSurname: "Иванова; \"Петрова\"",
            parentFirstName: "Анна,\r\nМария", parentPatronymic: "", parentPhone: "8 (701) 123-45-67", childIIN: "150601500436",
            childSurname: "ЖҰМАБЕКОВ", childFirstName: "Әлихан", childPatronymic: "Ерланұлы", childBirthDate: "1.6.2015",
            region: "г. Алматы", providerID: "040440001207", section: "Футбол")
        let truth = DeclarationTruth(declarationID: "D9", fraud: nil, noise: [], parentIIN: try IIN("850415300121"),
                                     childIIN: try IIN("150601500436"), childRegionKATO: "750000000")
        let custom = Population(
            configuration: small.configuration, people: small.people, individuals: small.individuals, education: small.education,
            health: small.health, business: small.business, declarations: [tricky], declarationTruth: [truth], defects: small.defects)
        let directory = PopulationFixture.temporaryDirectory("quote")
        defer { try? FileManager.default.removeItem(at: directory) }
        try custom.write(to: directory)
        for (name, delimiter) in [(PopulationLayout.declarationsExcel, Character(";")), (PopulationLayout.declarationsComma, Character(","))] {
            let parsed = try #require(TestCSVReader.read(try Data(contentsOf: directory.appendingPathComponent(name)), delimiter: delimiter))
            #expect(parsed.records.count == 2)
            #expect(parsed.records.last == tricky.fields)
        }
        #expect(try Population.load(from: directory).declarations == [tricky])
    }

    @Test("fraud in the ground truth is what it says")
    func fraud() throws {
        #expect(population.declarations.count == population.declarationTruth.count)
        var kinds = Set<FraudKind>()
        for (declaration, truth) in zip(population.declarations, population.declarationTruth) {
            #expect(declaration.id == truth.declarationID)
            guard let fraud = truth.fraud else {
                let child = try #require(truth.childIIN.flatMap { population.person($0) })
                #expect(child.motherIIN == truth.parentIIN || child.fatherIIN == truth.parentIIN)
                #expect(!child.isDeceased)
                continue
            }
            kinds.insert(fraud)
            let declared = declaration.childIIN.filter(\.isNumber)
            switch fraud {
            case .nonExistentIIN:
                let iin = try IIN(declared)
                #expect(population.person(iin) == nil)
                #expect(truth.childIIN == nil)
            case .someoneElsesChild:
                let child = try #require(truth.childIIN.flatMap { population.person($0) })
                #expect(child.motherIIN != truth.parentIIN && child.fatherIIN != truth.parentIIN)
            case .deceasedChild:
                let child = try #require(truth.childIIN.flatMap { population.person($0) })
                #expect(child.isDeceased)
            case .wrongRegion:
                let kato = try #require(truth.childRegionKATO)
                let region = try #require(Region.byKATO(kato))
                #expect(declaration.region != region.nameRu)
            }
        }
        #expect(kinds == Set(FraudKind.allCases))
    }

    @Test("honest declarations carry realistic noise: date formats, phone formats, case, Russianised letters")
    func noise() {
        let noise = population.declarationTruth.flatMap(\.noise)
        for kind in NoiseKind.allCases { #expect(noise.contains(kind), "no \(kind) in 20,000 people") }
        #expect(population.declarations.contains { $0.childBirthDate.contains(".") })
        #expect(population.declarations.contains { $0.parentPhone.hasPrefix("8") })
    }
}
