import Foundation
import Testing
@testable import RapportCore

/// The checked-in minimal site (FR + EN, two countries, one region, real templates), built end to end.
@Suite("Fixture site, end to end")
struct SiteBuildTests {
    let root: URL
    let outcome: BuildOutcome

    init() {
        root = Fixtures.siteRoot(fixture: "minimal-site")
        outcome = Fixtures.build(root: root, options: BuildOptions(strict: true))
    }

    @Test("builds under --strict with no diagnostic")
    func clean() {
        #expect(outcome.messages == [])
        #expect(outcome.pageCount == 20)
        Fixtures.cleanUp(root)
    }

    @Test("every output path, sorted")
    func outputPaths() {
        assertSnapshot(outcome.files.map(\.path).joined(separator: "\n") + "\n", named: "minimal-site-paths.txt")
    }

    @Test("golden French country page")
    func countryFrench() {
        assertSnapshot(outcome.text("fr/2021/pays/niger/index.html") ?? "", named: "country-fr.html")
    }

    @Test("golden English country page")
    func countryEnglish() {
        assertSnapshot(outcome.text("en/2021/countries/niger/index.html") ?? "", named: "country-en.html")
    }

    @Test("golden region page, edition home, language home, root, 404 and sitemap")
    func otherKinds() {
        assertSnapshot(outcome.text("fr/2021/regions/afrique-de-l-ouest/index.html") ?? "", named: "region-fr.html")
        assertSnapshot(outcome.text("en/2021/index.html") ?? "", named: "edition-en.html")
        assertSnapshot(outcome.text("en/index.html") ?? "", named: "home-en.html")
        assertSnapshot(outcome.text("index.html") ?? "", named: "root.html")
        assertSnapshot(outcome.text("fr/404.html") ?? "", named: "404-fr.html")
        assertSnapshot(outcome.text("sitemap.xml") ?? "", named: "sitemap.xml")
    }

    @Test("key fields really appear (Mustache renders a missing key as nothing)")
    func keyFieldsAppear() throws {
        let fr = try #require(outcome.text("fr/2021/pays/niger/index.html"))
        for expected in ["<html lang=\"fr\">", "<h1>Niger</h1>", "24,2", "1.240 USD", "189/189", "62,4", "2016-2020",
                         "Réalisations clés 2021", "12.345.678\u{A0}€", "Éducation de qualité", "ODD 4",
                         "Source\u{A0}: Banque mondiale, 2019", "<summary>Lire plus</summary>",
                         "Aller au contenu", "<main id=\"content\"", "Politique de confidentialité",
                         "<link rel=\"canonical\" href=\"https://example.org/sub/path/fr/2021/pays/niger/\">",
                         "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/sub/path/en/2021/countries/niger/\">"] {
            #expect(fr.contains(expected), "missing \(expected)")
        }
        let en = try #require(outcome.text("en/2021/countries/niger/index.html"))
        for expected in ["<html lang=\"en\">", "24.2", "1,240 USD", "62.4", "Key achievements 2021", "€12,345,678",
                         "Quality education", "SDG 4", "Source: World Bank, 2019", "<summary>Read more</summary>", "Skip to content"] {
            #expect(en.contains(expected), "missing \(expected)")
        }
        let senegal = try #require(outcome.text("fr/2021/pays/senegal/index.html"))
        #expect(senegal.contains("<abbr title=\"sans objet\">s.o.</abbr>"))
        #expect(!senegal.contains("<details"), "no marker, no fold")
        #expect(outcome.text("en/2021/countries/senegal/index.html")?.contains(">N/A</abbr>") == true)
    }

    @Test("front-matter text is escaped wherever it lands")
    func escaping() throws {
        let fr = try #require(outcome.text("fr/2021/pays/niger/index.html"))
        #expect(fr.contains("content=\"Éducation &amp; santé &lt;au&gt; Niger.\""))
        #expect(!fr.contains("<au>"))
    }

    @Test("the language switcher leads to the same page in the other language, or to that language's edition home")
    func switcher() throws {
        let fr = try #require(outcome.text("fr/2021/pays/niger/index.html"))
        #expect(fr.contains("<a href=\"../../../../en/2021/countries/niger/\" hreflang=\"en\" lang=\"en\">English</a>"))
        // Without a translation, the switcher leads to the other language's edition home.
        let partial = TestSite(["content/2020/en/countries/niger.md": nil]).build()
        let niger = try #require(partial.text("fr/2020/countries/niger/index.html"))
        #expect(niger.contains("Switch: Français ./|Switch: English ../../../../en/2020/|"))
    }

