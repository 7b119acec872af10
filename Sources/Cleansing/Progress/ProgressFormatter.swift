/// Pure text of progress output: the terminal bar and the plain line. No personal data, only counts.
public enum ProgressFormatter {
    /// `[██████░░░░░░░░] 12,345/700,000   1.8%  4,321 rows/s  ETA 2m41s` (without `\r`).
    public static func bar(_ snapshot: ProgressSnapshot, width: Int) -> String {
        var text = ""
        if let fraction = snapshot.fraction {
            let filled = Int((fraction * Double(width)).rounded(.down))
            text += "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            text += "\(grouped(snapshot.done))/\(grouped(snapshot.total ?? 0))  \(percent(fraction))"
        } else {
            text += "\(grouped(snapshot.done)) rows"
        }
        text += "  \(grouped(Int(snapshot.rowsPerSecond.rounded()))) rows/s"
        if let eta = snapshot.estimatedRemaining, snapshot.fraction.map({ $0 < 1 }) ?? false {
            text += "  ETA \(duration(eta))"
        } else {
            text += "  \(duration(snapshot.elapsed))"
        }
        return text
    }

    /// `cleanse: 12,345/700,000 rows (1.8%), 4,321 rows/s, ETA 2m41s, elapsed 3s`.
    public static func line(_ snapshot: ProgressSnapshot, label: String) -> String {
        var text = "\(label): \(grouped(snapshot.done))"
        if let total = snapshot.total, let fraction = snapshot.fraction {
            text += "/\(grouped(total)) rows (\(percent(fraction).drop { $0 == " " }))"
        } else {
            text += " rows"
        }
        text += ", \(grouped(Int(snapshot.rowsPerSecond.rounded()))) rows/s"
        if let eta = snapshot.estimatedRemaining, snapshot.fraction.map({ $0 < 1 }) ?? false { text += ", ETA \(duration(eta))" }
        text += ", elapsed \(duration(snapshot.elapsed))"
        return text
    }

    /// `cleanse: done, 700,000 rows in 2m30s (4,666 rows/s)`.
    public static func finished(_ snapshot: ProgressSnapshot, label: String) -> String {
        "\(label): done, \(grouped(snapshot.done)) rows in \(duration(snapshot.elapsed)) (\(grouped(Int(snapshot.rowsPerSecond.rounded()))) rows/s)"
    }

    /// `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// `1.8%` (one decimal, right-aligned to 6 characters).
    public static func percent(_ fraction: Double) -> String {
        let tenths = Int((fraction * 1_000).rounded(.down))
        let text = "\(tenths / 10).\(tenths % 10)%"
        return String(repeating: " ", count: max(0, 6 - text.count)) + text
    }

    /// `41s`, `2m41s`, `1h02m`.
    public static func duration(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3_600 { return "\(seconds / 60)m\(twoDigits(seconds % 60))s" }
        return "\(seconds / 3_600)h\(twoDigits(seconds % 3_600 / 60))m"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
