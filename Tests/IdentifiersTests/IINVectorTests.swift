import Foundation
import Identifiers
import Testing

/// The test vectors of the domain notes (iin.md), kept here so the package stands alone.
struct IINVectorTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        let iin: String
        let birthDate: String?
        let gender: Gender?
        let flags: [String]
        var testDescription: String { iin }
    }

    static let valid: [Valid] = [
        .init(iin: "850415300121", birthDate: "1985-04-15", gender: .male, flags: []),
        .init(iin: "791102401577", birthDate: "1979-11-02", gender: .female, flags: []),
        .init(iin: "150601500436", birthDate: "2015-06-01", gender: .male, flags: []),
        .init(iin: "120930602185", birthDate: "2012-09-30", gender: .female, flags: []),
        .init(iin: "140321500701", birthDate: "2014-03-21", gender: .male, flags: []),
        .init(iin: "991231100050", birthDate: "1899-12-31", gender: .male, flags: []),
        .init(iin: "950308200719", birthDate: "1895-03-08", gender: .female, flags: []),
        .init(iin: "000229500276", birthDate: "2000-02-29", gender: .male, flags: []),
        .init(iin: "080229500141", birthDate: "2008-02-29", gender: .male, flags: []),
        .init(iin: "850415300131", birthDate: "1985-04-15", gender: .male, flags: []),
        // Checksum fine, digits 1–7 implausible: soft flags, nothing derived that would be a guess.
        .init(iin: "100230500113", birthDate: nil, gender: .male, flags: ["BIRTH_DATE_INVALID"]),
        .init(iin: "090229600102", birthDate: nil, gender: .female, flags: ["BIRTH_DATE_INVALID"]),
        .init(iin: "000229300273", birthDate: nil, gender: .male, flags: ["BIRTH_DATE_INVALID"]),
        .init(iin: "851315300120", birthDate: nil, gender: .male, flags: ["BIRTH_DATE_INVALID"]),
        .init(iin: "850415000122", birthDate: nil, gender: nil, flags: ["CENTURY_DIGIT_UNDEFINED"]),
        .init(iin: "850415700127", birthDate: nil, gender: nil, flags: ["CENTURY_DIGIT_UNDEFINED"]),
    ]

    @Test("valid vectors parse, with derived facts only when plausible", arguments: valid)
    func validVector(_ vector: Valid) throws {
        let iin = try IIN(vector.iin)
        #expect(iin.unmasked == vector.iin)
        let facts = iin.plausibility
        #expect(facts.birthDate?.description == vector.birthDate)
        #expect(facts.gender == vector.gender)
        #expect(facts.flags.codes == vector.flags)
        #expect(facts.isPlausible == vector.flags.isEmpty)
    }

    @Test("century comes from digit 7")
    func century() throws {
        #expect(try IIN("991231100050").plausibility.century == 1800)
        #expect(try IIN("850415300121").plausibility.century == 1900)
        #expect(try IIN("150601500436").plausibility.century == 2000)
        #expect(try IIN("850415000122").plausibility.century == nil)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let input: String
        let reason: IdentifierError.Reason
        let position: Int?
        var testDescription: String { input }
    }

    static let invalid: [Invalid] = [
        .init(input: "850415300122", reason: .checksum, position: 12),
        .init(input: "850415300211", reason: .checksum, position: 12),
        .init(input: "140321501500", reason: .notIssuable, position: 1),
        .init(input: "890402315840", reason: .notIssuable, position: 1),
        .init(input: "890402315841", reason: .notIssuable, position: 1),
        .init(input: "85041530012", reason: .wrongLength, position: nil),
        .init(input: "8504153001211", reason: .wrongLength, position: nil),
        .init(input: "", reason: .empty, position: nil),
        .init(input: "  - ", reason: .empty, position: nil),
        .init(input: "85041530O121", reason: .invalidCharacter, position: 9),
        .init(input: "８50415300121", reason: .invalidCharacter, position: 1),  // full-width digit is not guessed
        .init(input: "850415300121.", reason: .invalidCharacter, position: 13),
        .init(input: "٨50415300121", reason: .invalidCharacter, position: 1),  // Arabic-Indic digit
    ]

    @Test("invalid vectors fail with a distinct reason and the position", arguments: invalid)
    func invalidVector(_ vector: Invalid) {
        #expect {
            try IIN(vector.input)
        } throws: { error in
            guard let error = error as? IdentifierError else { return false }
            return error.reason == vector.reason && error.position == vector.position && error.kind == .iin
        }
    }

    @Test("checksum error states computed and given digit")
    func checksumDetails() {
        do {
            _ = try IIN("850415300122")
            Issue.record("expected a checksum error")
        } catch {
            #expect(error.code == "IIN_CHECKSUM")
            #expect(error.checkDigits?.computed == 1)
            #expect(error.checkDigits?.given == 2)
            #expect(error.message(.en).contains("position 12"))
            #expect(error.message(.ru).contains("позиция 12"))
        }
    }

    @Test("lenient parsing ignores blanks and dashes, never guesses", arguments: [
        " 850415300121 ", "850415-300121", "8504 1530 0121", "850415\u{00A0}300121", "850415–300121", "\t850415300121\r\n",
    ])
    func lenient(_ input: String) throws {
        #expect(try IIN(input).unmasked == "850415300121")
    }

    @Test("strict bytes API agrees with the lenient one")
    func strictBytes() throws {
        let good = Array("791102401577".utf8)
        let iin = try good.withUnsafeBufferPointer { bytes throws(IdentifierError) in try IIN(asciiDigits: bytes) }
        #expect(iin == (try IIN("791102401577")))
        let spaced = Array("791102 401577".utf8)
        #expect(throws: IdentifierError.self) {
            try spaced.withUnsafeBufferPointer { bytes throws(IdentifierError) in try IIN(asciiDigits: bytes) }
        }
    }

    @Test("the non-throwing bulk API returns the same outcome as the throwing one", arguments: ["850415300121", "850415300122", "140321501500", "85041530O121", "8504153001", ""])
    func bulkAPI(_ input: String) {
        let bytes = Array(input.utf8)
        let result = bytes.withUnsafeBufferPointer { IIN.validate(asciiDigits: $0) }
        switch result {
        case .success(let iin): #expect(iin.unmasked == input)
        case .failure(let error):
            #expect(throws: error) { try IIN(input) }
        }
    }

    @Test("an IIN masks itself when printed")
    func masking() throws {
        let iin = try IIN("850415300121")
        #expect("\(iin)" == "8504******21")
        #expect(iin.masked == "8504******21")
        #expect(!String(describing: iin).contains("850415300121"))
    }

    @Test("messages name the wrong position in Russian and English")
    func messages() {
        do {
            _ = try IIN("85041530O121")
            Issue.record("expected an error")
        } catch {
            #expect(error.message(.en) == "IIN: character 'O' at position 9 is not a digit 0–9")
            #expect(error.message(.ru) == "ИИН: символ «O» в позиции 9 не является цифрой 0–9")
        }
    }

    @Test("Codable round trip uses the real digits")
    func codable() throws {
        let iin = try IIN("120930602185")
        let data = try JSONEncoder().encode([iin])
        #expect(String(decoding: data, as: UTF8.self) == #"["120930602185"]"#)
        #expect(try JSONDecoder().decode([IIN].self, from: data) == [iin])
        #expect(throws: (any Error).self) { try JSONDecoder().decode([IIN].self, from: Data(#"["120930602186"]"#.utf8)) }
    }
}
