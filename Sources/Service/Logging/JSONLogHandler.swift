import Foundation
import Glibc
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
        write(render(event: event, metadata: merged, at: Date()))
    }

    // MARK: - Rendering

    /// The JSON line (UTF-8, no trailing newline) for `event` with the already merged `metadata`.
    func render(event: LogEvent, metadata: Logger.Metadata, at date: Date) -> [UInt8] {
        var metadata = metadata
        let requestID = metadata.removeValue(forKey: Self.requestIDKey)
        // Hummingbird's copy of the request id: the gateway sets it to the same value, so it would only repeat it.
        metadata.removeValue(forKey: "hb.request.id")

        var line: [UInt8] = []
        line.reserveCapacity(256)
        line.append(contentsOf: #"{"timestamp":""#.utf8)
        LogTimestamp.append(date, to: &line)
        line.append(contentsOf: #"","level":"#.utf8)
        appendString(event.level.rawValue, to: &line)
        line.append(contentsOf: #","label":"#.utf8)
        appendString(label, to: &line)
        line.append(contentsOf: #","message":"#.utf8)
        appendString(event.message.description, to: &line)
        if let requestID {
            line.append(contentsOf: #","request_id":"#.utf8)
            appendValue(requestID, to: &line)
        }
        if let error = event.error {
            line.append(contentsOf: #","error_type":"#.utf8)
            appendString(String(reflecting: type(of: error)), to: &line)
        }
        if !metadata.isEmpty {
            line.append(contentsOf: #","metadata":"#.utf8)
            appendDictionary(metadata, to: &line)
        }
        line.append(UInt8(ascii: "}"))
        return line
    }

    private func appendValue(_ value: Logger.Metadata.Value, to line: inout [UInt8]) {
        switch value {
        case .string(let text): appendString(text, to: &line)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &line)
        case .array(let values):
            line.append(UInt8(ascii: "["))
            for (offset, element) in values.enumerated() {
                if offset > 0 { line.append(UInt8(ascii: ",")) }
                appendValue(element, to: &line)
            }
            line.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary): appendDictionary(dictionary, to: &line)
        }
    }

    private func appendDictionary(_ dictionary: Logger.Metadata, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "{"))
        for (offset, key) in dictionary.keys.sorted().enumerated() {
            if offset > 0 { line.append(UInt8(ascii: ",")) }
            appendString(key, to: &line)
            line.append(UInt8(ascii: ":"))
            appendValue(dictionary[key]!, to: &line)
        }
        line.append(UInt8(ascii: "}"))
    }

    /// Appends `text`, masked, as a JSON string literal.
    private func appendString(_ text: String, to line: inout [UInt8]) {
        let masked = masker.mask(text)
        line.append(UInt8(ascii: "\""))
        var needsEscapes = false
        for byte in masked.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 {
            // 0xE2 leads U+2028 and U+2029 (and other characters, which the slow path passes through).
            needsEscapes = true
            break
        }
        if !needsEscapes {
            line.append(contentsOf: masked.utf8)
            line.append(UInt8(ascii: "\""))
            return
        }
        for scalar in masked.unicodeScalars {
            switch scalar {
            case "\"": line.append(contentsOf: #"\""#.utf8)
            case "\\": line.append(contentsOf: #"\\"#.utf8)
            case "\n": line.append(contentsOf: #"\n"#.utf8)
            case "\r": line.append(contentsOf: #"\r"#.utf8)
            case "\t": line.append(contentsOf: #"\t"#.utf8)
            case let control where control.value < 0x20 || control.value == 0x2028 || control.value == 0x2029:
                // Escapes carry hex digits only: they can never form a 12-digit run.
                let hex = String(control.value, radix: 16)
                line.append(contentsOf: "\\u".utf8)
                line.append(contentsOf: String(repeating: "0", count: 4 - hex.count).utf8)
                line.append(contentsOf: hex.utf8)
            default: line.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        line.append(UInt8(ascii: "\""))
    }

    // MARK: - Output

    private func write(_ line: consuming [UInt8]) {
        switch destination {
        case .custom(let sink):
            sink(String(decoding: line, as: UTF8.self))
        case .standardError:
            Self.writeLine(line, to: FileHandle.standardError)
        case .standardOutput:
            Self.writeLine(line, to: FileHandle.standardOutput)
        }
    }

    private static func writeLine(_ line: consuming [UInt8], to handle: FileHandle) {
        // One write per line, so concurrent lines do not interleave mid-line.
        var bytes = line
        bytes.append(0x0A)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(handle.fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    // A closed or full destination: logging must never take the process down; the line is lost.
                    return
                }
            }
        }
    }
}
