/// One weekly session of a section as the provider declares it: a weekday and a time of day (local time).
///
/// Encodes as `{"weekday": 1, "start": "16:00", "end": "17:30"}` (1 = Monday … 7 = Sunday).
public struct ScheduleSlot: Sendable, Hashable, Codable {
    /// 1 = Monday … 7 = Sunday.
    public let weekday: Int
    /// Minutes after midnight the session starts.
    public let startMinute: Int
    /// Minutes after midnight it ends (after `startMinute`).
    public let endMinute: Int

    /// Creates a slot from `HH:mm` times.
    ///
    /// - Throws: ``ReverificationError`` (`.invalidInput`) when the weekday is not 1…7, a time is not `HH:mm`, or the
    ///   session does not end after it starts.
    public init(weekday: Int, start: String, end: String) throws(ReverificationError) {
        guard (1...7).contains(weekday) else { throw ReverificationError(.invalidInput, "schedule weekday must be 1 (Monday) … 7 (Sunday)") }
        guard let startMinute = Self.minutes(start), let endMinute = Self.minutes(end) else {
            throw ReverificationError(.invalidInput, "schedule times must be HH:mm")
        }
        guard startMinute < endMinute else { throw ReverificationError(.invalidInput, "a scheduled session must end after it starts") }
        self.weekday = weekday
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Whether two sessions share at least one minute.
    public func overlaps(_ other: ScheduleSlot) -> Bool {
        weekday == other.weekday && startMinute < other.endMinute && other.startMinute < endMinute
    }

    /// `HH:mm` of the start.
    public var start: String { Self.text(startMinute) }
    /// `HH:mm` of the end.
    public var end: String { Self.text(endMinute) }

    private enum CodingKeys: String, CodingKey { case weekday, start, end }

    /// Decodes `{"weekday", "start", "end"}` and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let weekday = try container.decode(Int.self, forKey: .weekday)
        let start = try container.decode(String.self, forKey: .start)
        let end = try container.decode(String.self, forKey: .end)
        do {
            try self.init(weekday: weekday, start: start, end: end)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .start, in: container, debugDescription: error.message)
        }
    }

    /// Encodes `{"weekday", "start", "end"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(weekday, forKey: .weekday)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...24).contains(hours), (0...59).contains(minutes), hours * 60 + minutes <= 24 * 60
        else { return nil }
        return hours * 60 + minutes
    }

    static func text(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}
