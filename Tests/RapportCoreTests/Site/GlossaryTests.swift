import Foundation
import Testing
@testable import RapportCore

/// `content/glossary.yaml` through the real build of an inline site: its pages, its place in the switcher,
/// sitemap, search and print page, and every problem of the file at its place, message pinned.
@Suite("Glossary")
struct GlossaryTests {
    static let path = "content/glossary.yaml"
    static let valid = """
        - key: oda
          fr: {term: APD, expansion: aide publique au développement, definition: "L’aide des États : dons et prêts."}
          en: {term: ODA, expansion: official development assistance}
        - key: fmi
          fr: {term: FMI, expansion: Fonds monétaire international}
          en: {term: IMF, expansion: International Monetary Fund}
        - key: ecu
          fr: {term: ÉCU, expansion: unité de compte européenne}
          en: {term: ECU, expansion: European currency unit}

        """

    func build(_ glossary: String?, _ changes: [String: String?] = [:]) -> BuildOutcome {
        var all = changes
        all[Self.path] = glossary
        return TestSite(all).build()
    }

    func messages(_ glossary: String) -> [String] { build(glossary).messages }

    // MARK: - What readers get

    @Test("a glossary page per language at glossary_slug, its terms sorted as the language sorts (ÉCU among the E), each with its id")
    func pages() throws {
        let outcome = build(Self.valid)
        #expect(outcome.messages == [])
        let french = try #require(outcome.text("fr/glossaire/index.html"))
        #expect(french.contains("Glossary: Glossaire|Term: oda APD = aide publique au développement (L’aide des États\u{A0}: dons et prêts.)|"
            + "Term: ecu ÉCU = unité de compte européenne|Term: fmi FMI = Fonds monétaire international|"))
        let english = try #require(outcome.text("en/glossary/index.html"))
        #expect(english.contains("Glossary: Glossary|Term: ecu ECU = European currency unit|Term: fmi IMF = International Monetary Fund|"
            + "Term: oda ODA = official development assistance|"))
        #expect(french.contains("Switch: English ../../en/glossary/|"))
    }

    @Test("the glossary pages are in the sitemap (with their alternates), in each language's search index and at the end of the print page")
    func sitemapSearchPrint() throws {
        let outcome = build(Self.valid)
        let sitemap = try #require(outcome.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/r/fr/glossaire/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/r/en/glossary/\"/>"))
        let search = try #require(outcome.text("fr/search.json"))
        #expect(search.contains("{\"u\":\"fr/glossaire/\",\"t\":\"Glossaire\",\"s\":\"\",\"w\":\"glossaire apd aide publique au developpement"))
        let print = try #require(outcome.text("fr/2020/print/index.html"))
        #expect(print.hasSuffix("End: Glossaire|Term: g-oda APD|Term: g-ecu ÉCU|Term: g-fmi FMI|</html>\n"))
    }

    @Test("a body link to the glossary page, written as its URL, is a link to a page of the site")
    func linkToGlossary() {
        let niger = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\nVoir le [glossaire](../../../glossaire/#oda).\n"
        #expect(build(Self.valid, ["content/2020/fr/countries/niger.md": niger]).messages == [])
        #expect(build(nil, ["content/2020/fr/countries/niger.md": niger]).messages == [
            "content/2020/fr/countries/niger.md:6:9: error: link to '../../../glossaire/#oda', which is no page or file of this site: check the address, or link to the page's .md file",
        ])
    }

    @Test("no glossary file, or an empty one: no glossary page, no message")
    func noGlossary() {
        for glossary in [nil, "", "# nothing yet\n"] as [String?] {
            let outcome = build(glossary)
            #expect(outcome.messages == [])
            #expect(outcome.text("fr/glossaire/index.html") == nil)
        }
    }

    // MARK: - <abbr> on first use

    static let nigerFrench = "content/2020/fr/countries/niger.md"

    func niger(_ body: String, glossary: String = GlossaryTests.valid) throws -> String {
        let page = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\n" + body
        let outcome = build(glossary, [Self.nigerFrench: page])
        #expect(outcome.messages == [])
        return try #require(outcome.text("fr/2020/countries/niger/index.html"))
    }

    static let apd = "<abbr title=\"aide publique au développement\">APD</abbr>"

    @Test("the first use of a term in the body's text is <abbr title=EXPANSION>; the second is text")
    func firstUseMarked() throws {
        let html = try niger("L’APD du Niger croît. Encore l’APD.\n\nEt l’APD ici.\n")
        #expect(html.contains("<p>L’\(Self.apd) du Niger croît. Encore l’APD.</p>\n<p>Et l’APD ici.</p>"))
    }

    @Test("not in headings, links, code, tables or bare URLs: the first use in prose is marked")
    func notInHeadingsLinksCode() throws {
        let body = "## L’APD\n\nVoir [l’APD](https://example.org/), `APD`, https://example.org/APD et\n\n| APD | n |\n|---|---|\n| APD | 1 |\n\n```\nAPD\n```\n\nEnfin l’APD.\n"
        let html = try niger(body)
        #expect(html.contains("<p>Enfin l’\(Self.apd).</p>"))
        #expect(html.components(separatedBy: "<abbr").count == 2)
    }

    @Test("a term with <, & and \" is matched as written and escaped in the page; the expansion too")
    func hostileTerm() throws {
        let glossary = "- key: x\n  fr: {term: \"R&D<\\\"\", expansion: \"a <b> & \\\"c\\\"\"}\n  en: {term: RD, expansion: d}\n"
        let html = try niger("Voici R&D<\" ici.\n", glossary: glossary)
        #expect(html.contains("<p>Voici <abbr title=\"a &lt;b&gt; &amp; &quot;c&quot;\">R&amp;D&lt;&quot;</abbr> ici.</p>"))
    }

    @Test("a page's terms are its own: each page marks its first use (the English page with the English term)")
    func perPage() throws {
        let outcome = build(Self.valid, [Self.nigerFrench: "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\nL’APD.\n",
                                         "content/2020/fr/index.md": "---\ntitle: Rapport 2020\n---\nL’APD en 2020.\n",
                                         "content/2020/en/index.md": "---\ntitle: Report 2020\n---\nODA and APD in 2020.\n"])
        #expect(outcome.text("fr/2020/countries/niger/index.html")?.contains("L’\(Self.apd).") == true)
        #expect(outcome.text("fr/2020/index.html")?.contains("L’\(Self.apd) en 2020.") == true)
        #expect(outcome.text("en/2020/index.html")?.contains("<abbr title=\"official development assistance\">ODA</abbr> and APD in 2020.") == true)
    }

    // MARK: - Problems, each at its place

    @Test("an entry missing a language is an error at the entry, naming what to add")
    func missingLanguage() {
        #expect(messages("- key: oda\n  fr: {term: APD, expansion: aide publique au développement}\n") == [
            "content/glossary.yaml:1:3: error: the glossary entry 'oda' has no 'en' text: every entry gives every language of the site; add 'en: {term: …, expansion: …}'",
        ])
    }

    @Test("the same key twice, the same term twice in a language: errors at the second entry")
    func duplicates() {
        let twice = Self.valid + "- key: oda\n  fr: {term: APD2, expansion: a}\n  en: {term: ODA2, expansion: b}\n"
            + "- key: apd\n  fr: {term: APD, expansion: a}\n  en: {term: ODA3, expansion: b}\n"
        #expect(messages(twice) == [
            "content/glossary.yaml:10:3: error: the glossary key 'oda' is already used by the entry at line 1: give each entry its own key",
            "content/glossary.yaml:13:3: error: the term 'APD' is already in the glossary in 'fr', in the entry 'oda': keep one entry for it",
        ])
    }

    @Test("an empty term, a missing expansion, a term without a letter, an unknown key: each at its place")
    func emptyAndMissing() {
        let text = """
            - key: oda
              fr: {term: "", expansion: aide}
              en: {term: ODA, expansin: aid}
            - key: x
              fr: {term: "<&>", expansion: a}
              en: {term: X, expansion: b}

            """
        #expect(messages(text) == [
            "content/glossary.yaml:2:14: error: 'term' must not be empty",
            "content/glossary.yaml:3:7: error: the required key 'expansion' is missing",
            "content/glossary.yaml:3:19: error: unknown key 'expansin' in a glossary term (term, expansion, definition); did you mean 'expansion'?",
            "content/glossary.yaml:5:14: error: the term '<&>' has no letter or digit: a term is a word or an abbreviation, such as 'APD'",
        ])
    }

    @Test("a key that is no slug, an entry that is no mapping, a glossary that is no list")
    func shapes() {
        #expect(messages("- key: Aide Publique\n  fr: {term: APD, expansion: a}\n  en: {term: ODA, expansion: b}\n") == [
            "content/glossary.yaml:1:8: error: the glossary key 'Aide Publique' must be lowercase letters, digits and hyphens (it is the term's address on the glossary page): write for example 'key: oda'",
        ])
        #expect(messages("- APD\n") == [
            "content/glossary.yaml:1:3: error: this entry of the glossary must be written '- key: NAME' followed by one line per language, such as 'fr: {term: APD, expansion: aide publique au développement}'",
        ])
        #expect(messages("oda: {term: APD}\n") == [
            "content/glossary.yaml:1:1: error: the glossary must be a list of entries, each starting with '- key: NAME' (for example '- key: oda') followed by one line per language",
        ])
        #expect(messages("- key: oda\n  fr: APD\n  en: {term: ODA, expansion: b}\n") == [
            "content/glossary.yaml:2:7: error: the 'fr' text of the glossary entry 'oda' must be written 'fr: {term: …, expansion: …}' (definition is optional)",
        ])
    }

    @Test("a control character in a term or an expansion is an error naming it, escaped in the message")
    func controlCharacters() {
        #expect(messages("- key: oda\n  fr: {term: \"AP\\u001BD\", expansion: \"a\\u0007b\"}\n  en: {term: ODA, expansion: b}\n") == [
            "content/glossary.yaml:2:14: error: 'term' holds an invisible control character (U+001B): delete it",
            "content/glossary.yaml:2:38: error: 'expansion' holds an invisible control character (U+0007): delete it",
        ])
    }

    @Test("the glossary page's URL taken by a page, and a glossary_slug that is no slug")
    func slugProblems() {
        let page = "content/pages/fr/glossaire.md"
        #expect(build(Self.valid, [page: "---\ntitle: Glossaire\n---\nTexte.\n"]).messages.filter { $0.contains(": error: ") } == [
            "content/pages/fr/glossaire.md:1:1: error: the URL /fr/glossaire/ is also the URL of the glossary in 'fr', which Rapport generates: choose another slug",
        ])
        let strings = TestSite.baseline["content/i18n/fr.yaml"]!.replacingOccurrences(of: "glossary_slug: glossaire", with: "glossary_slug: Le Glossaire")
        let line = strings.components(separatedBy: "\n").firstIndex { $0.hasPrefix("glossary_slug:") }! + 1
        #expect(build(Self.valid, ["content/i18n/fr.yaml": strings]).messages == [
            "content/i18n/fr.yaml:\(line):1: error: the glossary page's address 'glossary_slug: Le Glossaire' must be one URL segment of lowercase letters, digits and hyphens, such as 'glossaire'",
        ])
    }

    @Test("glossary_slug and glossary_title are required in every language, by Rapport's glossary page")
    func requiredStrings() {
        let strings = TestSite.baseline["content/i18n/en.yaml"]!.replacingOccurrences(of: "glossary_title: Glossary\n", with: "")
        #expect(build(nil, ["content/i18n/en.yaml": strings]).messages == [
            "content/i18n/en.yaml:1:1: error: the interface string 'glossary_title' is used by Rapport's glossary page but missing in content/i18n/en.yaml",
        ])
    }

    @Test("a key that is an id of the theme's layout is an error at the entry")
    func keyIsThemeID() {
        let base = "<html lang=\"{{chrome.lang}}\"><main id=\"content\">{{$main}}{{/main}}</main>{{t.skip}}</html>\n"
        let outcome = build("- key: content\n  fr: {term: APD, expansion: a}\n  en: {term: ODA, expansion: b}\n",
                            ["templates/base.mustache": base])
        #expect(outcome.messages == [
            "content/glossary.yaml:1:3: error: the glossary key 'content' is also an id the theme gives an element of every page: choose another key",
        ])
    }

    @Test("10,000 entries load, build and sort in time")
    func tenThousandEntries() throws {
        var text = ""
        for number in (0..<10_000).reversed() {
            text += "- key: k\(number)\n  fr: {term: T\(number), expansion: terme \(number)}\n  en: {term: E\(number), expansion: term \(number)}\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = build(text)
        #expect(clock.now - start < .seconds(60))
        #expect(outcome.messages == [])
        let page = try #require(outcome.text("fr/glossaire/index.html"))
        #expect(page.components(separatedBy: "Term: ").count == 10_001)
        #expect(page.contains("Glossary: Glossaire|Term: k0 T0 = terme 0|Term: k1 T1 = terme 1|Term: k10 T10 = terme 10|"))
    }
}
