import Cleansing
import Foundation
import Population
import Testing

@Suite struct CleansingHeaderMappingTests {
    typealias S = CSVTestSupport

    static let russian = ["ИИН", "Фамилия", "Имя", "Отчество", "Дата рождения", "Телефон", "Регион/Область", "ИИН ребёнка", "№"]
    static let kazakh = ["ЖСН", "Тегі", "Аты", "Әкесінің аты", "Туған күні", "Телефон", "Өңір", "Баланың ЖСН", "id"]
    static let english = ["iin", "surname", "first_name", "patronymic", "birth_date", "phone", "region", "child_iin", "record_id"]
    static let englishVariants = ["IIN", "Last Name", "firstName", "Middle_Name", "Date of birth", "Mobile", "REGION", "Child IIN", "ID"]

    @Test("Russian, Kazakh and English headers map every field", arguments: [russian, kazakh, english, englishVariants])
    func languages(header: [String]) throws {
        let mapping = try CleansingHeaderMapping(header: header)
        #expect(mapping.indices[.iin] == 0)
        #expect(mapping.indices[.surname] == 1)
        #expect(mapping.indices[.firstName] == 2)
        #expect(mapping.indices[.patronymic] == 3)
        #expect(mapping.indices[.birthDate] == 4)
        #expect(mapping.indices[.phone] == 5)
        #expect(mapping.indices[.region] == 6)
        #expect(mapping.indices[.childIIN] == 7)
    }

    @Test("case, spaces, punctuation, ё and a BOM do not matter")
    func insensitive() throws {
        let mapping = try CleansingHeaderMapping(header: ["\u{FEFF}  иин  ", "ФАМИЛИЯ", "дата_рождения", "ИИН РЕБЕНКА", "Регион / область"])
        #expect(mapping.indices == [.iin: 0, .surname: 1, .birthDate: 2, .childIIN: 3, .region: 4])
    }

