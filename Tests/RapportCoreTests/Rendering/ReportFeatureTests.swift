import Foundation
import Testing
@testable import RapportCore

/// What the report's readers get beyond single pages, checked in the built HTML.
@Suite("Report features")
struct ReportFeatureTests {
    /// The repository's own report, built in memory.
    static let report: BuildOutcome = Fixtures.build(root: Fixtures.repositoryRoot, options: BuildOptions(strict: true))
    static let fixture: BuildOutcome = {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        defer { Fixtures.cleanUp(root) }
        return Fixtures.build(root: root, options: BuildOptions(strict: true))
    }()

    @Test("the ids the theme writes come from its templates: a body heading never takes one (## Introduction)")
    func themeIDs() throws {
        let templates = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryRoot.appendingPathComponent("templates").path)
            .filter { $0.hasSuffix(".mustache") }
            .map { SourceFile(path: "templates/\($0)", bytes: Array(FileManager.default.contents(atPath: Fixtures.repositoryRoot.appendingPathComponent("templates/\($0)").path)!)) }
        let ids = try #require(Theme.load(templates: templates).theme).elementIDs
        for id in ["content", "introduction", "key-data", "priority-areas", "budget", "read-more", "search-input", "site-header", "comparison-caption"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(!ids.contains("-title") && !ids.contains(""))
        #expect(Theme.elementIDs(in: #"<a id="{{page.id}}-title"> <b id="{{x}}"> <c id="{{p}}budget"> <d id="plain">"#) == ["budget", "plain"])

        let root = Fixtures.siteRoot(fixture: "minimal-site")
        defer { Fixtures.cleanUp(root) }
        let page = root.appendingPathComponent("content/2021/fr/countries/niger.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\n## Introduction\n\nUn titre qui porte le nom d’une section du thème.\n")
            .write(to: page, atomically: true, encoding: .utf8)
        let html = try #require(Fixtures.build(root: root).text("fr/2021/pays/niger/index.html"))
        #expect(html.components(separatedBy: "id=\"introduction\"").count == 2, "one element has the id introduction")
        #expect(html.contains("aria-labelledby=\"introduction\""))
        #expect(html.contains(#"<h2 id="introduction-1">Introduction</h2>"#) || html.contains(#"<h2 id="introduction-2">Introduction</h2>"#),
                "the heading is numbered instead")
    }

    @Test("French typography: exact no-break spaces before : ; ! ? » and after «, typographic apostrophes")
    func frenchTypography() {
        let sentence = "Il l'a dit : « oui » ; vraiment ! Pourquoi ? «Non»! 10:30 et http://x.example/?a=1"
        #expect(FrenchTypography.apply(sentence)
            == "Il l’a dit\u{A0}: «\u{A0}oui\u{A0}»\u{202F}; vraiment\u{202F}! Pourquoi\u{202F}? «\u{A0}Non\u{A0}»\u{202F}! 10:30 et http://x.example/?a=1")
        #expect(FrenchTypography.apply("Déjà\u{A0}: rien") == "Déjà\u{A0}: rien", "idempotent")
    }

    @Test("a text between emphasis or links is typeset with the characters just outside it")
    func frenchTypographyWithNeighbours() {
        func apply(_ text: String, before: Unicode.Scalar? = nil, after: Unicode.Scalar? = nil) -> String {
            FrenchTypography.apply(text, neighbours: TextNeighbours(before: before, after: after))
        }
        #expect(apply("d'", after: "é") == "d’")
        #expect(apply("d'", after: " ") == "d'")
        #expect(apply("'s", before: "t") == "’s")
        #expect(apply("« ", after: "m") == "«\u{A0}")
        #expect(apply("«", after: "\n") == "«")
        #expect(apply("!", before: "t") == "\u{202F}!")
        #expect(apply("», oui", before: "t") == "\u{A0}», oui")
        #expect(apply(":", before: "t") == ":", "no space is added before a colon")
        #expect(apply("! fin", before: " ") == "! fin", "a space before the text is the text before's")
        #expect(apply("a ! b", before: "x", after: "y") == apply("a ! b"), "inside the text, neighbours change nothing")
    }

    @Test("typography reaches French bodies, titles and achievements; English, code and URLs are untouched")
    func typographyInPages() throws {
        let fr = try #require(Self.fixture.text("fr/2021/pays/niger/index.html"))
        #expect(fr.contains("Voici\u{A0}: «\u{A0}une phrase\u{A0}»\u{202F}; oui\u{202F}! Vraiment\u{202F}?"))
        #expect(fr.contains("<code>a : b</code>"), "code is not typeset")
        #expect(fr.contains("<a href=\"https://example.org/?q=1\">https://example.org/?q=1</a>"), "autolinks are not typeset")
        #expect(fr.contains("<li>Aujourd’hui\u{A0}: 1.200 enseignants formés\u{202F}!</li>"))
        let en = try #require(Self.fixture.text("en/2021/countries/niger/index.html"))
        #expect(en.contains("Here: “a sentence”; yes! Really?"))
        #expect(!en.contains("\u{202F}") && !en.contains("\u{A0}:"))
    }

    @Test("each country page links to the same country in the other editions")
    func crossEditionLinks() throws {
        #expect(Self.report.succeeded, "\(Self.report.messages)")
        let page = try #require(Self.report.text("fr/2020/cooperation-bilaterale/mongolie/index.html"))
        #expect(page.contains("<p class=\"other-editions\">Mongolie\u{A0}: <a href=\"./\" aria-current=\"page\">2020</a> · <a href=\"../../../2022/cooperation-bilaterale/mongolie/\">2022</a></p>"))
        let home = try #require(Self.report.text("en/2022/index.html"))
        #expect(home.contains("<li><a href=\"../2020/\">Annual report 2020</a></li>"), "edition homes link to the other editions")
    }

    @Test("one page per goal and edition lists its countries; priority areas link there")
    func goalPages() throws {
        let goal = try #require(Self.report.text("fr/2020/goals/3/index.html"))
        #expect(goal.contains("<span class=\"goal-badge\">ODD 3</span> Bonne santé et bien-être"))
        #expect(goal.contains("style=\"--goal-colour: #4C9F38\""))
        #expect(goal.contains("<li><a href=\"../../cooperation-bilaterale/mongolie/\">Mongolie</a></li>"))
        #expect(Self.report.text("en/2020/goals/17/index.html")?.contains("Partnerships for the goals") == true)
        #expect(Self.report.text("fr/2020/goals/4/index.html") == nil, "no page for a goal no country works on")
        let country = try #require(Self.report.text("fr/2020/cooperation-bilaterale/mongolie/index.html"))
        #expect(country.contains("<a href=\"../../goals/5/\"><span class=\"goal-number\">ODD 5</span>"))
    }

    @Test("the comparison table holds every country's key data in the locale, with sort values and sources")
    func comparison() throws {
        let fr = try #require(Self.report.text("fr/2020/key-data/index.html"))
        for cell in ["<td data-value=\"3.3\">3,3</td>", "<td data-value=\"11420\">11.420</td>", "<td data-value=\"99\">99</td>",
                     "<td data-value=\"69.9\">69,9</td>", "<td data-value=\"s.o.\">s.o.</td>", "<table class=\"sortable\">"] {
            #expect(fr.contains(cell), "\(cell)")
        }
        let en = try #require(Self.fixture.text("en/2021/key-data/index.html"))
        #expect(en.contains("<td data-value=\"1240\">1,240</td>"))
        #expect(en.contains("<td data-value=\"12345678\">€12,345,678</td>"))
        #expect(en.contains("<li>Niger: World Bank, 2019</li>"))
        #expect(Self.fixture.text("fr/2021/key-data/index.html")?.contains("<li>Niger\u{A0}: Banque mondiale, 2019</li>") == true)
    }

    @Test("the edition home shows the budget per country as an SVG bar chart with a text alternative and a table")
    func chart() throws {
        let home = try #require(Self.fixture.text("en/2021/index.html"))
        // Drawn by the one chart renderer that data sets use: title and description, round ticks, a direct label.
        #expect(home.contains("<svg viewBox=\"0 0 480 84\" role=\"img\" aria-labelledby=\"chart_budget-title chart_budget-desc\" class=\"chart-svg\">"))
        #expect(home.contains("<title id=\"chart_budget-title\">Budget per country 2021</title>"))
        #expect(home.contains("<desc id=\"chart_budget-desc\">Bar chart. Budget: Niger only (€12,345,678).</desc>"))
        #expect(home.contains(">€5M</text>") && home.contains(">€15M</text>"), "round ticks, short, for the locale")
        #expect(home.contains("class=\"value\">€12.3M</text>"), "the bar's value, short: whole in the description and the table")
        #expect(home.contains("<tr><th scope=\"row\"><a href=\"countries/niger/\">Niger</a></th><td class=\"number\">€12,345,678</td></tr>"))
        #expect(!home.contains(">Senegal</text>"), "a country without budget has no bar")
    }

    @Test("the search index holds the page's language only, each page's words folded (the script that reads it: SearchScriptTests)")
    func search() throws {
        let index = try #require(Self.report.text("fr/search.json"))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(index.utf8)) as? [[String: String]])
        let mongolia = try #require(entries.first { $0["u"] == "fr/2020/cooperation-bilaterale/mongolie/" })
        let words = Set((mongolia["w"] ?? "").split(separator: " "))
        #expect(words.isSuperset(of: ["cardiovasculaires", "telemedecine", "respirateurs"]), "body and achievements")
        #expect(!entries.contains { $0["u"]?.hasPrefix("en/") == true })
    }

    @Test("the print page holds the whole edition in order, with ids unique on the page")
    func printPage() throws {
        let print = try #require(Self.fixture.text("fr/2021/print/index.html"))
        // The reading order: the preface, the country section (its page, the region, its countries), then the chapter.
        let titles = ["s-preface-title\">Préface", "s-pays-title\">Coopération bilatérale", "r-afrique-de-l-ouest-title\">Afrique de l’Ouest",
                      "c-niger-title\">Niger", "c-senegal-title\">Sénégal", "s-partenaires-title\">Coopération multilatérale",
                      "s-partenaires_nations-unies-title\">Agences des Nations unies", "s-partenaires_nations-unies_fnuap-title\">FNUAP"]
        let places = try titles.map { try #require(print.range(of: "<h2 id=\"\($0)</h2>"), "\($0)").lowerBound }
        #expect(places == places.sorted())
        #expect(print.contains("<h2 id=\"c-niger-education\">Éducation</h2>"), "heading ids prefixed")
        #expect(print.contains("<section id=\"c-niger-key-data\" class=\"key-data\">"))
        #expect(print.contains("Le Niger est un <em>pays partenaire</em>") && print.contains("Texte."), "bodies whole, fold included")
        #expect(!print.contains("<details"))
        #expect(print.contains("<a href=\"../pays/senegal/#sante\">Sénégal</a>"), "links from the print page's place")
        let ids = print.matches(of: /id="([^"]+)"/).map { String($0.1) }
        #expect(ids.count == Set(ids).count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
    }

    @Test("accessibility statement and privacy notice in every footer; the banner from the i18n strings")
    func footerAndBanner() throws {
        let page = try #require(Self.report.text("en/2020/bilateral-cooperation/mongolia/index.html"))
        #expect(page.contains("<li><a href=\"../../../accessibility/\">Accessibility statement</a></li>"))
        #expect(page.contains("<li><a href=\"../../../privacy/\">Privacy notice</a></li>"))
        #expect(page.contains("<p>By browsing our website, you accept our privacy policy. <a href=\"../../../privacy/\">Find out more.</a></p>"))
        #expect(Self.report.text("fr/2020/index.html")?.contains("En navigant sur notre site internet, vous acceptez notre politique de confidentialité.") == true)
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        defer { Fixtures.cleanUp(root) }
        let yaml = root.appendingPathComponent("content/site.yaml")
        try (String(contentsOf: yaml, encoding: .utf8) + "privacy_banner: false\n").write(to: yaml, atomically: true, encoding: .utf8)
        let off = Fixtures.build(root: root)
        #expect(off.succeeded)
        #expect(off.text("fr/2021/index.html")?.contains("privacy-banner") == false)
        #expect(Self.fixture.text("fr/2021/index.html")?.contains("privacy-banner") == true)
    }
}
