/// Inline SVG charts for the HTML report: horizontal bars and a line. No scripts, no external references, no
/// namespace URL (inline SVG in HTML needs none); every label is escaped.
enum SVGChart {
    /// One bar.
    struct Bar {
        var label: String
        var value: Int
        var cssClass = "bar"
    }

    /// Horizontal bars with their labels and values; `nil` when there is nothing to draw.
    static func bars(_ bars: [Bar], title: String, labelWidth: Int = 260, width: Int = 760) -> String? {
        guard !bars.isEmpty else { return nil }
        let rowHeight = 24
        let height = bars.count * rowHeight + 8
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let barSpace = width - labelWidth - 90
        var svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * rowHeight
            let length = bar.value == 0 ? 0 : max(2, Int((Double(bar.value) / Double(maximum) * Double(barSpace)).rounded()))
            svg += "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(HTMLText.escape(bar.label))</text>"
            svg += "<rect class=\"\(HTMLText.escape(bar.cssClass))\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\"></rect>"
            svg += "<text class=\"value\" x=\"\(labelWidth + length + 6)\" y=\"\(y + 16)\">\(ProgressFormatter.grouped(bar.value))</text>"
        }
        return svg + "</svg>"
    }

    /// A line of rows per second over time, with axes; `nil` for fewer than two points.
    static func line(_ series: ThroughputSeries, title: String, width: Int = 760, height: Int = 220) -> String? {
        guard series.buckets.count >= 2 else { return nil }
        let left = 70
        let bottom = 30
        let top = 10
        let plotWidth = Double(width - left - 10)
        let plotHeight = Double(height - top - bottom)
        let rates = series.buckets.map { Double($0) / series.intervalSeconds }
        let maximum = max(1, rates.max() ?? 1)
        let step = plotWidth / Double(rates.count - 1)
        let points = rates.enumerated().map { index, rate in
            let x = Double(left) + Double(index) * step
            let y = Double(top) + plotHeight - rate / maximum * plotHeight
            return "\(format(x)),\(format(y))"
        }.joined(separator: " ")
        let totalSeconds = Int((series.intervalSeconds * Double(series.buckets.count)).rounded())
        var svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\"></line>"
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\"></line>"
        svg += "<text class=\"label\" x=\"\(left - 6)\" y=\"\(top + 10)\" text-anchor=\"end\">\(ProgressFormatter.grouped(Int(maximum.rounded())))</text>"
        svg += "<text class=\"label\" x=\"\(left - 6)\" y=\"\(height - bottom)\" text-anchor=\"end\">0</text>"
        svg += "<text class=\"label\" x=\"\(left)\" y=\"\(height - 8)\">0s</text>"
        svg += "<text class=\"label\" x=\"\(width - 10)\" y=\"\(height - 8)\" text-anchor=\"end\">\(ProgressFormatter.duration(.seconds(totalSeconds)))</text>"
        svg += "<polyline class=\"series\" points=\"\(points)\"></polyline>"
        return svg + "</svg>"
    }

    private static func format(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        return "\(scaled / 10).\(abs(scaled % 10))"
    }
}
