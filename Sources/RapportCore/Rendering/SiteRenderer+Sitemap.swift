import Foundation
import RapportTemplates

// MARK: - sitemap.xml and robots.txt

extension SiteRenderer {
    /// `sitemap.xml`: every page with its translations as `xhtml:link` alternates.
    public func renderSitemap() -> RenderedFile {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        var entries: [(url: String, alternates: [(String, String)])] = []
        let homes = languageHomes()
        for language in site.config.languageCodes {
            entries.append((homes[language]!, homes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
        let glossaries = site.glossaryURLs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (_, url) in glossaries { entries.append((url, glossaries)) }
        for id in site.pages.indices {
            let alternates = site.translations[id].sorted { $0.key < $1.key }.map { ($0.key, site.urls[$0.value]) }
            entries.append((site.urls[id], alternates))
        }
        // The generated pages of each edition: the key-data comparison and the goal pages (not the print page,
        // which repeats the others).
        for edition in site.editions {
            let languages = (site.editionHomes[edition] ?? [:]).keys.sorted()
            let comparison = languages.map { ($0, Route.comparison(language: $0, edition: edition).path) }
            for (_, url) in comparison { entries.append((url, comparison)) }
            var goalsByLanguage: [String: Set<SDG>] = [:]
            for language in languages {
                goalsByLanguage[language] = Set(site.goals(edition: edition, language: language))
            }
            for goal in Set(goalsByLanguage.values.flatMap { $0 }).sorted() {
                let alternates = languages.filter { goalsByLanguage[$0]?.contains(goal) == true }
                    .map { ($0, Route.goal(language: $0, edition: edition, number: goal.number).path) }
                for (_, url) in alternates { entries.append((url, alternates)) }
            }
        }
        for entry in entries.sorted(by: { $0.url < $1.url }) {
            xml += "  <url>\n    <loc>\(XML.escape(site.config.absoluteURL(entry.url)))</loc>\n"
            if entry.alternates.count > 1 {
                for (language, url) in entry.alternates {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(XML.escape(site.config.absoluteURL(url)))\"/>\n"
                }
            }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return RenderedFile(path: Route.sitemap.file, text: xml)
    }

    public func renderRobots() -> RenderedFile {
        RenderedFile(path: Route.robots.file, text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.absoluteURL(Route.sitemap.path))\n")
    }
}
