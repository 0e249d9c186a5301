/// One edition in one language: the scope of a table of contents, of a reading order, of country codes that
/// must be unique. A typed key, never a string built and split again.
public struct EditionScope: Hashable, Comparable, Sendable {
    public let edition: String
    public let language: String

    public init(edition: String, language: String) {
        self.edition = edition
        self.language = language
    }

    public static func < (lhs: EditionScope, rhs: EditionScope) -> Bool {
        (lhs.edition, lhs.language) < (rhs.edition, rhs.language)
    }
}

/// A chapter folder of one edition and language (`2020`, `fr`, `partenaires/multilateral`).
struct ChapterFolderKey: Hashable, Sendable {
    let scope: EditionScope
    let folders: [String]

    init(edition: String, language: String, folders: some Collection<String>) {
        scope = EditionScope(edition: edition, language: language)
        self.folders = Array(folders)
    }

    /// The folder as the writer knows it: `content/2020/fr/partenaires/multilateral`.
    var contentPath: String { "content/\(scope.edition)/\(scope.language)/" + folders.joined(separator: "/") }
}

/// A data set of one edition: `content/<edition>/data/<name>.csv` with its schema.
public struct DataSetKey: Hashable, Comparable, Sendable {
    public let edition: String
    public let name: String

    public init(edition: String, name: String) {
        self.edition = edition
        self.name = name
    }

    public static func < (lhs: DataSetKey, rhs: DataSetKey) -> Bool { (lhs.edition, lhs.name) < (rhs.edition, rhs.name) }
}

/// A country code within one edition and language, where it may be used once.
struct CountryCodeKey: Hashable, Sendable {
    let scope: EditionScope
    let code: String
}
