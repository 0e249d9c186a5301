/// Where a file under `content/` belongs, from its path alone (the contract's layout).
public enum ContentEntry: Equatable, Sendable {
    case siteConfig
    case interfaceStrings(language: String)
    case asset(pathInAssets: String)
    case page(kind: PageKind, language: String, pathInLanguage: String, fileStem: String)
    /// A dot file (`.DS_Store`, an editor's swap file): not content, ignored.
    case ignored
    case misplaced(Reason)

    /// Classifies `path` (relative to the site root, starting with `content/`).
    public static func classify(_ path: String, languages: [String]) -> ContentEntry {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts[0] == "content" else { return .misplaced(.misplacedFile(expectedLayout)) }
        let inside = Array(parts.dropFirst())
        if inside.contains(where: { $0.hasPrefix(".") }) { return .ignored }
        if inside.first == "assets", inside.count >= 2 {
            return .asset(pathInAssets: inside.dropFirst().joined(separator: "/"))
        }
        if inside == ["site.yaml"] { return .siteConfig }
        if inside.count == 2, inside[0] == "i18n", inside[1].hasSuffix(".yaml") {
            let language = String(inside[1].dropLast(5))
            guard languages.contains(language) else { return .misplaced(.unknownLanguageFolder(language, known: languages)) }
            return .interfaceStrings(language: language)
        }
        guard let name = inside.last, name.hasSuffix(".md") else {
            return .misplaced(.misplacedFile("only .md pages, site.yaml, i18n/*.yaml and assets/ belong in content/"))
        }
        let stem = String(name.dropLast(3))
        func checkLanguage(_ language: String) -> Reason? {
            languages.contains(language) ? nil : .unknownLanguageFolder(language, known: languages)
        }
        if inside[0] == "pages" {
            guard inside.count == 3 else { return .misplaced(.misplacedFile("pages outside editions go in content/pages/<lang>/")) }
            if let problem = checkLanguage(inside[1]) { return .misplaced(problem) }
            return .page(kind: .standalone, language: inside[1], pathInLanguage: name, fileStem: stem)
        }
        guard isEdition(inside[0]) else { return .misplaced(.misplacedFile(expectedLayout)) }
        guard inside.count >= 3 else { return .misplaced(.misplacedFile(expectedLayout)) }
        if let problem = checkLanguage(inside[1]) { return .misplaced(problem) }
        let edition = inside[0], language = inside[1]
        switch Array(inside.dropFirst(2)) {
        case ["index.md"]:
            return .page(kind: .editionHome(edition: edition), language: language, pathInLanguage: name, fileStem: stem)
        case let rest where rest.count == 2 && rest[0] == "countries":
            return .page(kind: .country(edition: edition), language: language, pathInLanguage: "countries/\(name)", fileStem: stem)
        case let rest where rest.count == 2 && rest[0] == "regions":
            return .page(kind: .region(edition: edition), language: language, pathInLanguage: "regions/\(name)", fileStem: stem)
        default:
            return .misplaced(.misplacedFile("an edition holds <lang>/index.md, <lang>/countries/*.md and <lang>/regions/*.md"))
        }
    }

    /// An edition folder is a report year.
    static func isEdition(_ name: String) -> Bool {
        name.count == 4 && name.allSatisfy(\.isASCII) && name.allSatisfy(\.isNumber)
    }

    static let expectedLayout =
        "pages go in content/<year>/<lang>/{index.md,countries/,regions/} or content/pages/<lang>/"
}
