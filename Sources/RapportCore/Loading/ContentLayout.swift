/// Where a file under `content/` belongs, from its path alone (the contract's layout).
public enum ContentEntry: Equatable, Sendable {
    case siteConfig
    /// `content/glossary.yaml`.
    case glossary
    case interfaceStrings(language: String)
    case asset(pathInAssets: String)
    case page(kind: PageKind, language: String, pathInLanguage: String, fileStem: String)
    /// `content/<year>/data/<name>.csv` (the figures) or `<name>.yaml` (the schema) of a data set.
    case dataFile(edition: String, name: String, isSchema: Bool)
    /// A dot file (`.DS_Store`, an editor's swap file): not content, ignored.
    case ignored
    case misplaced(Reason)

    /// Classifies `path` (relative to the site root, starting with `content/`).
    public static func classify(_ path: String, languages: [String]) -> ContentEntry {
        // Split on the byte, not by Character: every file of the site is classified at every build.
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        guard parts.count >= 2, parts[0] == "content" else { return .misplaced(.misplacedFile(expectedLayout)) }
        let inside = Array(parts.dropFirst())
        if inside.contains(where: { $0.hasPrefix(".") }) { return .ignored }
        if inside.first == "assets", inside.count >= 2 {
            return .asset(pathInAssets: inside.dropFirst().joined(separator: "/"))
        }
        if inside == ["site.yaml"] { return .siteConfig }
        if inside == ["glossary.yaml"] { return .glossary }
        if inside.count == 2, inside[0] == "i18n", inside[1].hasSuffix(".yaml") {
            let language = String(inside[1].dropLast(5))
            guard languages.contains(language) else { return .misplaced(.unknownLanguageFolder(language, known: languages)) }
            return .interfaceStrings(language: language)
        }
        if inside.count == 3, isEdition(inside[0]), inside[1] == "data" {
            let file = inside[2]
            let isSchema = file.hasSuffix(".yaml")
            guard isSchema || file.hasSuffix(".csv") else {
                return .misplaced(.misplacedFile("content/<year>/data/ holds data sets: NAME.csv and NAME.yaml"))
            }
            let name = String(file.dropLast(isSchema ? 5 : 4))
            guard Slug.isValid(name) else { return .misplaced(.invalidSlug(name)) }
            return .dataFile(edition: inside[0], name: name, isSchema: isSchema)
        }
        guard let name = inside.last, name.hasSuffix(".md") else {
            return .misplaced(.misplacedFile("only .md pages, site.yaml, glossary.yaml, i18n/*.yaml and assets/ belong in content/"))
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
        let rest = Array(inside.dropFirst(2))
        let pathInLanguage = rest.joined(separator: "/")
        let folders = Array(rest.dropLast())
        func page(_ kind: PageKind) -> ContentEntry {
            .page(kind: kind, language: language, pathInLanguage: pathInLanguage, fileStem: stem)
        }
        if folders.isEmpty {
            return page(name == "index.md" ? .editionHome(edition: edition) : .chapterPage(edition: edition, folders: []))
        }
        if folders.first == "countries" || folders.first == "regions" {
            guard folders.count == 1 else {
                return .misplaced(.misplacedFile("\(folders[0])/ holds its pages directly (content/\(edition)/\(language)/\(folders[0])/<name>.md), without sub-folders"))
            }
            if name == "index.md" { return page(.chapter(edition: edition, folders: folders)) }
            return page(folders[0] == "countries" ? .country(edition: edition) : .region(edition: edition))
        }
        guard folders.count <= maximumChapterDepth else {
            return .misplaced(.chapterTooDeep(depth: folders.count, maximum: maximumChapterDepth, languageFolder: "content/\(edition)/\(language)/"))
        }
        return page(name == "index.md" ? .chapter(edition: edition, folders: folders) : .chapterPage(edition: edition, folders: folders))
    }

    /// Chapters, sub-chapters and their sub-chapters: at most three folders below `<lang>/`.
    public static let maximumChapterDepth = 3

    /// Whether `path` is a data set's CSV or schema (`content/<year>/data/<name>.csv|yaml`).
    static func isDataFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count == 4 && parts[0] == "content" && isEdition(String(parts[1])) && parts[2] == "data"
    }

    /// An edition folder is a report year.
    static func isEdition(_ name: String) -> Bool {
        name.count == 4 && name.allSatisfy(\.isASCII) && name.allSatisfy(\.isNumber)
    }

    static let expectedLayout =
        "pages go in content/<year>/<lang>/ (index.md, chapter folders, countries/, regions/) or content/pages/<lang>/"
}
