import Testing
@testable import RapportCore

/// Chapters: the layout, localized folder segments, the reading order and what it gives each page (the contract's
/// "Chapters" section), and every problem it names, with its exact text.
@Suite("Chapters")
struct ChapterTests {
    /// The baseline site plus a French report: a preface, a chapter with pages, a sub-chapter and unordered pages,
    /// and the country section's chapter page with a localized segment.
    static let report: [String: String?] = [
        "content/2020/fr/preface.md": "---\ntitle: Préface\norder: 1\n---\nLe mot d’ouverture.\n",
        "content/2020/fr/partenaires/index.md": "---\ntitle: Partenaires\norder: 2\n---\nLes partenaires.\n",
        "content/2020/fr/partenaires/oms.md": "---\ntitle: OMS\n---\nL’OMS.\n",
        "content/2020/fr/partenaires/aaa.md": "---\ntitle: Une page sans ordre\n---\nSans ordre : par nom de fichier.\n",
        "content/2020/fr/partenaires/fnuap.md": "---\ntitle: FNUAP\norder: 1\ntoc: true\n---\nIntro.\n\n## Santé\n\n### Mères\n\n## Budget\n",
        "content/2020/fr/partenaires/ong/index.md": "---\ntitle: ONG\nslug: organisations\norder: 2\n---\nLes ONG.\n",
        "content/2020/fr/partenaires/ong/caritas.md": "---\ntitle: Caritas\n---\nCaritas.\n",
        "content/2020/fr/countries/index.md": "---\ntitle: Coopération bilatérale\nslug: pays\n---\nLes pays.\n",
    ]

    func site(_ changes: [String: String?]) -> (Site, [Diagnostic]) {
        let source = SiteSource(files: TestSite(changes).files)
        let config = ConfigLoader.loadConfig(from: SourceText(path: "content/site.yaml", text: TestSite.siteYAML)).config!
        var log = BuildLog(strict: false)
        let loaded = LoadStage.run(source, options: BuildOptions(), memo: nil, log: &log)!
        return Site.make(config: config, pages: loaded.pages)
    }

    func messages(_ changes: [String: String?]) -> [String] {
        TestSite(Self.report.merging(changes) { _, new in new }).build().messages.filter { !$0.contains("warning: no 'en' translation") }
    }

