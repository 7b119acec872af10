import Identifiers

/// Typed field access over a parsed JSON object, for the loader; failures name the field, never the value.
struct RecordReader {
    let value: JSONValue
    let referenceDate: CalendarDate

    struct Failure: Error { let reason: String }

    init(_ value: JSONValue, referenceDate: CalendarDate) {
        self.value = value
        self.referenceDate = referenceDate
    }

    func nested(_ key: String) -> RecordReader { RecordReader(value[key], referenceDate: referenceDate) }
    func list(_ key: String) -> [RecordReader] { value[key].array.map { RecordReader($0, referenceDate: referenceDate) } }
    func isNull(_ key: String) -> Bool { value[key].isNull }

    func string(_ key: String) throws(Failure) -> String {
        guard let text = value[key].string else { throw Failure(reason: "field '\(key)' missing or not a string") }
        return text
    }

    func optionalString(_ key: String) -> String? { value[key].string }

    func int(_ key: String) throws(Failure) -> Int {
        guard let number = value[key].int else { throw Failure(reason: "field '\(key)' missing or not an integer") }
        return number
    }

    func optionalInt(_ key: String) -> Int? { value[key].int }

    func bool(_ key: String) throws(Failure) -> Bool {
        guard let flag = value[key].bool else { throw Failure(reason: "field '\(key)' missing or not a boolean") }
        return flag
    }

    func date(_ key: String) throws(Failure) -> CalendarDate {
        guard let date = optionalDate(key) else { throw Failure(reason: "field '\(key)' is not a yyyy-MM-dd date") }
        return date
    }

    func optionalDate(_ key: String) -> CalendarDate? {
        guard let text = value[key].string else { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    func iin(_ key: String) throws(Failure) -> IIN {
        guard let iin = optionalIIN(key) else { throw Failure(reason: "field '\(key)' is not a valid IIN") }
        return iin
    }

    func optionalIIN(_ key: String) -> IIN? { value[key].string.flatMap { try? IIN($0) } }

    func bin(_ key: String) throws(Failure) -> BIN {
        guard let text = value[key].string, let bin = try? BIN(text, asOf: referenceDate) else {
            throw Failure(reason: "field '\(key)' is not a valid BIN")
        }
        return bin
    }

    func code<T: RawRepresentable>(_ key: String, as type: T.Type = T.self) throws(Failure) -> T where T.RawValue == String {
        guard let text = value[key].string, let item = T(rawValue: text) else { throw Failure(reason: "field '\(key)' has an unknown code") }
        return item
    }

    func optionalCode<T: RawRepresentable>(_ key: String, as type: T.Type = T.self) -> T? where T.RawValue == String {
        value[key].string.flatMap(T.init(rawValue:))
    }
}
