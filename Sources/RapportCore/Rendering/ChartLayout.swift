import Foundation

/// The geometry of a chart, in SVG user units, from its figures alone: no text is formatted here, no I/O.
/// One layout for every chart of the site (data sets and the edition home's budget chart).
///
/// - Horizontal bars: one group per category, the category's label above its bars, one bar per series; the
///   value scale starts at 0 and ends at a round tick.
/// - Lines: x is a year; one polyline per series, broken where a value is missing (the gap shows), a marker per
///   value; the value scale starts at 0.
struct ChartLayout {
    /// Narrow enough that its text stays readable when a phone (390 px) scales it down.
    static let width = 480
    /// At most this many intervals on the value axis of bars: with labels of at most 9 characters ("999,5 Md€"),
    /// 376 units of plot hold 5 labels apart at the theme's tick size.
    static let barTickIntervals = 4
    /// Round ticks covering 0…`maximum`: steps of 1, 2 or 5 × 10ⁿ, at most `intervals` of them (the horizontal
    /// axis of bars has fewer, so that its labels, side by side, never touch).
    static func ticks(upTo maximum: Double, intervals: Int = 6) -> (values: [Double], step: Double) {
        guard maximum > 0, maximum.isFinite else { return ([0, 1], 1) }
        let rough = maximum / Double(max(intervals, 1))
        let magnitude = Foundation.pow(10, (Foundation.log10(rough)).rounded(.down))
        // Near the smallest numbers a power of ten underflows to 0, near the largest a tick overflows to infinity:
        // then the scale runs from 0 to the largest value itself.
        guard magnitude > 0, magnitude.isFinite else { return ([0, maximum], maximum) }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough * (1 - 1e-9) } ?? 10 * magnitude
        let count = Int((maximum / step - 1e-9).rounded(.up))
        let values = (0...max(count, 1)).map { Double($0) * step }
        guard values.last?.isFinite == true else { return ([0, maximum], maximum) }
        return (values, step)
    }

    /// `fraction` (0…1) of `span` user units, rounded; a fraction that is no number (a value the loader should
    /// have refused) is 0 rather than a trap.
    static func scaled(_ fraction: Double, _ span: Int) -> Int {
        let units = (fraction * Double(span)).rounded()
        return units.isFinite ? Int(min(max(units, -Double(span)), Double(span))) : 0
    }

    // MARK: - Bars

    struct Bar { var row: Int; var series: Int; var x: Int; var y: Int; var width: Int; var height: Int; var valueX: Int; var valueY: Int }
    struct Category { var row: Int; var x: Int; var y: Int }
    struct Tick { var value: Double; var position: Int }

    struct Bars {
        var height: Int
        var bars: [Bar]
        var categories: [Category]
        var ticks: [Tick]
        /// The value axis's grid lines run from `top` to `bottom`.
        var top: Int
        var bottom: Int
        var step: Double
    }

    /// `values[row][series]`; nil: no value (no bar, its label says so).
    static func bars(_ values: [[Double?]]) -> Bars {
        let series = values.first?.count ?? 1
        let left = 8, right = 96, barHeight = 18, gap = 4, labelHeight = 22, groupGap = 12, axis = 24
        let maximum = values.joined().compactMap { $0 }.max() ?? 1
        let (tickValues, step) = ticks(upTo: max(maximum, 0), intervals: barTickIntervals)
        let top = tickValues.last ?? 1
        let plot = width - left - right
        func x(_ value: Double) -> Int { left + scaled(max(value, 0) / top, plot) }
        var y = axis
        var bars: [Bar] = [], categories: [Category] = []
        for (row, figures) in values.enumerated() {
            categories.append(Category(row: row, x: left, y: y + 16))
            y += labelHeight
            for index in 0..<series {
                let value = index < figures.count ? figures[index] : nil
                let end = value.map(x) ?? left
                bars.append(Bar(row: row, series: index, x: left, y: y, width: max(end - left, value == nil ? 0 : 1), height: barHeight,
                                valueX: end + 6, valueY: y + barHeight - 4))
                y += barHeight + gap
            }
            y += groupGap
        }
        return Bars(height: y + 4, bars: bars, categories: categories,
                    ticks: tickValues.map { Tick(value: $0, position: x($0)) }, top: axis - 6, bottom: y - groupGap, step: step)
    }

    // MARK: - Lines

    struct Point { var series: Int; var index: Int; var x: Int; var y: Int }

    struct Lines {
        var height: Int
        /// Per series, its unbroken runs of points.
        var segments: [[[Point]]]
        var points: [Point]
        /// x positions of the years, and of those where a series has no value.
        var years: [Tick]
        var gaps: [Tick]
        var valueTicks: [Tick]
        var left: Int
        var right: Int
        var top: Int
        var bottom: Int
        var step: Double
    }

    /// `years[i]` with `values[i][series]`; nil: no value.
    static func lines(years: [Int], values: [[Double?]]) -> Lines {
        let series = values.first?.count ?? 1
        // The first and last years sit inside the plot, so that their value labels clear the axis.
        let left = 64, right = width - 16, inset = 28, top = 28, bottom = 236, height = 272
        let maximum = values.joined().compactMap { $0 }.max() ?? 1
        let (tickValues, step) = ticks(upTo: max(maximum, 0))
        let highest = tickValues.last ?? 1
        let first = years.min() ?? 0, last = years.max() ?? 1
        func x(_ year: Int) -> Int {
            last == first ? (left + right) / 2
                : left + inset + Int((Double(year - first) / Double(last - first) * Double(right - left - 2 * inset)).rounded())
        }
        func y(_ value: Double) -> Int { bottom - scaled(max(value, 0) / highest, bottom - top) }
        var segments = [[[Point]]](repeating: [], count: series)
        var points: [Point] = [], gaps: [Tick] = [], yearsWithGaps: Set<Int> = []
        let order = years.indices.sorted { years[$0] < years[$1] }
        for index in 0..<series {
            var run: [Point] = []
            for row in order {
                guard index < values[row].count, let value = values[row][index] else {
                    if !run.isEmpty { segments[index].append(run); run = [] }
                    if yearsWithGaps.insert(years[row]).inserted { gaps.append(Tick(value: Double(years[row]), position: x(years[row]))) }
                    continue
                }
                let point = Point(series: index, index: row, x: x(years[row]), y: y(value))
                run.append(point)
                points.append(point)
            }
            if !run.isEmpty { segments[index].append(run) }
        }
        return Lines(height: height, segments: segments, points: points,
                     years: order.map { Tick(value: Double(years[$0]), position: x(years[$0])) }, gaps: gaps,
                     valueTicks: tickValues.map { Tick(value: $0, position: y($0)) },
                     left: left, right: right, top: top, bottom: bottom, step: step)
    }
}