    @Test("the reading order: home, sections by order (unordered last), a chapter's index then its pages by order, then by file name, depth first")
    func readingOrder() throws {
        let (site, diagnostics) = site(Self.report)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let sequence = try #require(site.reading.sequence["2020"]?["fr"]).map { site.pages[$0].file }
        #expect(sequence == [
            "content/2020/fr/index.md",
            "content/2020/fr/preface.md",
            "content/2020/fr/partenaires/index.md",
            "content/2020/fr/partenaires/fnuap.md",
            "content/2020/fr/partenaires/ong/index.md",
            "content/2020/fr/partenaires/ong/caritas.md",
            "content/2020/fr/partenaires/aaa.md",
            "content/2020/fr/partenaires/oms.md",
            "content/2020/fr/countries/index.md",
            "content/2020/fr/regions/sahel.md",
            "content/2020/fr/countries/niger.md",
        ])
        // English has no chapter: the home, then the country section.
        #expect(try #require(site.reading.sequence["2020"]?["en"]).map { site.pages[$0].file } == [
            "content/2020/en/index.md", "content/2020/en/regions/sahel-en.md", "content/2020/en/countries/niger.md",
        ])
        let caritas = try #require(site.pageByFile["content/2020/fr/partenaires/ong/caritas.md"])
        #expect(site.reading.trail[caritas]?.map { site.pages[$0].file } == [
            "content/2020/fr/index.md", "content/2020/fr/partenaires/index.md", "content/2020/fr/partenaires/ong/index.md",
        ])
        let niger = try #require(site.pageByFile["content/2020/fr/countries/niger.md"])
        #expect(site.reading.trail[niger]?.map { site.pages[$0].file } == [
            "content/2020/fr/index.md", "content/2020/fr/countries/index.md", "content/2020/fr/regions/sahel.md",
        ])
    }

    @Test("a section's order places the country section among the chapters; regions go by order, then file name")
    func countrySectionOrder() throws {
        let (site, _) = site(Self.report.merging([
            "content/2020/fr/countries/index.md": "---\ntitle: Coopération bilatérale\nslug: pays\norder: 0\n---\n",
            "content/2020/fr/regions/andes.md": "---\ntitle: Andes\norder: 5\n---\n",
            "content/2020/fr/regions/sahel.md": "---\ntitle: Sahel\ntranslation_key: sahel\norder: 2\n---\n",
        ]) { _, new in new })
        let sequence = try #require(site.reading.sequence["2020"]?["fr"]).map { site.pages[$0].file }
        #expect(Array(sequence.prefix(5)) == [
            "content/2020/fr/index.md", "content/2020/fr/countries/index.md", "content/2020/fr/regions/sahel.md",
            "content/2020/fr/countries/niger.md", "content/2020/fr/regions/andes.md",
        ])
        #expect(sequence[5] == "content/2020/fr/preface.md")
    }

    @Test("a folder's index.md slug is its segment in that language, for its pages and for the country section")
    func localizedSegments() throws {
        let (site, _) = site(Self.report)
        func url(_ file: String) throws -> String { site.urls[try #require(site.pageByFile[file])] }
        #expect(try url("content/2020/fr/partenaires/ong/index.md") == "fr/2020/partenaires/organisations/")
        #expect(try url("content/2020/fr/partenaires/ong/caritas.md") == "fr/2020/partenaires/organisations/caritas/")
        #expect(try url("content/2020/fr/preface.md") == "fr/2020/preface/")
        #expect(try url("content/2020/fr/countries/index.md") == "fr/2020/pays/")
        #expect(try url("content/2020/fr/countries/niger.md") == "fr/2020/pays/niger/")
        #expect(try url("content/2020/en/countries/niger.md") == "en/2020/countries/niger/", "English keeps the folder name")
        #expect(site.routes[try #require(site.pageByFile["content/2020/fr/partenaires/oms.md"])]
            == .editionPage(language: "fr", edition: "2020", segments: ["partenaires", "oms"]))
    }

    @Test("a chapter page shows its breadcrumbs, its neighbours with rel, its headings' table and its pages")
    func renderedPlace() throws {
        let outcome = TestSite(Self.report).build()
        let fnuap = try #require(outcome.text("fr/2020/partenaires/fnuap/index.html"))
        #expect(fnuap.contains("Crumb: Rapport 2020 ../../|Crumb: Partenaires ../|Crumb: FNUAP ./|"))
        #expect(fnuap.contains("Prev: Partenaires ../|Next: ONG ../organisations/|"))
        // `budget` is an id of the built-in theme's country data (which the PDF's sections show): the heading takes another.
        #expect(fnuap.contains("Toc: Santé #sante|Sub: Mères #meres|Toc: Budget #budget-2|"))
        let chapter = try #require(outcome.text("fr/2020/partenaires/index.html"))
        #expect(chapter.contains("Contents: FNUAP fnuap/|Contents: ONG organisations/|Under: Caritas|Contents: Une page sans ordre aaa/|Contents: OMS oms/|"))
        #expect(!chapter.contains("Toc:"), "no toc without toc: true")
        // The last page has no next; the country section's page is a chapter page too.
        let bilateral = try #require(outcome.text("fr/2020/pays/index.html"))
        #expect(bilateral.contains("Contents: Sahel ../regions/sahel/|Under: Niger|"))
    }

    @Test("the real theme marks the neighbours rel=prev and rel=next, and the edition home carries the nested contents")
    func themeMarkup() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        defer { Fixtures.cleanUp(root) }
        let outcome = Fixtures.build(root: root)
        let page = try #require(outcome.text("en/2021/partners/united-nations/index.html"))
        #expect(page.contains("<a href=\"../\" rel=\"prev\"><span class=\"pager-direction\">Previous:</span> Multilateral cooperation</a>"))
        #expect(page.contains("<a href=\"unfpa/\" rel=\"next\"><span class=\"pager-direction\">Next:</span> UNFPA</a>"))
        #expect(page.contains("<nav class=\"breadcrumbs\" aria-label=\"You are here\">"))
        let search = try #require(outcome.text("en/search.json"))
        #expect(search.contains("\"u\":\"en/2021/partners/united-nations/unfpa/\""))
    }

    // MARK: - Problems, each at its place

    @Test("a chapter folder without index.md is an error naming the folder, at the first page in it")
    func folderWithoutIndex() {
        #expect(messages(["content/2020/fr/partenaires/index.md": nil]) == [
            "content/2020/fr/partenaires/aaa.md:1:1: error: the chapter folder content/2020/fr/partenaires/ has no index.md: add content/2020/fr/partenaires/index.md (the chapter's title and URL segment)",
        ])
    }

    @Test("a page more than three folders below <lang>/ is an error")
    func tooDeep() {
        #expect(messages(["content/2020/fr/a/b/c/d/page.md": "---\ntitle: Trop loin\n---\n"]).first ==
            "content/2020/fr/a/b/c/d/page.md:1:1: error: this page is 4 folders below content/2020/fr/; chapters go at most 3 folders deep (chapter/sub-chapter/sub-sub-chapter)")
    }

    @Test("an order that is not a whole number is an error at its value")
    func orderNotWhole() {
        #expect(messages(["content/2020/fr/preface.md": "---\ntitle: Préface\norder: 1.5\n---\n"]) == [
            "content/2020/fr/preface.md:3:8: error: 'order' must be a whole number, not the number 1.5",
        ])
        #expect(messages(["content/2020/fr/preface.md": "---\ntitle: Préface\norder: premier\n---\n"]) == [
            "content/2020/fr/preface.md:3:8: error: 'order' must be a whole number, not the text 'premier'",
        ])
    }

    @Test("a chapter whose URL is another page's is an error naming both")
    func urlOfAnotherPage() {
        #expect(messages(["content/2020/fr/partenaires/caritas.md": "---\ntitle: Caritas\nslug: organisations\n---\n"]).contains(
            "content/2020/fr/partenaires/ong/index.md:1:1: error: the URL /fr/2020/partenaires/organisations/ is also the URL of content/2020/fr/partenaires/caritas.md"))
    }

    @Test("a chapter whose URL is a generated page's (print/, key-data/, goals/N/) is an error naming it")
    func urlOfGeneratedPage() {
        #expect(messages(["content/2020/fr/imprimer.md": "---\ntitle: Imprimer\nslug: print\n---\n"]) == [
            "content/2020/fr/imprimer.md:1:1: error: the URL /fr/2020/print/ is also the URL of the print version of the edition 2020, which Rapport generates: choose another slug",
        ])
        #expect(messages(["content/2020/fr/goals/index.md": "---\ntitle: Objectifs\n---\n", "content/2020/fr/goals/trois.md": "---\ntitle: 3\nslug: \"3\"\n---\n"]) == [
            "content/2020/fr/goals/trois.md:1:1: error: the URL /fr/2020/goals/3/ is also the URL of the page of goal 3 in the edition 2020, which Rapport generates: choose another slug",
        ])
    }

    @Test("order and toc belong to chapter pages (order to regions too), not to countries")
    func keysByKind() {
        #expect(messages(["content/2020/fr/countries/niger.md": "---\ntitle: Niger\ncountry: NE\nregion: sahel\norder: 1\n---\n"]) == [
            "content/2020/fr/countries/niger.md:5:1: error: unknown key 'order' in the front matter of a country page",
        ])
    }
}
