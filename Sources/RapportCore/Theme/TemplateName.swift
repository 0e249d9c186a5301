/// A template Rapport renders pages with, by its file name in the theme (`country` is `country.mustache`). The
/// theme's other templates are partials and parents, named only by templates; these are the ones Swift code names.
public enum TemplateName: String, CaseIterable, Sendable, Comparable {
    case base, country, region, edition, page, home, root
    case notFound = "404"
    case goal, comparison, print
    case printSection = "print-section"
    case chapter
    case dataTable = "data-table"
    case dataChart = "data-chart"
    case glossary
    case pdf
    case pdfSection = "pdf-section"

    /// The file name in the theme: `country.mustache`.
    public var fileName: String { rawValue + ".mustache" }

    /// The templates made only for the PDF: checked when PDFs are made (stage "pdf").
    public var isForPDF: Bool { self == .pdf || self == .pdfSection }

    /// The templates every build needs: all but the PDF's. (`base` is the parent the others fill.)
    public static let required = allCases.filter { !$0.isForPDF }

    public static func < (lhs: TemplateName, rhs: TemplateName) -> Bool { lhs.rawValue < rhs.rawValue }
}
