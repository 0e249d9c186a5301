/// Every URL path of the site, in one place: relative to the site root, a folder ending with `/`. Content pages
/// get theirs from the site graph (`Site.route(of:)`, which knows the localized segments of chapter folders); the
/// renderer, the sitemap, the collision check and the preview name routes instead of spelling paths.
public enum Route: Hashable, Sendable {
    /// `index.html` at the root: leads to the default language.
    case root
    /// `/<lang>/`: a language's editions and pages outside editions.
    case languageHome(language: String)
    /// `/<lang>/<year>/`: an edition's home page.
    case editionHome(language: String, edition: String)
    /// `/<lang>/<year>/<segment>/…/`: a page of an edition (chapter, page of a chapter, country, region), by its
    /// URL segments (`["pays", "niger"]`).
    case editionPage(language: String, edition: String, segments: [String])
    /// `/<lang>/<slug>/`: a page outside editions.
    case standalone(language: String, slug: String)
    /// `/<lang>/<year>/goals/<n>/`.
    case goal(language: String, edition: String, number: Int)
    /// `/<lang>/<year>/key-data/`: the key data of every country side by side.
    case comparison(language: String, edition: String)
    /// `/<lang>/<year>/print/`: the whole edition on one page.
    case print(language: String, edition: String)
    /// `/<lang>/<slug>/`: the glossary, at the slug of the interface string `glossary_slug`.
    case glossary(language: String, slug: String)
    /// `/<lang>/search.json`.
    case searchIndex(language: String)
    /// `/<lang>/404.html`, or `/404.html` (no language).
    case notFound(language: String?)
    /// `/data/<year>/<name>.csv`: a data set, published unchanged.
    case dataFile(edition: String, name: String)
    case sitemap
    case robots

    /// The URL path: `fr/2020/goals/3/`, `fr/search.json`.
    public var path: String {
        switch self {
        case .root: ""
        case .languageHome(let language): "\(language)/"
        case .editionHome(let language, let edition): "\(language)/\(edition)/"
        case .editionPage(let language, let edition, let segments):
            "\(language)/\(edition)/" + segments.map { $0 + "/" }.joined()
        case .standalone(let language, let slug): "\(language)/\(slug)/"
        case .goal(let language, let edition, let number): "\(language)/\(edition)/goals/\(number)/"
        case .comparison(let language, let edition): "\(language)/\(edition)/key-data/"
        case .print(let language, let edition): "\(language)/\(edition)/print/"
        case .glossary(let language, let slug): "\(language)/\(slug)/"
        case .searchIndex(let language): "\(language)/search.json"
        case .notFound(let language): language.map { "\($0)/404.html" } ?? "404.html"
        case .dataFile(let edition, let name): "data/\(edition)/\(name).csv"
        case .sitemap: "sitemap.xml"
        case .robots: "robots.txt"
        }
    }

    /// The pages Rapport generates inside an edition, whose URLs no content page may take: the comparison, the
    /// print page and a page per goal (all seventeen: a goal that no country works on today may be added tomorrow).
    public static func generated(language: String, edition: String) -> [Route] {
        [.comparison(language: language, edition: edition), .print(language: language, edition: edition)]
            + (1...17).map { .goal(language: language, edition: edition, number: $0) }
    }

    /// How a diagnostic names a generated page.
    var generatedPageName: String {
        switch self {
        case .comparison(_, let edition): "the key data comparison of the edition \(edition)"
        case .print(_, let edition): "the print version of the edition \(edition)"
        case .goal(_, let edition, let number): "the page of goal \(number) in the edition \(edition)"
        case .glossary(let language, _): "the glossary in '\(language)'"
        default: "a page"
        }
    }

    /// The file written for the route: a folder's `index.html`, or the path itself.
    public var file: String {
        let path = path
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
