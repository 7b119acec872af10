import Normalization
import Testing

/// Kazakhstan mobile numbers to E.164, and the reasons others are rejected.
struct PhoneNumberTests {
    static let valid: [(String, String)] = [
        ("+7 (701) 123-45-67", "+77011234567"),
        ("8 701 123 45 67", "+77011234567"),
        ("87011234567", "+77011234567"),
        ("77011234567", "+77011234567"),
        ("7011234567", "+77011234567"),
        ("+77011234567", "+77011234567"),
        ("8-777-000-00-00", "+77770000000"),
        ("+7 747 555 66 77", "+77475556677"),
        ("007 705 111 22 33", "+77051112233"),
        ("8~10 7 771 111 22 33", "+77711112233"),
        ("+7 778 123 45 67", "+77781234567"),
        ("+7 700 123 45 67", "+77001234567"),
        ("+7 708 123 45 67", "+77081234567"),
    ]

    @Test("accepted spellings", arguments: valid)
    func accepted(_ pair: (String, String)) throws {
        #expect(try PhoneNumber(pair.0).e164 == pair.1)
    }

    static let invalid: [(String, NormalizationError.Reason)] = [
        ("", .empty),
        ("+7 7172 55 66 77", .phoneNotMobile),  // Astana landline
        ("8 727 255 66 77", .phoneNotMobile),  // Almaty landline
        ("+7 709 123 45 67", .phoneNotMobile),
        ("+7 772 123 45 67", .phoneNotMobile),
        ("+7 916 123 45 67", .phoneForeign),  // Russian mobile
        ("8 495 123 45 67", .phoneForeign),  // Moscow
        ("+996 555 123 456", .phoneForeign),  // Kyrgyzstan
        ("+998 90 123 45 67", .phoneForeign),  // Uzbekistan
        ("701 123 45", .phoneLength),
        ("+7 701 123 45 678", .phoneLength),
        ("8 701 123 45 67 ext 5", .phoneInvalidCharacter),
        ("8 701 12a 45 67", .phoneInvalidCharacter),
        ("8 701 +123 45 67", .phoneInvalidCharacter),
    ]

    @Test("rejected with a typed reason", arguments: invalid)
    func rejected(_ pair: (String, NormalizationError.Reason)) {
        do {
            let number = try PhoneNumber(pair.0)
            Issue.record("\(pair.0) accepted as \(number)")
        } catch {
            #expect(error.reason == pair.1, "\(pair.0): \(error)")
        }
    }

    @Test("every listed mobile code is accepted and formats as +7 7XX XXX XX XX", arguments: KazakhstanMobilePrefixes.all)
    func mobileCodes(_ code: Int) throws {
        let number = try PhoneNumber("8\(code)1234567")
        #expect(number.operatorCode == code)
        #expect(number.formatted == "+7 \(code) 123 45 67")
    }

    @Test("an invalid character's position is reported")
    func position() {
        do { _ = try PhoneNumber("8 701 12a 45 67") } catch { #expect(error.position == 9) }
    }
}
