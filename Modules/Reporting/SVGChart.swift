import Foundation
import Printing
import ShopDomain

/// A chart as inline SVG, written here so report pages need nothing from outside: a line chart
/// (revenue per day against the target), grouped bars (parcels per courier) or stacked bars
/// (stock states). Axes with round ticks, labels, a legend; every series is told apart by a
/// dash and marker or a fill pattern as well as by grey level, so a black-and-white print reads.
/// Values below zero (a fund overdrawn) extend the value axis below 0, where the category axis
/// is drawn; lines and bars go below it.
public struct SVGChart: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case line, bars, stacked }

    public struct Series: Sendable, Equatable {
        public var name: String
        public var values: [Double]
        public init(_ name: String, _ values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// A level drawn across the chart as a dashed line with its label (a daily target).
    public struct Reference: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(_ label: String, _ value: Double) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var kind: Kind
    public var categories: [String]
    public var series: [Series]
    public var reference: Reference?
    /// The values' unit, written above the value axis (元, 件, 单).
    public var unit: String
    public var width = 680.0
    public var height = 280.0

    public init(title: String, kind: Kind, categories: [String], series: [Series], reference: Reference? = nil, unit: String) {
        self.title = title
        self.kind = kind
        self.categories = categories
        self.series = series
        self.reference = reference
        self.unit = unit
    }

    static let dashes = ["", "7 4", "2 3", "10 3 2 3"]
    static let greys = ["#000", "#444", "#777", "#999"]
    static let left = 64.0, right = 20.0, top = 44.0, bottom = 36.0

    /// The chart; `id` keeps its pattern names apart from other charts on the page.
    public func svg(id: String) -> String {
        let e = HTML.escape
        let plotW = width - Self.left - Self.right, plotH = height - Self.top - Self.bottom
        let highest = max(highestValue, reference?.value ?? 0)
        let ticks = Self.ticks(from: min(lowestValue, reference?.value ?? 0), upTo: highest)
        let top = ticks.last ?? 1, low = ticks.first ?? 0
        func y(_ v: Double) -> Double { Self.top + plotH - (top == low ? 0 : (v - low) / (top - low) * plotH) }
        let zero = y(0)
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(f(width)) \(f(height))" role="img" aria-label="\(e(title))">
        <title>\(e(title))</title>
        \(patterns(id))
        <text x="\(f(Self.left))" y="14" class="chart-title">\(e(title))</text>

        """
        // Value axis: grid lines and tick labels.
        for tick in ticks {
            let ty = y(tick)
            out += "<line x1=\"\(f(Self.left))\" y1=\"\(f(ty))\" x2=\"\(f(width - Self.right))\" y2=\"\(f(ty))\" class=\"grid\"/>"
            out += "<text x=\"\(f(Self.left - 6))\" y=\"\(f(ty + 3.5))\" text-anchor=\"end\" class=\"tick\">\(Self.label(tick))</text>\n"
        }
        out += "<text x=\"\(f(Self.left - 6))\" y=\"\(f(Self.top - 8))\" text-anchor=\"end\" class=\"unit\">\(e(unit))</text>\n"
        out += "<line x1=\"\(f(Self.left))\" y1=\"\(f(Self.top))\" x2=\"\(f(Self.left))\" y2=\"\(f(Self.top + plotH))\" class=\"axis\"/>"
        // The category axis at 0 (above the bottom when values go below zero).
        out += "<line x1=\"\(f(Self.left))\" y1=\"\(f(zero))\" x2=\"\(f(width - Self.right))\" y2=\"\(f(zero))\" class=\"axis\"/>\n"
        // Category axis: a label under each band (every n-th when there are many).
        let band = plotW / Double(max(categories.count, 1))
        let every = max(1, Int((Double(categories.count) / 16).rounded(.up)))
        for (index, name) in categories.enumerated() where index % every == 0 || index == categories.count - 1 {
            let cx = Self.left + band * (Double(index) + 0.5)
            out += "<text x=\"\(f(cx))\" y=\"\(f(Self.top + plotH + 14))\" text-anchor=\"middle\" class=\"tick\">\(e(name))</text>"
        }
        out += "\n"
        switch kind {
        case .line: out += lines(band: band, y: y)
        case .bars: out += bars(id, band: band, y: y, plotBottom: zero)
        case .stacked: out += stacks(id, band: band, y: y, plotBottom: Self.top + plotH)
        }
        if let reference {
            let ry = y(reference.value)
            out += "<line x1=\"\(f(Self.left))\" y1=\"\(f(ry))\" x2=\"\(f(width - Self.right))\" y2=\"\(f(ry))\" class=\"reference\"/>"
            out += "<text x=\"\(f(width - Self.right))\" y=\"\(f(ry - 4))\" text-anchor=\"end\" class=\"reference-label\">\(e(reference.label))</text>\n"
        }
        out += legend(id)
        return out + "</svg>\n"
    }

    /// 0, or the lowest value when one is below zero (stacks never go below).
    var lowestValue: Double {
        kind == .stacked ? 0 : min(0, series.flatMap(\.values).min() ?? 0)
    }

    var highestValue: Double {
        switch kind {
        case .stacked: categories.indices.map { i in series.reduce(0) { $0 + ($1.values.indices.contains(i) ? $1.values[i] : 0) } }.max() ?? 0
        case .line, .bars: series.flatMap(\.values).max() ?? 0
        }
    }

    func lines(band: Double, y: (Double) -> Double) -> String {
        var out = ""
        for (s, series) in series.enumerated() {
            let points = series.values.enumerated().map { "\(f(Self.left + band * (Double($0.offset) + 0.5))),\(f(y($0.element)))" }
            let dash = Self.dashes[s % Self.dashes.count]
            out += "<polyline points=\"\(points.joined(separator: " "))\" class=\"series\" stroke=\"\(Self.greys[s % 4])\""
            out += dash.isEmpty ? "/>\n" : " stroke-dasharray=\"\(dash)\"/>\n"
            for point in points { out += marker(s, at: point) }
            out += "\n"
        }
        return out
    }

    /// Series 0: filled circles, 1: open squares, 2: open triangles.
    func marker(_ s: Int, at point: String, size: Double = 2.6) -> String {
        let xy = point.split(separator: ",").compactMap { Double($0) }
        let (x, y) = (xy[0], xy[1])
        switch s % 3 {
        case 0: return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(size))\" class=\"marker-fill\"/>"
        case 1: return "<rect x=\"\(f(x - size))\" y=\"\(f(y - size))\" width=\"\(f(size * 2))\" height=\"\(f(size * 2))\" class=\"marker-open\"/>"
        default:
            return "<polygon points=\"\(f(x)),\(f(y - size - 0.6)) \(f(x + size)),\(f(y + size)) \(f(x - size)),\(f(y + size))\" class=\"marker-open\"/>"
        }
    }

    func bars(_ id: String, band: Double, y: (Double) -> Double, plotBottom: Double) -> String {
        var out = ""
        let inner = band * 0.8, barW = inner / Double(max(series.count, 1))
        for index in categories.indices {
            let x0 = Self.left + band * Double(index) + band * 0.1
            for (s, series) in series.enumerated() {
                let value = series.values.indices.contains(index) ? series.values[index] : 0
                let x = x0 + barW * Double(s), end = y(value), top = min(end, plotBottom)
                out += "<rect x=\"\(f(x))\" y=\"\(f(top))\" width=\"\(f(barW * 0.92))\" height=\"\(f(abs(plotBottom - end)))\" fill=\"url(#\(id)-p\(s))\" class=\"bar\"/>"
                out += "<text x=\"\(f(x + barW * 0.46))\" y=\"\(f(value < 0 ? end + 10 : end - 3))\" text-anchor=\"middle\" class=\"value\">\(Self.label(value))</text>\n"
            }
        }
        return out
    }

    func stacks(_ id: String, band: Double, y: (Double) -> Double, plotBottom: Double) -> String {
        var out = ""
        let barW = min(band * 0.6, 90)
        for index in categories.indices {
            let x = Self.left + band * (Double(index) + 0.5) - barW / 2
            var base = 0.0
            for (s, series) in series.enumerated() {
                let value = series.values.indices.contains(index) ? series.values[index] : 0
                guard value > 0 else { continue }
                let top = y(base + value), bottom = y(base)
                out += "<rect x=\"\(f(x))\" y=\"\(f(top))\" width=\"\(f(barW))\" height=\"\(f(bottom - top))\" fill=\"url(#\(id)-p\(s))\" class=\"bar\"/>"
                if bottom - top >= 11 {
                    out += "<text x=\"\(f(x + barW + 3))\" y=\"\(f((top + bottom) / 2 + 3.5))\" class=\"value\">\(Self.label(value))</text>"
                }
                base += value
            }
            out += "\n"
        }
        return out
    }

    func legend(_ id: String) -> String {
        let e = HTML.escape
        var out = "<g class=\"legend\">"
        var x = Self.left
        let y = 30.0
        for (s, series) in series.enumerated() {
            if kind == .line {
                let dash = Self.dashes[s % Self.dashes.count]
                out += "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 22))\" y2=\"\(f(y - 4))\" class=\"series\" stroke=\"\(Self.greys[s % 4])\""
                out += dash.isEmpty ? "/>" : " stroke-dasharray=\"\(dash)\"/>"
                out += marker(s, at: "\(f(x + 11)),\(f(y - 4))")
            } else {
                out += "<rect x=\"\(f(x))\" y=\"\(f(y - 10))\" width=\"18\" height=\"11\" fill=\"url(#\(id)-p\(s))\" class=\"bar\"/>"
            }
            out += "<text x=\"\(f(x + 26))\" y=\"\(f(y))\" class=\"legend-text\">\(e(series.name))</text>"
            x += 34 + Double(DisplayWidth.of(series.name)) * 6.5
        }
        if let reference {
            out += "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 22))\" y2=\"\(f(y - 4))\" class=\"reference\"/>"
            out += "<text x=\"\(f(x + 26))\" y=\"\(f(y))\" class=\"legend-text\">\(e(reference.label))</text>"
        }
        return out + "</g>\n"
    }

    /// Fills told apart without colour: solid black, diagonal hatching, dots, cross-hatching, white.
    func patterns(_ id: String) -> String {
        """
        <defs>
        <pattern id="\(id)-p0" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#222"/></pattern>
        <pattern id="\(id)-p1" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2.2"/></pattern>
        <pattern id="\(id)-p2" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.2" fill="#000"/></pattern>
        <pattern id="\(id)-p3" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ddd"/><path d="M0 0L6 6M6 0L0 6" stroke="#000" stroke-width="0.8"/></pattern>
        <pattern id="\(id)-p4" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/></pattern>
        </defs>
        """
    }

    /// Round ticks from 0 past `value`: steps of 1, 2 or 5 × 10ⁿ, about five of them.
    static func ticks(upTo value: Double) -> [Double] { ticks(from: 0, upTo: value) }

    /// Round ticks from at or below `low` (0 or less) through 0 to at or past `high`.
    static func ticks(from low: Double, upTo high: Double) -> [Double] {
        let low = min(low, 0), high = max(high, 0)
        guard high - low > 0 else { return [0, 1] }
        let rough = (high - low) / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let below = Int((-low / step).rounded(.up)), above = Int((high / step).rounded(.up))
        return (-below...max(above, below == 0 ? 1 : 0)).map { Double($0) * step }
    }

    /// A tick or value: whole numbers plain, else one decimal; 10,000 and more as 万 (below
    /// zero with a minus sign).
    static func label(_ value: Double) -> String {
        if value < 0 { return "-" + label(-value) }
        if value >= 10_000 {
            let wan = value / 10_000
            return (wan == wan.rounded() ? String(Int(wan)) : String(format: "%.1f", wan)) + "万"
        }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    func f(_ value: Double) -> String { Self.f(value) }

    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}

