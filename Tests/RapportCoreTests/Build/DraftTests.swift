import Testing
@testable import RapportCore

/// Drafts: checked like any page, left out of `build` with everything that would list or link them; shown, and
/// marked, by `build --drafts` and the preview.
@Suite("Drafts")
struct DraftTests {
    static let mali = "content/2020/fr/countries/mali.md"
    static let changes: [String: String?] = [
        mali: "---\ntitle: Mali\ncountry: ML\nregion: sahel\ndraft: true\nbudget_eur: 1000\npriority_areas: [6]\n---\nLe Mali.\n",
    ]

    @Test("a draft is left out of the site: its page, the region list, search, sitemap, comparison, goals, print")
    func leftOut() throws {
        let outcome = TestSite(Self.changes).build()
        #expect(outcome.messages == [], "a draft's missing translation is no warning")
        #expect(outcome.text("fr/2020/countries/mali/index.html") == nil)
        #expect(outcome.text("fr/2020/regions/sahel/index.html")?.contains("Mali") == false)
        #expect(outcome.text("fr/search.json")?.contains("Mali") == false)
        #expect(outcome.text("sitemap.xml")?.contains("mali") == false)
        #expect(outcome.text("fr/2020/key-data/index.html")?.contains("Mali") == false)
        #expect(outcome.text("fr/2020/goals/6/index.html") == nil, "its goal has no page")
        #expect(outcome.text("fr/2020/print/index.html")?.contains("Mali") == false)
    }

    @Test("build --drafts includes it, marked as a draft in the page's language")
    func included() throws {
        let outcome = TestSite(Self.changes).build(BuildOptions(includeDrafts: true))
        let page = try #require(outcome.text("fr/2020/countries/mali/index.html"))
        #expect(page.contains("DRAFT|"))
        #expect(outcome.text("fr/2020/countries/niger/index.html")?.contains("DRAFT|") == false)
        #expect(outcome.text("fr/2020/regions/sahel/index.html")?.contains("Country: Mali") == true)
    }

    @Test("a link to a draft from a published page is an error at the link")
    func linkToDraft() {
        let niger = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\nVoir le [Mali](mali.md).\n"
        #expect(TestSite(Self.changes.merging(["content/2020/fr/countries/niger.md": niger]) { $1 }).build().messages == [
            "content/2020/fr/countries/niger.md:6:9: error: link to 'mali.md', a draft: it is left out of the site (publish it by removing draft: true, or remove the link)",
        ])
    }

    @Test("a draft is checked like any page: its front matter, its links")
    func checked() {
        let broken = "---\ntitle: Mali\ncountry: ML\nregion: sahel\ndraft: true\n---\nVoir [rien](nulle-part.md).\n"
        #expect(TestSite([Self.mali: broken]).build().messages == [
            "content/2020/fr/countries/mali.md:7:6: error: link to 'nulle-part.md', which does not exist",
        ])
        #expect(TestSite([Self.mali: "---\ntitle: Mali\ncountry: ML\ndraft: oui\n---\n"]).build().messages.contains(
            "content/2020/fr/countries/mali.md:4:8: error: 'draft' must be true or false, not the text 'oui'"))
    }

    @Test("a published page whose edition home is a draft is an error naming the home")
    func homeIsDraft() {
        let messages = TestSite(["content/2020/fr/index.md": "---\ntitle: Rapport 2020\ndraft: true\n---\n"]).build().messages
        #expect(messages.contains(
            "content/2020/fr/countries/niger.md:1:1: error: this page is published but the edition 2020's home page in 'fr' is a draft: publish content/2020/fr/index.md too (remove its draft: true)"))
    }

    @Test("a published page whose translation is a draft misses no translation")
    func translationIsDraft() {
        let english = "---\ntitle: Niger\ncountry: NE\nregion: sahel-en\ndraft: true\n---\nNiger.\n"
        #expect(TestSite(["content/2020/en/countries/niger.md": english]).build().messages == [])
    }
}
