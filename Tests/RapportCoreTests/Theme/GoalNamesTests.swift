@testable import RapportCore
import Testing

/// Goal names in a language Rapport has none for (German, here) come from that language's interface strings.
@Suite("goal names beyond French and English")
struct GoalNamesTests {
    static let names = ["Keine Armut", "Kein Hunger", "Gesundheit und Wohlergehen", "Hochwertige Bildung", "Geschlechtergleichheit",
                        "Sauberes Wasser und Sanitäreinrichtungen", "Bezahlbare und saubere Energie", "Menschenwürdige Arbeit und Wirtschaftswachstum",
                        "Industrie, Innovation und Infrastruktur", "Weniger Ungleichheiten", "Nachhaltige Städte und Gemeinden",
                        "Nachhaltige Konsum- und Produktionsmuster", "Maßnahmen zum Klimaschutz", "Leben unter Wasser", "Leben an Land",
                        "Frieden, Gerechtigkeit und starke Institutionen", "Partnerschaften zur Erreichung der Ziele"]

    /// The test site with German in place of English: its own strings, its own goal names (all but `missing`).
    static func germanSite(missing: Int? = nil) -> TestSite {
        var site = TestSite()
        site.files["content/site.yaml"] = TestSite.siteYAML.replacingOccurrences(of: "code: en\n    locale: en_GB\n    name: English", with: "code: de\n    locale: de_DE\n    name: Deutsch")
            .replacingOccurrences(of: "en: Test report", with: "de: Testbericht")
        var strings = site.files["content/i18n/en.yaml"]!
        for (index, name) in names.enumerated() where index + 1 != missing { strings += "sdg_\(index + 1): \(name)\n" }
        site.files["content/i18n/en.yaml"] = nil
        site.files["content/i18n/de.yaml"] = strings
        for path in site.files.keys where path.hasPrefix("content/2020/en/") {
            site.files[path.replacingOccurrences(of: "/en/", with: "/de/")] = site.files[path]!.replacingOccurrences(of: "sahel-en", with: "sahel-de")
            site.files[path] = nil
        }
        site.files["content/2020/de/regions/sahel-de.md"] = site.files["content/2020/de/regions/sahel-en.md"]
        site.files["content/2020/de/regions/sahel-en.md"] = nil
        site.files["content/2020/fr/countries/niger.md"] = "---\ntitle: Niger\ncountry: NE\nregion: sahel\npriority_areas: [4, 17]\n---\nIntro du Niger.\n"
        site.files["content/2020/de/countries/niger.md"] = "---\ntitle: Niger\ncountry: NE\nregion: sahel-de\npriority_areas: [4, 17]\n---\nNiger.\n"
        return site
    }

    @Test("a German page shows the German goal names of de.yaml; French pages keep the UN's French names")
    func germanNames() throws {
        let outcome = Self.germanSite().build(BuildOptions(strict: true))
        #expect(outcome.messages == [])
        let german = try #require(outcome.files.first { $0.path.hasPrefix("de/2020/") && $0.path.hasSuffix("niger/index.html") })
        let text = String(decoding: german.contents.bytes, as: UTF8.self)
        #expect(text.contains("SDG: 4 Hochwertige Bildung|SDG: 17 Partnerschaften zur Erreichung der Ziele|"), "\(text)")
        let french = try #require(outcome.text("fr/2020/countries/niger/index.html"))
        #expect(french.contains("SDG: 4 Éducation de qualité|"))
    }

    @Test("a goal name missing in a language Rapport has no names for is an error naming the key to add")
    func missingName() {
        #expect(Self.germanSite(missing: 13).build().messages.contains(
            "content/i18n/de.yaml:1:1: error: the name of Sustainable Development Goal 13 in 'de' is missing: Rapport knows the goals' names in French and English only; add 'sdg_13: …' (the goal's official name) to content/i18n/de.yaml"))
    }
}
