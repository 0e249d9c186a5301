import Foundation
import RapportTemplates

// MARK: - Charts: one renderer for data sets and the edition home's budget chart

extension SiteRenderer {
    /// What a chart shows, already in the page's language.
    struct ChartFigures {
        var kind: DataSet.Chart.Kind
        var id: String
        var title: String
        /// Per row: its label (a category, or a year for lines), the page it leads to, and its values per series.
        var labels: [String]
        var hrefs: [String?]
        var years: [Int]
        var values: [[Double?]]
        /// The value of row, series as the table shows it.
        var valueText: (Int, Int) -> String
        var seriesNames: [String]
        /// The label at the end of a bar (row, series): short; `valueText` stays whole in the description and table.
        var barText: (Int, Int) -> String
        /// A tick's label: its value, the axis's largest tick and its step (`NumberFormatting.axisLabel`).
        var tickText: (_ value: Double, _ largest: Double, _ step: Double) -> String
        var table: DataTableView
    }

    /// The chart of a data set with `chart:` in its schema.
    func makeChart(_ dataSet: DataSet, language: String, linker: Linker, id: String) -> DataChartView? {
        guard let chart = dataSet.chart else { return nil }
        let table = makeTable(dataSet, language: language, linker: linker, id: id + "_table")
        let xColumn = dataSet.columns[chart.x]
        let rows = dataSet.rows.indices.filter { chart.kind == .bar || dataSet.rows[$0][chart.x] != .empty }
        let cells = rows.map { row in cellText(dataSet.rows[row][chart.x], column: xColumn, edition: dataSet.edition, language: language, linker: linker) }
        let na = string(.notAvailable, in: language) ?? ""
        let firstY = dataSet.columns[chart.y[0]]
        let format = formatting(language)
        let figures = ChartFigures(
            kind: chart.kind, id: id, title: text(dataSet.title[language] ?? "", language),
            labels: cells.map { $0.0 ?? na }, hrefs: cells.map(\.1),
            years: rows.map { row in if case .year(let year) = dataSet.rows[row][chart.x] { year } else { 0 } },
            values: rows.map { row in chart.y.map { dataSet.rows[row][$0].number } },
            valueText: { row, series in
                let column = dataSet.columns[chart.y[series]]
                return self.cellText(dataSet.rows[rows[row]][chart.y[series]], column: column, edition: dataSet.edition,
                                     language: language, linker: linker).0 ?? na
            },
            seriesNames: chart.y.map { text(dataSet.columns[$0].label[language] ?? "", language) },
            barText: { row, series in
                guard dataSet.columns[chart.y[series]].type == .eur, let value = dataSet.rows[rows[row]][chart.y[series]].number else {
                    return self.cellText(dataSet.rows[rows[row]][chart.y[series]], column: dataSet.columns[chart.y[series]],
                                         edition: dataSet.edition, language: language, linker: linker).0 ?? na
                }
                return format.shortLabel(value, unit: .euros)
            },
            tickText: { value, largest, step in
                switch firstY.type {
                case .percent: format.percent(value, digits: NumberFormatting.digits(for: step))
                case .eur: format.axisLabel(value, largest: largest, step: step, unit: .euros)
                default: format.axisLabel(value, largest: largest, step: step, unit: .number)
                }
            },
            table: table)
        var view = chartView(figures, language: language)
        view.embedsStyle = linker.isDocument
        return view
    }

