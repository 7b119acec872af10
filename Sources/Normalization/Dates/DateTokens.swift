/// A date text cut into numbers, an optional month name and the separator between the numbers, with any
/// time of day, zone offset and filler words ("г.", "года", "ж.") dropped.
struct DateTokens {
    struct Number {
        let value: Int
        let digits: Int
    }

    private(set) var numbers: [Number] = []
    private(set) var month: Int?
    /// The first separator seen between two numbers ("." "/" "-" or a blank, 0 when none).
    private(set) var separator: UInt32 = 0
    private(set) var isBlank = true
    private var unknownWord = false

    init(_ text: String) {
        var scalars = Substring(text).unicodeScalars
        // Time and zone: cut at "T" or a blank followed by hh:mm, and at "+"/"Z" after the date.
        if let cut = Self.timeStart(in: scalars) { scalars = scalars[..<cut] }
        var value = 0
        var digits = 0
        var word = String.UnicodeScalarView()
        var lastSeparator: UInt32 = 0
        func flushNumber() {
            if digits > 0 {
                if !numbers.isEmpty && separator == 0 { separator = lastSeparator == 0 ? 0x20 : lastSeparator }
                numbers.append(Number(value: value, digits: digits))
                value = 0
                digits = 0
                lastSeparator = 0
            }
        }
        func flushWord() {
            if !word.isEmpty {
                let text = String(word)
                if let named = MonthNames.month(ofWord: text), month == nil {
                    month = named
                } else if !MonthNames.isFiller(text) {
                    unknownWord = true
                }
                word = String.UnicodeScalarView()
            }
        }
        for scalar in scalars {
            let v = scalar.value
            if (0x30...0x39).contains(v) {
                flushWord()
                isBlank = false
                guard digits < 9 else { unknownWord = true; continue }
                value = value * 10 + Int(v - 0x30)
                digits += 1
            } else if scalar.properties.isAlphabetic {
                flushNumber()
                isBlank = false
                word.append(scalar)
            } else {
                flushNumber()
                flushWord()
                switch v {
                case 0x2E, 0x2F, 0x2D, 0x2010...0x2015: if lastSeparator == 0 || lastSeparator == 0x20 { lastSeparator = v == 0x2E || v == 0x2F ? v : 0x2D }
                case 0x20, 0x09, 0xA0, 0x2C: if lastSeparator == 0 { lastSeparator = 0x20 }
                default: if !scalar.properties.isWhitespace { unknownWord = true }
                }
            }
        }
        flushNumber()
        flushWord()
        if unknownWord { numbers = [] ; month = nil }
    }

    /// Where a time of day or zone offset starts after a date, if any.
    private static func timeStart(in scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView.Index? {
        guard scalars.contains(":") || scalars.contains("+") || scalars.contains("T") || scalars.contains("Z") else { return nil }
        var index = scalars.startIndex
        var digitsSeen = 0
        var previousIsDigit = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isDigit = ("0"..."9").contains(scalar)
            if isDigit { digitsSeen += 1 }
            if digitsSeen >= 6 && previousIsDigit && (scalar == "T" || scalar == "+" || scalar == "Z") { return index }
            if scalar == ":" {
                // Back up to the blank before the hour.
                var back = index
                while back > scalars.startIndex {
                    let before = scalars.index(before: back)
                    if scalars[before] == " " || scalars[before] == "T" { return before }
                    back = before
                }
                return nil
            }
            previousIsDigit = isDigit
            index = scalars.index(after: index)
        }
        return nil
    }
}
