/// How ``CleansingProgressReporter`` shows progress. Every field documents its default.
public struct ProgressConfiguration: Sendable, Hashable {
    /// How progress is drawn.
    public enum Style: String, Sendable, Hashable, CaseIterable {
        /// A bar when the output is a terminal, plain lines otherwise (logs, CI, pipes).
        case automatic
        /// A single line redrawn with `\r`: bar, done/total, %, rows/s, ETA.
        case bar
        /// A plain line every ``ProgressConfiguration/lineInterval``, and one at the end.
        case lines
        /// Nothing.
        case silent
    }

    /// The style. Default `.automatic` (bar when standard error is a TTY).
    public var style: Style
    /// How often a plain line is printed. Default 10 seconds.
    public var lineInterval: Duration
    /// The shortest time between two redraws of the bar. Default 200 ms.
    public var barRedrawInterval: Duration
    /// Characters of the bar itself. Default 30.
    public var barWidth: Int
    /// The word in front of plain lines. Default `cleanse`.
    public var label: String

    /// Creates a configuration; every argument defaults to the documented default.
    public init(
        style: Style = .automatic, lineInterval: Duration = .seconds(10), barRedrawInterval: Duration = .milliseconds(200), barWidth: Int = 30,
        label: String = "cleanse"
    ) {
        self.style = style
        self.lineInterval = lineInterval
        self.barRedrawInterval = barRedrawInterval
        self.barWidth = max(5, barWidth)
        self.label = label
    }

    /// Automatic style, lines every 10 s, bar redrawn at most 5 times a second.
    public static let `default` = ProgressConfiguration()
}
