public import XMLSupport

/// A verified SyncChannel answer whose business result was "found": the `data` element with the records.
public struct SyncChannelAnswer: Sendable {
    /// The `data` element (unqualified children: `messageId`, …, `messageResult`, then the records).
    public let data: XMLElement

    /// Wraps a `data` element.
    public init(data: XMLElement) {
        self.data = data
    }
}