    @Test("body links to pages, headings and assets become relative URLs in the page's language")
    func bodyLinks() throws {
        let fr = try #require(outcome.text("fr/2021/pays/niger/index.html"))
        #expect(fr.contains("<a href=\"../../../../assets/fiche.txt\">fiche</a>"))
        #expect(fr.contains("<a href=\"../senegal/#sante\">Sénégal</a>"))
        #expect(fr.contains("<a href=\"../../regions/afrique-de-l-ouest/\">région</a>"))
        let en = try #require(outcome.text("en/2021/countries/niger/index.html"))
        #expect(en.contains("<a href=\"../../../../assets/fiche.txt\">fact sheet</a>"))
        #expect(outcome.files.contains { $0.path == "assets/fiche.txt" })
        #expect(outcome.files.contains { $0.path == "assets/rapport.css" })
    }

    @Test("regions list their countries; edition homes nest them in the table of contents, under the country section")
    func regionsAndEditions() throws {
        let region = try #require(outcome.text("en/2021/regions/west-africa/index.html"))
        #expect(region.contains("<li><a href=\"../../countries/niger/\">Niger</a></li>\n<li><a href=\"../../countries/senegal/\">Senegal</a></li>"))
        let edition = try #require(outcome.text("fr/2021/index.html"))
        #expect(edition.contains("""
            <li><a href="pays/">Coopération bilatérale</a>
            <ol>
            <li><a href="regions/afrique-de-l-ouest/">Afrique de l’Ouest</a>
            <ol>
            <li><a href="pays/niger/">Niger</a></li>
            """))
    }

    @Test("golden chapter pages, with a bar chart, a line chart with a gap and a table of data sets, and the print page")
    func chapters() {
        assertSnapshot(outcome.text("fr/2021/partenaires/nations-unies/fnuap/index.html") ?? "", named: "chapter-page-fr.html")
        assertSnapshot(outcome.text("en/2021/partners/index.html") ?? "", named: "chapter-en.html")
        assertSnapshot(outcome.text("fr/2021/print/index.html") ?? "", named: "print-fr.html")
        // A data set's table (preliminary, a translated text column, an empty cell) in French.
        assertSnapshot(outcome.text("fr/2021/partenaires/nations-unies/index.html") ?? "", named: "table-fr.html")
        assertSnapshot(outcome.text("en/2021/partners/united-nations/index.html") ?? "", named: "table-en.html")
        // Both chart kinds in both languages: a line in French, bars in English (the other two are above).
        assertSnapshot(outcome.text("fr/2021/partenaires/index.html") ?? "", named: "chart-line-fr.html")
        assertSnapshot(outcome.text("en/2021/partners/united-nations/unfpa/index.html") ?? "", named: "chart-bar-en.html")
    }

    @Test("two builds give identical bytes")
    func determinism() {
        let again = Fixtures.build(root: root, options: BuildOptions(strict: true))
        #expect(again.files == outcome.files)
    }

    @Test("a build that keeps its working set for the exit (the command line's) gives the same files")
    func keptWorkingSet() {
        var options = BuildOptions(strict: true)
        options.keepsWorkingSet = true
        let kept = Fixtures.build(root: root, options: options)
        #expect(kept.files == outcome.files)
        #expect(kept.diagnostics == outcome.diagnostics)
    }

    @Test("--base-url changes canonical URLs and the sitemap, never the relative links")
    func baseURLOverride() throws {
        let other = Fixtures.build(root: root, options: BuildOptions(baseURL: "https://reports.example.lu/"))
        let page = try #require(other.text("fr/2021/pays/niger/index.html"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://reports.example.lu/fr/2021/pays/niger/\">"))
        #expect(page.contains("href=\"../../../../assets/rapport.css\""))
        #expect(other.text("404.html")?.contains("href=\"/assets/rapport.css\"") == true)
        #expect(outcome.text("404.html")?.contains("href=\"/sub/path/assets/rapport.css\"") == true)
        #expect(other.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://reports.example.lu/sitemap.xml\n")
    }
}
