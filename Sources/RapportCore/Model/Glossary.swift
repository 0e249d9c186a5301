/// `content/glossary.yaml`: the report's abbreviations, each with its term, expansion and (optional) definition in
/// every language of the site. Bodies mark each term's first use on a page with `<abbr>`; a glossary page per
/// language lists them.
public struct Glossary: Sendable, Equatable {
    /// One abbreviation in every language.
    public struct Entry: Sendable, Equatable {
        /// The entry's key: a slug, the id of its term on the glossary page.
        public var key: String
        /// Where the entry starts in glossary.yaml.
        public var location: SourceLocation
        /// The term per language code.
        public var terms: [String: Term]
    }

    /// An abbreviation in one language: `APD`, "aide publique au développement", and what it is.
    public struct Term: Sendable, Equatable {
        public var term: String
        public var expansion: String
        public var definition: String?
    }

    /// The entries in file order.
    public var entries: [Entry] = []

    public init(entries: [Entry] = []) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }

    /// The path of the file, relative to the site root.
    public static let path = "content/glossary.yaml"

    /// The entries of `language` in the order the language sorts their terms: accents and case ignored, as page
    /// titles sort ("ÉCU" among the E), then by the term itself and the key, so that the order is total.
    public func sorted(in language: String) -> [(key: String, term: Term)] {
        let terms = entries.compactMap { entry in entry.terms[language].map { (key: entry.key, term: $0, sortKey: Slug.make(from: $0.term)) } }
        return terms.sorted { a, b in
            if a.sortKey != b.sortKey { return a.sortKey < b.sortKey }
            if a.term.term != b.term.term { return a.term.term < b.term.term }
            return a.key < b.key
        }.map { ($0.key, $0.term) }
    }

    /// The expansions of `language`'s terms, by term: what a page's body marks with `<abbr>`.
    public func expansions(in language: String) -> [String: String] {
        var found: [String: String] = [:]
        for entry in entries { if let term = entry.terms[language] { found[term.term] = term.expansion } }
        return found
    }
}
