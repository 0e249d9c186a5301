import Testing
@testable import RapportCore

@Suite("Slugs")
struct SlugTests {
    static let samples = [
        "Données clés 2020", "Côte d’Ivoire", "Œuvres — « Bilan » : 2024 !", "São Tomé-et-Príncipe", "Ærø ß Straße",
        "Priorités de la coopération", "Résultats 2024", "Cabo Verde\u{00A0}et\u{202F}Sénégal", "e\u{301}tude", "Łódź",
        "Ελλάδα", "中国 2020", "R&D · 5 % — “quoted”", "¡Hola! ¿Qué?", "½ and ² and ①", "ﬁn", "Ÿ", "100 € / $", "",
        "Mongolie – aperçu", "ÀÉÎÕÜ àéîõü çÇ ñÑ ýÿ",
    ]

    @Test("the Latin fast path gives what Foundation's folding gives", arguments: samples)
    func fastPathAgrees(_ text: String) {
        #expect(Slug.make(from: text) == Slug.makeWithFoundation(from: text))
    }

    @Test("a valid slug is lowercase letters, digits and single inner hyphens", arguments: [
        ("niger", true), ("cabo-verde", true), ("2020", true), ("a-1-b", true), ("", false), ("-a", false), ("a-", false),
        ("-", false), ("a--b", false), ("Niger", false), ("côte", false), ("a b", false), ("a_b", false), ("a/b", false),
        ("a.b", false), ("x\u{0}", false),
    ])
    func validity(_ text: String, _ valid: Bool) {
        #expect(Slug.isValid(text) == valid)
    }

    @Test("known slugs")
    func known() {
        #expect(Slug.make(from: "Données clés 2020") == "donnees-cles-2020")
        #expect(Slug.make(from: "Œuvres — « Bilan » : 2024 !") == "oeuvres-bilan-2024")
        #expect(Slug.make(from: "Côte d’Ivoire") == "cote-d-ivoire")
    }
}
