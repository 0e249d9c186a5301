/// Every URL path that Rapport makes itself, in one place (content pages get theirs from `Site.url(of:)`):
/// relative to the site root, a folder ending with `/`. The renderer, the sitemap and the preview name these
/// routes instead of spelling their paths.
public enum Route: Hashable, Sendable {
    /// `index.html` at the root: leads to the default language.
    case root
    /// `/<lang>/`: a language's editions and pages outside editions.
    case languageHome(language: String)
    /// `/<lang>/<year>/goals/<n>/`.
    case goal(language: String, edition: String, number: Int)
    /// `/<lang>/<year>/key-data/`: the key data of every country side by side.
    case comparison(language: String, edition: String)
    /// `/<lang>/<year>/print/`: the whole edition on one page.
    case print(language: String, edition: String)
    /// `/<lang>/search.json`.
    case searchIndex(language: String)
    /// `/<lang>/404.html`, or `/404.html` (no language).
    case notFound(language: String?)
    case sitemap
    case robots

    /// The URL path: `fr/2020/goals/3/`, `fr/search.json`.
    public var path: String {
        switch self {
        case .root: ""
        case .languageHome(let language): "\(language)/"
        case .goal(let language, let edition, let number): "\(language)/\(edition)/goals/\(number)/"
        case .comparison(let language, let edition): "\(language)/\(edition)/key-data/"
        case .print(let language, let edition): "\(language)/\(edition)/print/"
        case .searchIndex(let language): "\(language)/search.json"
        case .notFound(let language): language.map { "\($0)/404.html" } ?? "404.html"
        case .sitemap: "sitemap.xml"
        case .robots: "robots.txt"
        }
    }

    /// The file written for the route: a folder's `index.html`, or the path itself.
    public var file: String {
        let path = path
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