    func chartView(_ figures: ChartFigures, language: String) -> DataChartView {
        let width = ChartLayout.width
        let strings = t(language)
        var ticks: [ChartTickView] = [], labels: [ChartTextView] = [], bars: [ChartBarView] = []
        var markers: [ChartMarkerView] = [], gaps: [ChartTextView] = [], segments: [[String]] = []
        let height: Int
        switch figures.kind {
        case .bar:
            let layout = ChartLayout.bars(figures.values)
            height = layout.height
            // The first tick's label starts at the axis, the others are centred on their line.
            let largest = layout.ticks.last?.value ?? 0
            ticks = layout.ticks.enumerated().map { index, tick in
                ChartTickView(label: figures.tickText(tick.value, largest, layout.step), x1: tick.position, y1: layout.top, x2: tick.position,
                              y2: layout.bottom, labelX: tick.position, labelY: layout.top - 4, anchor: index == 0 ? "start" : "middle")
            }
            labels = layout.categories.map {
                ChartTextView(text: figures.labels[$0.row], x: $0.x, y: $0.y, anchor: "start", href: figures.hrefs[$0.row])
            }
            bars = layout.bars.map {
                ChartBarView(x: $0.x, y: $0.y, width: $0.width, height: $0.height, series: $0.series, hatched: $0.series % 2 == 1,
                             value: figures.barText($0.row, $0.series), valueX: $0.valueX, valueY: $0.valueY)
            }
        case .line:
            let layout = ChartLayout.lines(years: figures.years, values: figures.values)
            height = layout.height
            let largest = layout.valueTicks.last?.value ?? 0
            ticks = layout.valueTicks.map {
                ChartTickView(label: figures.tickText($0.value, largest, layout.step), x1: layout.left, y1: $0.position, x2: layout.right,
                              y2: $0.position, labelX: layout.left - 8, labelY: $0.position + 4, anchor: "end")
            }
            labels = layout.years.map { ChartTextView(text: String(Int($0.value)), x: $0.position, y: layout.bottom + 20, anchor: "middle", href: nil) }
            gaps = layout.gaps.map {
                ChartTextView(text: string(.notAvailable, in: language) ?? "", x: $0.position, y: layout.bottom - 8, anchor: "middle", href: nil)
            }
            segments = layout.segments.map { runs in runs.map { $0.map { "\($0.x),\($0.y)" }.joined(separator: " ") } }
            markers = layout.points.map {
                ChartMarkerView(cx: $0.x, cy: $0.y, x: $0.x - 4, y: $0.y - 4, square: $0.series % 2 == 1,
                                label: figures.valueText($0.index, $0.series), labelX: $0.x, labelY: $0.y - 10)
            }
        }
        let series = figures.seriesNames.enumerated().map { index, name in
            ChartSeriesView(name: name, index: index, hatched: figures.kind == .bar && index % 2 == 1,
                            dashed: figures.kind == .line && index % 2 == 1, square: index % 2 == 1,
                            segments: index < segments.count ? segments[index] : [])
        }
        return DataChartView(id: figures.id, title: figures.title, desc: describe(figures, language: language),
                             width: width, height: height, isLine: figures.kind == .line, ticks: ticks, labels: labels,
                             bars: bars, series: series, markers: markers, gaps: gaps, hasLegend: series.count > 1,
                             table: figures.table)
    }

    /// The chart's description from its figures: for each series, its range and its first and last values
    /// (lines) or its highest and lowest (bars); then the years without a value.
    func describe(_ figures: ChartFigures, language: String) -> String {
        func fill(_ key: InterfaceKey, _ values: [String: String]) -> String {
            var sentence = string(key, in: language) ?? ""
            for (name, value) in values { sentence = sentence.replacingOccurrences(of: "{\(name)}", with: value) }
            return sentence
        }
        var sentences = [string(figures.kind == .line ? .chartKindLine : .chartKindBar, in: language) ?? ""]
        for (series, name) in figures.seriesNames.enumerated() {
            let present = figures.values.indices.filter { series < figures.values[$0].count && figures.values[$0][series] != nil }
            guard !present.isEmpty else { continue }
            let value = { (row: Int) in figures.values[row][series] ?? 0 }
            let highest = present.max { value($0) < value($1) }!, lowest = present.min { value($0) < value($1) }!
            if present.count == 1 {
                let only = present[0]
                let label = figures.kind == .line ? String(figures.years[only]) : figures.labels[only]
                sentences.append(fill(.chartDescOne, ["series": name, "label": label, "value": figures.valueText(only, series)]))
            } else if figures.kind == .line {
                let ordered = present.sorted { figures.years[$0] < figures.years[$1] }
                let (start, end) = (ordered.first!, ordered.last!)
                sentences.append(fill(.chartDescLine, [
                    "series": name, "first_x": String(figures.years[start]), "last_x": String(figures.years[end]),
                    "first": figures.valueText(start, series), "last": figures.valueText(end, series),
                    "min": figures.valueText(lowest, series), "max": figures.valueText(highest, series),
                ]))
            } else {
                sentences.append(fill(.chartDescBar, [
                    "series": name, "max_label": figures.labels[highest], "max": figures.valueText(highest, series),
                    "min_label": figures.labels[lowest], "min": figures.valueText(lowest, series),
                ]))
            }
        }
        if figures.kind == .line {
            let missing = Set(figures.values.indices.filter { row in figures.values[row].contains { $0 == nil } }.map { figures.years[$0] })
            for year in missing.sorted() { sentences.append(fill(.chartNoValue, ["x": String(year)])) }
        }
        return text(sentences.filter { !$0.isEmpty }.joined(separator: " "), language)
    }
}
