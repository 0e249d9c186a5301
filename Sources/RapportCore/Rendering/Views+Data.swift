import RapportTemplates

// The views of data sets placed in bodies (docs/reference/content.md, "Data sets").

/// A data set as a table, in one language: every text localised, every number formatted for the locale.
public struct DataTableView: Sendable {
    /// Unique on the page (and on the print page): `data-oda-by-year`.
    public let id: String
    public let caption: String
    public let columns: [DataHeaderView]
    public let rows: [DataRowView]
    public let source: String?
    public let note: String?
    /// `status: preliminary`.
    public let preliminary: Bool
    /// The published CSV, and its size in kilobytes ("1,2" / "1.2"; the unit is the interface string `kilobytes`).
    public let downloadHref: String?
    public let downloadSize: String
}

public struct DataHeaderView: Sendable {
    public let label: String
    public let isNumeric: Bool
}

public struct DataRowView: Sendable {
    public let cells: [DataCellView]
}

public struct DataCellView: Sendable {
    /// nil: an empty cell, no value (the template shows the interface string `not_available`).
    public let text: String?
    public let isNumeric: Bool
    /// The row's first cell: a header cell (`<th scope="row">`).
    public let isHeader: Bool
    /// A country cell that leads to the country's page.
    public let href: String?
}

extension DataTableView: FieldTableView {
    public static let fields: TemplateFields<DataTableView> = TemplateFields("data-table", [
        ("id", .text, { .text($0.id) }),
        ("caption", .text, { .text($0.caption) }),
        ("columns", .list(.view(DataHeaderView.templateSchema)), { .views($0.columns) }),
        ("rows", .list(.view(DataRowView.templateSchema)), { .views($0.rows) }),
        ("source", .text, { .text($0.source) }),
        ("note", .text, { .text($0.note) }),
        ("preliminary", .flag, { .flag($0.preliminary) }),
        ("downloadHref", .text, { .text($0.downloadHref) }),
        ("downloadSize", .text, { .text($0.downloadSize) }),
    ])
}

extension DataHeaderView: FieldTableView {
    public static let fields: TemplateFields<DataHeaderView> = TemplateFields("data-header", [
        ("label", .text, { .text($0.label) }),
        ("isNumeric", .flag, { .flag($0.isNumeric) }),
    ])
}

extension DataRowView: FieldTableView {
    public static let fields: TemplateFields<DataRowView> = TemplateFields("data-row", [
        ("cells", .list(.view(DataCellView.templateSchema)), { .views($0.cells) }),
    ])
}

extension DataCellView: FieldTableView {
    public static let fields: TemplateFields<DataCellView> = TemplateFields("data-cell", [
        ("text", .text, { .text($0.text) }),
        ("isNumeric", .flag, { .flag($0.isNumeric) }),
        ("isHeader", .flag, { .flag($0.isHeader) }),
        ("href", .text, { .text($0.href) }),
    ])
}
