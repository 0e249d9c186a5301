import RapportTemplates

// The view of a chart (docs/reference/content.md, "Data sets"): an SVG drawn at build time, geometry in user units, every
// text localised; the same figures follow as a table.

public struct DataChartView: Sendable {
    /// Unique on the page: the ids of its title, description and hatch pattern start with it.
    public let id: String
    public let title: String
    /// Written from the figures, in the page's language: the range, first and last values, the gaps.
    public let desc: String
    public let width: Int
    public let height: Int
    public let isLine: Bool
    /// Grid lines of the value axis, with their labels.
    public let ticks: [ChartTickView]
    /// Category labels (bars) or years (lines).
    public let labels: [ChartTextView]
    public let bars: [ChartBarView]
    public let series: [ChartSeriesView]
    public let markers: [ChartMarkerView]
    /// "n/a" at the years where a value is missing.
    public let gaps: [ChartTextView]
    /// Several series: a legend names them (with their pattern or dash).
    public let hasLegend: Bool
    public let table: DataTableView
    /// The chart carries its own `<style>` (the PDF: its typesetter styles an inline SVG only from inside it).
    public var embedsStyle = false
}

public struct ChartTickView: Sendable {
    public let label: String
    public let x1: Int, y1: Int, x2: Int, y2: Int
    public let labelX: Int, labelY: Int
    public let anchor: String
}

public struct ChartTextView: Sendable {
    public let text: String
    public let x: Int, y: Int
    public let anchor: String
    /// A category that leads to its page (the budget chart's countries).
    public let href: String?
}

public struct ChartBarView: Sendable {
    public let x: Int, y: Int, width: Int, height: Int
    public let series: Int
    /// Every other series is hatched: bars never differ by colour alone.
    public let hatched: Bool
    public let value: String
    public let valueX: Int, valueY: Int
}

public struct ChartSeriesView: Sendable {
    public let name: String
    public let index: Int
    public let hatched: Bool
    public let dashed: Bool
    /// Square markers (else round).
    public let square: Bool
    /// The `points` of each unbroken run of the line.
    public let segments: [String]
}

public struct ChartMarkerView: Sendable {
    public let cx: Int, cy: Int
    /// The top-left corner of a square marker.
    public let x: Int, y: Int
    public let square: Bool
    public let label: String
    public let labelX: Int, labelY: Int
}

extension DataChartView: FieldTableView {
    public static let fields: TemplateFields<DataChartView> = TemplateFields("data-chart", [
        ("id", .text, { .text($0.id) }),
        ("title", .text, { .text($0.title) }),
        ("desc", .text, { .text($0.desc) }),
        ("width", .number, { .number($0.width) }),
        ("height", .number, { .number($0.height) }),
        ("isLine", .flag, { .flag($0.isLine) }),
        ("ticks", .list(.view(ChartTickView.templateSchema)), { .views($0.ticks) }),
        ("labels", .list(.view(ChartTextView.templateSchema)), { .views($0.labels) }),
        ("bars", .list(.view(ChartBarView.templateSchema)), { .views($0.bars) }),
        ("series", .list(.view(ChartSeriesView.templateSchema)), { .views($0.series) }),
        ("markers", .list(.view(ChartMarkerView.templateSchema)), { .views($0.markers) }),
        ("gaps", .list(.view(ChartTextView.templateSchema)), { .views($0.gaps) }),
        ("hasLegend", .flag, { .flag($0.hasLegend) }),
        ("table", .view(DataTableView.templateSchema), { .view($0.table) }),
        ("embedsStyle", .flag, { .flag($0.embedsStyle) }),
    ])
}

extension ChartTickView: FieldTableView {
    public static let fields: TemplateFields<ChartTickView> = TemplateFields("chart-tick", [
        ("label", .text, { .text($0.label) }),
        ("x1", .number, { .number($0.x1) }), ("y1", .number, { .number($0.y1) }),
        ("x2", .number, { .number($0.x2) }), ("y2", .number, { .number($0.y2) }),
        ("labelX", .number, { .number($0.labelX) }), ("labelY", .number, { .number($0.labelY) }),
        ("anchor", .text, { .text($0.anchor) }),
    ])
}

extension ChartTextView: FieldTableView {
    public static let fields: TemplateFields<ChartTextView> = TemplateFields("chart-text", [
        ("text", .text, { .text($0.text) }),
        ("x", .number, { .number($0.x) }), ("y", .number, { .number($0.y) }),
        ("anchor", .text, { .text($0.anchor) }),
        ("href", .text, { .text($0.href) }),
    ])
}

extension ChartBarView: FieldTableView {
    public static let fields: TemplateFields<ChartBarView> = TemplateFields("chart-bar", [
        ("x", .number, { .number($0.x) }), ("y", .number, { .number($0.y) }),
        ("width", .number, { .number($0.width) }), ("height", .number, { .number($0.height) }),
        ("series", .number, { .number($0.series) }),
        ("hatched", .flag, { .flag($0.hatched) }),
        ("value", .text, { .text($0.value) }),
        ("valueX", .number, { .number($0.valueX) }), ("valueY", .number, { .number($0.valueY) }),
    ])
}

extension ChartSeriesView: FieldTableView {
    public static let fields: TemplateFields<ChartSeriesView> = TemplateFields("chart-series", [
        ("name", .text, { .text($0.name) }),
        ("index", .number, { .number($0.index) }),
        ("hatched", .flag, { .flag($0.hatched) }),
        ("dashed", .flag, { .flag($0.dashed) }),
        ("square", .flag, { .flag($0.square) }),
        ("segments", .list(.text), { .texts($0.segments) }),
    ])
}

extension ChartMarkerView: FieldTableView {
    public static let fields: TemplateFields<ChartMarkerView> = TemplateFields("chart-marker", [
        ("cx", .number, { .number($0.cx) }), ("cy", .number, { .number($0.cy) }),
        ("x", .number, { .number($0.x) }), ("y", .number, { .number($0.y) }),
        ("square", .flag, { .flag($0.square) }),
        ("label", .text, { .text($0.label) }),
        ("labelX", .number, { .number($0.labelX) }), ("labelY", .number, { .number($0.labelY) }),
    ])
}
