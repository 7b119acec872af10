import Identifiers

/// Issues unique, checksum-valid IINs and BINs.
///
/// IINs follow the YYMMDD + century/sex digit + serial scheme; a configurable share deliberately deviates
/// (date shifted, sometimes the sex digit flipped) as allowed since 2013. A prefix whose check digit does not
/// exist is skipped, as the issuer does.
struct IdentifierAllocator {
    private var random: PopulationRandom
    private var used: Set<UInt64> = []

    init(seed: UInt64) {
        random = PopulationRandom(seed: seed, stream: .identifiers)
    }

    mutating func reserve(capacity: Int) { used.reserveCapacity(capacity) }

    /// An IIN for someone born on `birthDate` with sex `gender`; `deviate` shifts its date/sex digits.
    mutating func iin(birthDate: CalendarDate, gender: Gender, deviate: Bool, notAfter today: CalendarDate) -> IIN {
        var date = birthDate
        var sex = gender
        if deviate {
            // Shift by 1…400 days either way (never into the future) and flip the sex digit a quarter of the time.
            let shift = random.int(in: 1...400) * (random.chance(0.5) ? 1 : -1)
            let shifted = birthDate.adding(days: shift)
            date = shifted > today ? birthDate.adding(days: -abs(shift)) : shifted
            if random.chance(0.25) { sex = gender == .male ? .female : .male }
        }
        let centuryBase = date.year >= 2000 ? 5 : (date.year >= 1900 ? 3 : 1)
        let centuryDigit = centuryBase + (sex == .male ? 0 : 1)
        var digits: [UInt8] = [
            UInt8(date.year % 100 / 10), UInt8(date.year % 10), UInt8(date.month / 10), UInt8(date.month % 10),
            UInt8(date.day / 10), UInt8(date.day % 10), UInt8(centuryDigit), 0, 0, 0, 0, 0,
        ]
        return make(&digits, serialDigits: 4)
    }

    /// An IIN that belongs to nobody in the population (for fraudulent declarations), same scheme.
    mutating func unusedIIN(birthDate: CalendarDate, gender: Gender) -> IIN {
        iin(birthDate: birthDate, gender: gender, deviate: false, notAfter: birthDate)
    }

    /// A BIN registered in `registeredOn`'s month: YYMM + entity type + division + 5-digit serial + check.
    mutating func bin(registeredOn: CalendarDate, entityType: BIN.EntityType, asOf today: CalendarDate) -> BIN {
        var digits: [UInt8] = [
            UInt8(registeredOn.year % 100 / 10), UInt8(registeredOn.year % 10), UInt8(registeredOn.month / 10),
            UInt8(registeredOn.month % 10), entityType.rawValue, 0, 0, 0, 0, 0, 0, 0,
        ]
        while true {
            for index in 6..<11 { digits[index] = UInt8(random.int(below: 10)) }
            guard let check = IIN.checkDigit(forPrefix: digits.prefix(11)) else { continue }
            digits[11] = check
            let key = Self.key(digits) | (1 << 63)
            guard used.insert(key).inserted else { continue }
            let text = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
            if let bin = try? BIN(text, asOf: today) { return bin }
        }
    }

    private mutating func make(_ digits: inout [UInt8], serialDigits: Int) -> IIN {
        while true {
            for index in (11 - serialDigits)..<11 { digits[index] = UInt8(random.int(below: 10)) }
            guard let check = IIN.checkDigit(forPrefix: digits.prefix(11)) else { continue }
            digits[11] = check
            guard used.insert(Self.key(digits)).inserted else { continue }
            let ascii = digits.map { $0 + 48 }
            if let iin = try? ascii.withUnsafeBufferPointer({ buffer throws(IdentifierError) in try IIN(asciiDigits: buffer) }) {
                return iin
            }
        }
    }

    /// Registers an externally made IIN so it is never issued again.
    mutating func markUsed(_ iin: IIN) {
        used.insert(Self.key(iin.unmasked.utf8.map { $0 - 48 }))
    }

    private static func key(_ digits: [UInt8]) -> UInt64 {
        var value: UInt64 = 0
        for digit in digits.prefix(12) { value = value &* 10 &+ UInt64(digit) }
        return value
    }
}