    @Test("the population's declarations export maps the parent fields, child_iin, region and id")
    func populationExport() throws {
        let population = try PopulationFixture.small()
        _ = population
        let header = ["id", "submitted_at", "parent_iin", "parent_surname", "parent_first_name", "parent_patronymic", "parent_phone",
            "child_iin", "child_surname", "child_first_name", "child_patronymic", "child_birth_date", "region", "provider_id", "section"]
        let mapping = try CleansingHeaderMapping(header: header)
        #expect(mapping.indices == [.recordID: 0, .iin: 2, .surname: 3, .firstName: 4, .patronymic: 5, .phone: 6, .childIIN: 7, .region: 12])
        #expect(mapping.unmappedHeaders == ["submitted_at", "child_surname", "child_first_name", "child_patronymic", "child_birth_date",
            "provider_id", "section"])
    }

    @Test("reading a generated declarations file gives each declaration's parent fields")
    func populationRows() throws {
        let directory = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let population = try PopulationFixture.small()
        try population.write(to: directory)
        let input = try CleansingInputReader(path: directory.appendingPathComponent("declarations/declarations-excel.csv").path)
        var index = 0
        while let item = try input.next() {
            guard case .row(let row) = item else {
                Issue.record("unreadable row at line \(item.line)")
                continue
            }
            let declaration = population.declarations[index]
            #expect(row.recordID == declaration.id)
            #expect(row.iin == declaration.parentIIN)
            #expect(row.surname == declaration.parentSurname)
            #expect(row.firstName == declaration.parentFirstName)
            #expect(row.patronymic == declaration.parentPatronymic)
            #expect(row.phone == declaration.parentPhone)
            #expect(row.childIIN == declaration.childIIN)
            #expect(row.region == declaration.region)
            #expect(row.birthDate == nil)
            index += 1
        }
        #expect(index == population.declarations.count)
    }

    @Test("--columns overrides win, by name or #position, and free the header they take")
    func overrides() throws {
        let header = ["ИИН родителя", "Фам.", "Имя", "Тел. для связи", "ИИН"]
        let overrides = try ColumnMappingOverrides(parsing: " iin = иин родителя , surname=Фам., phone=#4")
        let mapping = try CleansingHeaderMapping(header: header, overrides: overrides)
        #expect(mapping.indices == [.iin: 0, .surname: 1, .firstName: 2, .phone: 3])
        #expect(mapping.unmappedHeaders == ["ИИН"])
        #expect(mapping.headerNames[.phone] == "Тел. для связи")
    }

    @Test("--columns strings that do not parse are typed errors",
          arguments: ["iin", "nickname=Ник", "iin=", "iin=#0", "iin=#x1", "iin=ИИН,iin=ЖСН"])
    func badOverrides(text: String) {
        #expect { _ = try ColumnMappingOverrides(parsing: text) } throws: { ($0 as? CleansingError)?.code == .invalidColumnMapping }
    }

    @Test("an override naming a missing header or position says so")
    func overrideMissingHeader() throws {
        for text in ["iin=Номер", "iin=#9"] {
            let overrides = try ColumnMappingOverrides(parsing: text)
            #expect { _ = try CleansingHeaderMapping(header: ["ИИН", "Имя"], overrides: overrides) } throws: {
                ($0 as? CleansingError)?.code == .invalidColumnMapping
            }
        }
    }

    @Test("a missing IIN column names what was found, and masks data-like headers")
    func missingIIN() throws {
        do {
            _ = try CleansingHeaderMapping(header: ["Фамилия", "Имя", "Телефон"])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .missingRequiredColumn)
            #expect(error.message.contains("“Фамилия”, “Имя”, “Телефон”"))
            #expect(error.message.contains("iin"))
        }
        do {
            _ = try CleansingHeaderMapping(header: ["850415300121", "Иванов"])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .missingRequiredColumn)
            #expect(!error.message.contains("850415300121"))
            #expect(error.message.contains("<data>"))
        }
    }

    @Test("two headers claiming one field are ambiguous unless --columns decides")
    func ambiguous() throws {
        #expect { _ = try CleansingHeaderMapping(header: ["ИИН", "IIN"]) } throws: { ($0 as? CleansingError)?.code == .ambiguousColumn }
        let mapping = try CleansingHeaderMapping(header: ["ИИН", "IIN"], overrides: ColumnMappingOverrides(parsing: "iin=#2"))
        #expect(mapping.indices == [.iin: 1])
    }

    @Test("no alias is claimed by two fields")
    func aliasesUnique() {
        var seen: [String: CleansingColumn] = [:]
        for column in CleansingColumn.allCases {
            for alias in column.headerAliases + [column.rawValue] {
                let key = alias.lowercased().filter { $0.isLetter || $0.isNumber }.replacingOccurrences(of: "ё", with: "е")
                if let other = seen[key], other != column { Issue.record("\(alias) claimed by \(column) and \(other)") }
                seen[key] = column
                #expect(CleansingColumn(headerName: alias) == column)
            }
        }
    }

    @Test("the input reader maps rows and passes unreadable rows through, in order")
    func inputReader() throws {
        let text = "Тегі;ЖСН;Телефон\n Иванов ;850415300121;+77011234567\nбитая;строка\nПетров;900101400256;\n"
        let input = try CleansingInputReader(bytes: S.utf8(text))
        var items: [CleansingInputItem] = []
        while let item = try input.next() { items.append(item) }
        #expect(items.map(\.line) == [2, 3, 4])
        guard case .row(let first) = items[0], case .unreadable(let bad) = items[1], case .row(let last) = items[2] else {
            Issue.record("unexpected items")
            return
        }
        #expect(first.iin == "850415300121")
        #expect(first.surname == " Иванов ")
        #expect(first.firstName == nil)
        #expect(bad.error.reason == .fieldCount(expected: 3, found: 2))
        #expect(last.phone == "")
        #expect(!first.description.contains("850415300121"))
        #expect(!first.description.contains("Иванов"))
    }
}
