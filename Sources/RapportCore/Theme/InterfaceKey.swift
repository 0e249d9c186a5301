/// An interface string that Rapport's Swift code reads itself (chart descriptions, footnotes, generated pages'
/// titles, the PDF's link …), as opposed to the `{{t.KEY}}` the templates use, which `Theme` finds in them.
///
/// Every key read by code is a case here, and code reads interface strings only through `InterfaceStrings[key]`
/// with one of these: so the check that each language has them (`Theme.checkStrings`, `PDFStage`) cannot miss one.
public enum InterfaceKey: String, CaseIterable, Sendable, Comparable {
    // Chart descriptions, with `{placeholders}`.
    case notAvailable = "not_available"
    case chartKindBar = "chart_kind_bar"
    case chartKindLine = "chart_kind_line"
    case chartDescBar = "chart_desc_bar"
    case chartDescLine = "chart_desc_line"
    case chartDescOne = "chart_desc_one"
    case chartNoValue = "chart_no_value"
    // The edition home's budget chart and table.
    case chartTitle = "chart_title"
    case countryColumn = "country_column"
    case budget
    // Footnotes: the notes' heading and the link back.
    case notesTitle = "notes_title"
    case noteBack = "note_back"
    // The glossary page: its URL segment and its title.
    case glossarySlug = "glossary_slug"
    case glossaryTitle = "glossary_title"
    // Generated pages.
    case notFoundTitle = "not_found_title"
    case comparisonTitle = "comparison_title"
    case colon
    case notApplicable = "not_applicable"
    // The PDF: its file name, its size and the link to it (needed only when PDFs are made).
    case pdfFile = "pdf_file"
    case pdfSizeMB = "pdf_size_mb"
    case pdfSizeKB = "pdf_size_kb"
    case pdfLink = "pdf_link"

    /// Who reads the key, in the words of a missing key's message.
    public var user: String {
        switch self {
        case .notAvailable, .chartKindBar, .chartKindLine, .chartDescBar, .chartDescLine, .chartDescOne, .chartNoValue:
            "Rapport's chart descriptions"
        case .chartTitle, .countryColumn, .budget: "Rapport's budget chart of an edition"
        case .notesTitle, .noteBack: "Rapport's footnotes"
        case .glossarySlug, .glossaryTitle: "Rapport's glossary page"
        case .notFoundTitle: "Rapport's page for a missing address"
        case .comparisonTitle, .colon, .notApplicable: "Rapport's comparison page"
        case .pdfFile, .pdfSizeMB, .pdfSizeKB, .pdfLink: "Rapport's PDF"
        }
    }

    /// Needed only when PDFs are made (stage "pdf" checks them then).
    public var isForPDF: Bool {
        switch self {
        case .pdfFile, .pdfSizeMB, .pdfSizeKB, .pdfLink: true
        default: false
        }
    }

    /// The keys every language needs in every build.
    public static let required = allCases.filter { !$0.isForPDF }

    public static func < (lhs: InterfaceKey, rhs: InterfaceKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
