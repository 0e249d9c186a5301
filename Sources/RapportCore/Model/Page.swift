/// The kinds of page the content layout knows, each with what its place gives it: the pages of an edition
/// carry the edition, so that no code has to unwrap one that "must" be there.
public enum PageKind: Sendable, Hashable {
    /// `content/<year>/<lang>/index.md`
    case editionHome(edition: String)
    /// `content/<year>/<lang>/countries/<name>.md` (the page's `country` holds its front matter's country fields)
    case country(edition: String)
    /// `content/<year>/<lang>/regions/<name>.md`
    case region(edition: String)
    /// `content/<year>/<lang>/<folder>/…/index.md`: a chapter page, whose folder is the chapter. `folders` is the
    /// folder path under `<lang>/` as on disk (`["partenaires", "multilateral"]`), one to three folders;
    /// `countries/index.md` and `regions/index.md` are the chapter pages of the country and region sections.
    case chapter(edition: String, folders: [String])
    /// `content/<year>/<lang>/<folder>/…/<name>.md`: a page of a chapter (`folders` empty: a page at the top of
    /// the edition, `content/<year>/<lang>/<name>.md`).
    case chapterPage(edition: String, folders: [String])
    /// `content/pages/<lang>/<name>.md`: privacy notice, accessibility statement, about.
    case standalone

    /// The report year of a page of an edition.
    public var edition: String? {
        switch self {
        case .editionHome(let edition), .country(let edition), .region(let edition),
             .chapter(let edition, _), .chapterPage(let edition, _): edition
        case .standalone: nil
        }
    }

    public var isCountry: Bool { if case .country = self { true } else { false } }
    public var isRegion: Bool { if case .region = self { true } else { false } }
    public var isEditionHome: Bool { if case .editionHome = self { true } else { false } }
    /// A chapter page or a page of a chapter.
    public var isChapter: Bool {
        switch self {
        case .chapter, .chapterPage: true
        default: false
        }
    }

    /// The folders under `<lang>/` that hold the page: `["countries"]` for a country, `[]` for an edition home.
    public var folders: [String] {
        switch self {
        case .chapter(_, let folders), .chapterPage(_, let folders): folders
        case .country: ["countries"]
        case .region: ["regions"]
        case .editionHome, .standalone: []
        }
    }

    /// The same kind of page, whatever the edition (translations pair pages of one kind).
    func isSameKind(as other: PageKind) -> Bool {
        switch (self, other) {
        case (.editionHome, .editionHome), (.country, .country), (.region, .region), (.standalone, .standalone),
             (.chapter, .chapter), (.chapterPage, .chapterPage): true
        default: false
        }
    }

    var displayName: String {
        switch self {
        case .editionHome: "an edition home page"
        case .country: "a country page"
        case .region: "a region page"
        case .chapter: "a chapter page"
        case .chapterPage: "a page of a chapter"
        case .standalone: "a page"
        }
    }
}

/// One content page, front matter decoded, body still Markdown.
///
/// Its fields live in one shared, immutable box: a page is copied often (sorted, put in the site graph, looked
/// up by every view of every page that links to it), and a copy is then one reference count, not twenty. The
/// loader fills a `Fields` and makes the page from it; a page is read, never changed.
public struct Page: Sendable {
    /// What a page holds.
    public struct Fields: Sendable {
        /// The file, relative to the site root: `content/2020/fr/countries/mongolie.md`.
        public var file: String
        public var kind: PageKind
        public var language: String
        /// The file's path under its language folder: `countries/mongolie.md`.
        public var pathInLanguage: String
        /// The file name without `.md`.
        public var fileStem: String
        public var title: Located<String>
        public var summary: String?
        /// The last URL segment (from `slug`, else the file name).
        public var slug: String
        public var translationKey: String?
        /// `order`: the reading order among siblings, smallest first (chapter pages, their pages, region pages).
        public var order: Int?
        /// `toc: true`: the page opens with a list of links to its own `##` and `###` headings.
        public var toc: Bool = false
        /// `draft: true`: checked like any page, left out of `build` (not of `build --drafts` and `serve`).
        public var draft: Bool = false
        /// `source_digest`: the digest of the default-language counterpart this translation was made from.
        public var sourceDigest: Located<String>?
        /// The digest of this page's own file (`TranslationDigest.of`): what a translation records. Computed for
        /// the default language's pages only (the sources); empty on the others.
        public var digest: String = ""
        /// The country fields of a country page (`nil` on every other kind).
        public var country: CountryData?
        public var body: String
        /// The line of the file where the body starts.
        public var bodyFirstLine: Int
        /// Its front matter has errors (reported): checks across pages, such as figures against a translation,
        /// leave it out rather than add a second error.
        public var hasFrontMatterErrors = false
    }

