import Foundation
public import Logging

/// A swift-log backend writing one JSON object per line:
/// `{"timestamp":"2025-05-01T10:00:00.123Z","level":"info","label":"qorgan","message":"…","request_id":"…","metadata":{…}}`.
///
/// Every string that reaches the line — message, metadata keys and values, label, error type — first passes
/// through a ``PersonalDataMasker``, so no IIN/BIN-like digit run ever leaves the process unmasked, whatever a
/// caller passed in. `request_id` is lifted from the metadata key `request_id` to the top level.
///
/// Only the executable installs it (``GatewayLogging/bootstrap(level:destination:)``); tests create a `Logger`
/// with it directly and capture lines with ``Destination/custom(_:)``.
public struct JSONLogHandler: LogHandler {
    /// Where the lines go.
    public enum Destination: Sendable {
        /// Standard error (the default: logs apart from any program output).
        case standardError
        /// Standard output.
        case standardOutput
        /// A closure receiving each line without its trailing newline (tests, other sinks).
        case custom(@Sendable (String) -> Void)
    }

    /// The metadata key whose value becomes the top-level `request_id` member.
    public static let requestIDKey = "request_id"

    /// The logger's label, written as `label`.
    public let label: String
    /// Where the lines go.
    public let destination: Destination
    /// The masker applied to every string.
    public let masker: PersonalDataMasker
    /// The minimum level written (default `.info`).
    public var logLevel: Logger.Level
    /// Metadata attached by the logger (`logger[metadataKey:] = …`).
    public var metadata: Logger.Metadata
    /// A provider of contextual metadata (task-local values), merged under the logger's metadata.
    public var metadataProvider: Logger.MetadataProvider?

    /// A handler for `label` writing to `destination`.
    public init(
        label: String, destination: Destination = .standardError, level: Logger.Level = .info,
        masker: PersonalDataMasker = .standard, metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.destination = destination
        self.masker = masker
        self.logLevel = level
        self.metadata = [:]
        self.metadataProvider = metadataProvider
    }

    /// Reads or writes one metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one event as a JSON line.
    public func log(event: LogEvent) {
        var merged = metadataProvider?.get() ?? [:]
        merged.merge(metadata) { _, handler in handler }
        if let explicit = event.metadata { merged.merge(explicit) { _, call in call } }
        let line = render(event: event, metadata: merged, at: Date())
        write(line)
    }

    // MARK: - Rendering

    /// The JSON line (no trailing newline) for `event` with the already merged `metadata`.
    func render(event: LogEvent, metadata: Logger.Metadata, at date: Date) -> String {
        var metadata = metadata
        let requestID = metadata.removeValue(forKey: Self.requestIDKey)
        // Hummingbird's copy of the request id: the gateway sets it to the same value, so it would only repeat it.
        metadata.removeValue(forKey: "hb.request.id")

        var line = "{\"timestamp\":"
        appendString(date.formatted(Self.timestampStyle), to: &line)
        line += ",\"level\":"
        appendString(event.level.rawValue, to: &line)
        line += ",\"label\":"
        appendString(label, to: &line)
        line += ",\"message\":"
        appendString(event.message.description, to: &line)
        if let requestID {
            line += ",\"request_id\":"
            appendValue(requestID, to: &line)
        }
        if let error = event.error {
            line += ",\"error_type\":"
            appendString(String(reflecting: type(of: error)), to: &line)
        }
        if !metadata.isEmpty {
            line += ",\"metadata\":"
            appendDictionary(metadata, to: &line)
        }
        line += "}"
        return line
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private func appendValue(_ value: Logger.Metadata.Value, to line: inout String) {
        switch value {
        case .string(let text): appendString(text, to: &line)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &line)
        case .array(let values):
            line += "["
            for (offset, element) in values.enumerated() {
                if offset > 0 { line += "," }
                appendValue(element, to: &line)
            }
            line += "]"
        case .dictionary(let dictionary): appendDictionary(dictionary, to: &line)
        }
    }

    private func appendDictionary(_ dictionary: Logger.Metadata, to line: inout String) {
        line += "{"
        for (offset, key) in dictionary.keys.sorted().enumerated() {
            if offset > 0 { line += "," }
            appendString(key, to: &line)
            line += ":"
            appendValue(dictionary[key]!, to: &line)
        }
        line += "}"
    }

    /// Appends `text`, masked, as a JSON string literal.
    private func appendString(_ text: String, to line: inout String) {
        let masked = masker.mask(text)
        line += "\""
        for scalar in masked.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case let control where control.value < 0x20 || control.value == 0x2028 || control.value == 0x2029:
                // Escapes carry hex digits only: they can never form a 12-digit run.
                line += "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count)
                    + String(control.value, radix: 16)
            default: line.unicodeScalars.append(scalar)
            }
        }
        line += "\""
    }

    // MARK: - Output

    private func write(_ line: String) {
        switch destination {
        case .custom(let sink):
            sink(line)
        case .standardError:
            Self.writeLine(line, to: FileHandle.standardError)
        case .standardOutput:
            Self.writeLine(line, to: FileHandle.standardOutput)
        }
    }

    private static func writeLine(_ line: String, to handle: FileHandle) {
        // One write per line, so concurrent lines do not interleave mid-line.
        var data = Data(line.utf8)
        data.append(0x0A)
        handle.write(data)
    }
}
