import RapportTestSupport
import Testing
@testable import RapportCore

@Suite("Site graph")
struct SiteGraphTests {
    func site(_ changes: [String: String?]) -> (Site, [Diagnostic]) {
        let source = SiteSource(files: TestSite(changes).files)
        let config = ConfigLoader.loadConfig(from: SourceText(path: "content/site.yaml", text: TestSite.siteYAML)).config!
        var log = BuildLog(strict: false)
        let loaded = LoadStage.run(source, options: BuildOptions(), memo: nil, log: &log)!
        return Site.make(config: config, pages: loaded.pages)
    }

    @Test("pages pair by path under <lang>/ and by translation_key, within one edition")
    func pairing() throws {
        let (site, diagnostics) = site([
            "content/2021/fr/index.md": "---\ntitle: R\n---\n",
            "content/2021/en/index.md": "---\ntitle: R\n---\n",
            "content/2021/fr/countries/niger.md": "---\ntitle: Niger\ncountry: NE\ntranslation_key: niger\n---\n",
            "content/2021/en/countries/niger-en.md": "---\ntitle: Niger\ncountry: NE\ntranslation_key: niger\n---\n",
        ])
        #expect(diagnostics.isEmpty)
        func id(_ file: String) throws -> Int { try #require(site.pageByFile[file]) }
        #expect(site.translations[try id("content/2020/fr/countries/niger.md")] == [
            "fr": try id("content/2020/fr/countries/niger.md"), "en": try id("content/2020/en/countries/niger.md")])
        #expect(site.translations[try id("content/2020/fr/regions/sahel.md")]["en"] == (try id("content/2020/en/regions/sahel-en.md")))
        // Same key, other edition: its own pair.
        #expect(site.translations[try id("content/2021/fr/countries/niger.md")]["en"] == (try id("content/2021/en/countries/niger-en.md")))
        #expect(site.editions == ["2020", "2021"])
        #expect(site.urls[try id("content/2021/en/countries/niger-en.md")] == "en/2021/countries/niger-en/")
    }

    @Test("a translation_key used twice in one language is an error naming the other file")
    func duplicateTranslation() {
        let (_, diagnostics) = site(["content/2020/fr/regions/sahel2.md": "---\ntitle: Sahel 2\ntranslation_key: sahel\n---\n"])
        #expect(diagnostics.map(\.description) == [
            "content/2020/fr/regions/sahel2.md:1:1: error: content/2020/fr/regions/sahel.md is already the 'fr' translation of this page (same path or translation_key)",
            "content/2020/fr/regions/sahel2.md:1:1: warning: no 'en' translation of this page (expected content/2020/en/regions/sahel2.md, or a page with the same translation_key)",
        ])
        let (_, mixed) = site(["content/2020/fr/countries/mali.md": "---\ntitle: Mali\ncountry: ML\ntranslation_key: sahel\n---\n"])
        #expect(mixed.map(\.description).first == "content/2020/fr/countries/mali.md:1:1: error: this page is paired with content/2020/en/regions/sahel-en.md, a page of another kind")
    }

    @Test("regions are linked to their countries, countries to their region")
    func regions() throws {
        let (site, _) = site([:])
        let region = try #require(site.pageByFile["content/2020/fr/regions/sahel.md"])
        let niger = try #require(site.pageByFile["content/2020/fr/countries/niger.md"])
        #expect(site.countriesOfRegion[region] == [niger])
        #expect(site.regionOfCountry[niger] == region)
    }

    @Test("relative links between URL paths")
    func linker() {
        let page = Linker(mode: .relative(from: "fr/2020/countries/niger/"))
        #expect(page.href("fr/2020/countries/niger/") == "./")
        #expect(page.href("fr/2020/countries/mali/") == "../mali/")
        #expect(page.href("fr/2020/") == "../../")
        #expect(page.href("en/2020/countries/niger/") == "../../../../en/2020/countries/niger/")
        #expect(page.href("assets/rapport.css") == "../../../../assets/rapport.css")
        #expect(page.href("") == "../../../../")
        #expect(Linker(mode: .relative(from: "")).href("fr/") == "fr/")
        #expect(Linker(mode: .absolute(basePath: "/r/")).href("fr/404.html") == "/r/fr/404.html")
    }

    @Test("relative links on bytes give what the segment rule gives, on 5,000 seeded random paths")
    func linksAgreeWithTheSegmentRule() {
        let segments = ["fr", "en", "2020", "2021", "countries", "c", "goals", "3", ".", "..", "", "assets", "rapport.css", "...", "fr2"]
        var random = SplitMix64(seed: 7)
        func path() -> String {
            let parts = (0..<Int.random(in: 0...4, using: &random)).map { _ in segments.randomElement(using: &random)! }
            return parts.joined(separator: "/") + (Bool.random(using: &random) && !parts.isEmpty ? "/" : "")
        }
        for _ in 0..<5000 {
            let from = path(), target = path()
            #expect(Linker(mode: .relative(from: from)).href(target) == Linker.reference(from: from, to: target),
                    "from \(from.debugDescription) to \(target.debugDescription)")
        }
    }
}
