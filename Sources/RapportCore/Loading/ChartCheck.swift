/// What a chart cannot draw honestly, found while its CSV is read (where each cell's place is known): a negative
/// value (the value scale starts at 0, so it would be drawn as 0) and a year a line chart already has (two points
/// at one x).
struct ChartCheck {
    private let chart: DataSet.Chart?
    private let drawnColumns: Set<Int>
    /// The line of the CSV where each year of a line chart's x column first stands.
    private var yearLines: [Int: Int] = [:]

    init(_ chart: DataSet.Chart?) {
        self.chart = chart
        drawnColumns = Set(chart?.y ?? [])
    }

    /// The problem of `value`, read in the column at `column` on `line`, given as a reason for the cell's text and
    /// its column's key; `nil` when the chart draws it as it is.
    mutating func check(_ value: DataSet.Value, column: Int, line: Int) -> ((String, String) -> Reason)? {
        guard let chart else { return nil }
        if drawnColumns.contains(column), let number = value.number, number < 0 {
            return { text, key in .chartNegativeValue(text, column: key) }
        }
        if chart.kind == .line, column == chart.x, case .year(let year) = value {
            if let first = yearLines[year] { return { _, key in .chartDuplicateYear(year, column: key, firstLine: first) } }
            yearLines[year] = line
        }
        return nil
    }
}
