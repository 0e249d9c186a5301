// MARK: - The glossary page of each language

extension Site {
    /// The glossary page's route in each language: `/<lang>/<glossary_slug>/`, from the interface strings. None
    /// when the glossary has no entry; none in a language whose `glossary_slug` is missing (the theme's check of
    /// the strings reports it) or is no slug (an error at the string).
    static func glossaryRoutes(of glossary: Glossary, strings: [String: InterfaceStrings], languages: [String],
                               log: inout DiagnosticLog) -> [String: Route] {
        guard !glossary.isEmpty else { return [:] }
        var routes: [String: Route] = [:]
        for language in languages {
            guard let table = strings[language], let slug = table[.glossarySlug] else { continue }
            guard Slug.isValid(slug) else {
                log.error(.invalidGlossarySlug(slug), at: table.locations[InterfaceKey.glossarySlug.rawValue] ?? SourceLocation(path: table.file))
                continue
            }
            routes[language] = .glossary(language: language, slug: slug)
        }
        return routes
    }

    /// The glossary page in every language that has one, by language: the language switcher's and the sitemap's.
    var glossaryURLs: [String: String] { glossaryRoutes.mapValues(\.path) }
}
