import RapportTemplates

// The edition's PDF as the typesetter reads it: one HTML document (`pdf.mustache`) of sections
// (`pdf-section.mustache`), styled for paged media by the theme's `assets/rapport-pdf.css`.

/// The whole edition in one document: cover, table of contents, the home's text, then every page in reading order.
public struct PDFDocumentView: Sendable {
    /// The document's title in its metadata and the reader's window title: the edition's title and the site's.
    public let documentTitle: String
    public let siteTitle: String
    public let editionTitle: String
    public let edition: String
    /// The site's stylesheet (charts, tables) and the print stylesheet after it, and the logo: `file:` URLs (the
    /// typesetter reads them from disk).
    public let siteStylesheet: String
    public let stylesheet: String
    public let logo: PDFLogoView?
    public let contents: [PDFContentsEntryView]
    /// The edition home's body, rendered, and its budget chart (as the edition home draws it).
    public let introduction: [UInt8]
    public let chart: DataChartView?
    /// Each page's section, rendered with `pdf-section` (UTF-8), in reading order.
    public let sections: [[UInt8]]
}

public struct PDFLogoView: Sendable {
    public let src: String
    public let alt: String
}

/// A line of the table of contents: the page number comes from the typesetter (`target-counter`).
public struct PDFContentsEntryView: Sendable {
    public let title: String
    /// `#id` of the page's section.
    public let href: String
    /// 1 for a chapter (a section of the edition's top level), 2 and more under it.
    public let level: Int
    public let isChapter: Bool
}

/// One page of the edition in the document; a chapter starts a new sheet.
public struct PDFSectionView: Sendable {
    public let id: String
    public let title: String
    /// Its depth in the table of contents (1: a chapter), for its bookmark's level.
    public let level: Int
    public let isChapter: Bool
    public let isRegion: Bool
    public let body: [UInt8]
    public let country: CountryView?
}

extension PDFDocumentView: FieldTableView {
    public static let fields: TemplateFields<PDFDocumentView> = TemplateFields("pdf", [
        ("documentTitle", .text, { .text($0.documentTitle) }),
        ("siteTitle", .text, { .text($0.siteTitle) }),
        ("editionTitle", .text, { .text($0.editionTitle) }),
        ("edition", .text, { .text($0.edition) }),
        ("siteStylesheet", .text, { .text($0.siteStylesheet) }),
        ("stylesheet", .text, { .text($0.stylesheet) }),
        ("logo", .view(PDFLogoView.templateSchema), { .view($0.logo) }),
        ("contents", .list(.view(PDFContentsEntryView.templateSchema)), { .views($0.contents) }),
        ("introduction", .html, { .bytes($0.introduction) }),
        ("chart", .view(DataChartView.templateSchema), { .view($0.chart) }),
        ("sections", .list(.html), { .list(BytesList($0.sections)) }),
    ])
}

extension PDFLogoView: FieldTableView {
    public static let fields: TemplateFields<PDFLogoView> = TemplateFields("pdf-logo", [
        ("src", .text, { .text($0.src) }),
        ("alt", .text, { .text($0.alt) }),
    ])
}

extension PDFContentsEntryView: FieldTableView {
    public static let fields: TemplateFields<PDFContentsEntryView> = TemplateFields("pdf-contents-entry", [
        ("title", .text, { .text($0.title) }),
        ("href", .text, { .text($0.href) }),
        ("level", .text, { .text(String($0.level)) }),
        ("isChapter", .flag, { .flag($0.isChapter) }),
    ])
}

extension PDFSectionView: FieldTableView {
    public static let fields: TemplateFields<PDFSectionView> = TemplateFields("pdf-section", [
        ("id", .text, { .text($0.id) }),
        ("title", .text, { .text($0.title) }),
        ("level", .text, { .text(String($0.level)) }),
        ("isChapter", .flag, { .flag($0.isChapter) }),
        ("isRegion", .flag, { .flag($0.isRegion) }),
        ("body", .html, { .bytes($0.body) }),
        ("country", .view(CountryView.templateSchema), { .view($0.country) }),
    ])
}