    private final class Box: Sendable {
        let fields: Fields
        /// The title as lists sort it (`Slug.make`: accents and case ignored, "Égypte" among the E), made once.
        let titleSortKey: String
        init(_ fields: Fields) {
            self.fields = fields
            titleSortKey = Slug.make(from: fields.title.value)
        }
    }

    private let box: Box

    public init(_ fields: Fields) { box = Box(fields) }

    /// All the fields at once.
    public var fields: Fields { box.fields }

    public var file: String { box.fields.file }
    public var kind: PageKind { box.fields.kind }
    /// The report year for pages of an edition: `2020` (`kind` carries it).
    public var edition: String? { box.fields.kind.edition }
    public var language: String { box.fields.language }
    public var pathInLanguage: String { box.fields.pathInLanguage }
    public var fileStem: String { box.fields.fileStem }
    public var title: Located<String> { box.fields.title }
    /// The title as lists of pages sort it: accents and case ignored.
    public var titleSortKey: String { box.titleSortKey }
    public var summary: String? { box.fields.summary }
    public var slug: String { box.fields.slug }
    public var translationKey: String? { box.fields.translationKey }
    public var order: Int? { box.fields.order }
    public var toc: Bool { box.fields.toc }
    public var draft: Bool { box.fields.draft }
    public var sourceDigest: Located<String>? { box.fields.sourceDigest }
    public var digest: String { box.fields.digest }
    public var country: CountryData? { box.fields.country }
    public var body: String { box.fields.body }
    public var bodyFirstLine: Int { box.fields.bodyFirstLine }
    public var hasFrontMatterErrors: Bool { box.fields.hasFrontMatterErrors }
}

/// The front matter only a country page has. A class of constants: the graph stage reads every country page's
/// data at every build, and a reference is one count where a copy of the fields would be ten.
public final class CountryData: Sendable {
    public let code: Located<String>
    public let region: Located<String>?
    /// The `key_data` block's texts; `nil` when the page has no `key_data`.
    public let keyData: KeyData?
    /// Every figure, wherever it is written (`CountryFigure`).
    public let figures: CountryFigures
    public let priorityAreas: [SDG]
    /// Where `priority_areas` is written.
    public let priorityAreasPlace: SourceLocation?
    public let achievements: [String]

    public init(code: Located<String>, region: Located<String>?, keyData: KeyData?, figures: CountryFigures,
                priorityAreas: [SDG], priorityAreasPlace: SourceLocation?, achievements: [String]) {
        (self.code, self.region, self.keyData, self.figures) = (code, region, keyData, figures)
        (self.priorityAreas, self.priorityAreasPlace, self.achievements) = (priorityAreas, priorityAreasPlace, achievements)
    }

    public var budgetEUR: Int? { figures.integer(.budgetEUR) }
}

/// "Données de référence" / "Key data": the block's texts and its place; its numbers are `CountryData.figures`.
public struct KeyData: Sendable, Equatable {
    /// `cooperation_programme`: absent (no row), null ("N/A"), or a text such as "2016-2020".
    public enum Programme: Sendable, Equatable {
        case absent, notApplicable, text(String)
    }

    public var cooperationProgramme: Programme = .absent
    public var source: String?
    /// Where the block is written: a figure missing from it is reported there.
    public var place: SourceLocation
}
