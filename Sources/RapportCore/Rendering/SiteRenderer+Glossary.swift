import Foundation

// MARK: - The glossary page of each language

extension SiteRenderer {
    /// The glossary of `language`, sorted as the language sorts its terms; each term's id is its entry's key after
    /// `idPrefix`: empty on the glossary page, `g-` at the end of the print page, where the glossary's section is
    /// `glossary` (the print page's other sections are `c-…`, `r-…`, `e-…`: one letter and a hyphen).
    func makeGlossaryView(language: String, idPrefix: String) -> GlossaryView? {
        guard site.glossaryRoutes[language] != nil else { return nil }
        let terms = site.glossary.sorted(in: language).map { entry in
            GlossaryTermView(id: idPrefix + entry.key, term: text(entry.term.term, language),
                             expansion: text(entry.term.expansion, language),
                             definition: entry.term.definition.map { text($0, language) })
        }
        return GlossaryView(title: text(string(.glossaryTitle, in: language) ?? "", language), id: "glossary", terms: terms)
    }

    /// `/<lang>/<glossary_slug>/`: every term of the glossary with its expansion and definition; nil when the
    /// language has no glossary page.
    public func renderGlossary(language: String) -> RenderedFile? {
        guard let route = site.glossaryRoutes[language], let view = makeGlossaryView(language: language, idPrefix: "") else { return nil }
        let url = route.path
        let linker = Linker(mode: .relative(from: url))
        let chrome = makeChrome(language: language, url: url, translations: site.glossaryURLs, title: view.title,
                                description: nil, edition: nil, linker: linker)
        return RenderedFile(path: route.file, bytes: render(PageContext(chrome: chrome, t: t(language), page: view), .glossary))
    }

    /// The glossary page's search entry: its title, and every term, expansion and definition.
    func glossarySearchEntry(language: String) -> [UInt8]? {
        guard let route = site.glossaryRoutes[language], let view = makeGlossaryView(language: language, idPrefix: "") else { return nil }
        let words = view.terms.flatMap { [$0.term, $0.expansion, $0.definition ?? ""] }
        return SearchIndex.entryBytes(url: route.path, title: view.title, summary: nil, text: "", others: words)
    }
}

extension Theme {
    /// Glossary keys that are ids the theme writes on every page: on the glossary page, a term's id is its key.
    func checkGlossary(_ glossary: Glossary) -> [Diagnostic] {
        glossary.entries.filter { elementIDs.contains($0.key) }.map {
            Diagnostic(.error, .glossaryKeyIsThemeID($0.key), at: $0.location, stage: .glossary)
        }
    }
}
