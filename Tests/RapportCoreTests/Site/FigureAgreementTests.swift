import Testing
@testable import RapportCore

/// "Figures agree across languages": each difference is an error at the translated page's value, naming the
/// default language's file and its value; translated texts are free.
@Suite("Figures agree across languages")
struct FigureAgreementTests {
    static let french = "content/2020/fr/countries/niger.md"
    static let english = "content/2020/en/countries/niger.md"
    static let figures = "key_data:\n  population_millions: 24.2\n  hdi_rank: 189\n  hdi_total: 189\n  source: Banque mondiale\npriority_areas: [3, 4]\nbudget_eur: 5000000\n"

    func messages(english: String, french: String? = nil) -> [String] {
        TestSite([
            Self.french: french ?? "---\ntitle: Niger\ncountry: NE\nregion: sahel\n" + Self.figures + "---\n",
            Self.english: english,
        ]).build().messages
    }

    @Test("the same figures, translated texts: no diagnostic")
    func agreeing() {
        let english = "---\ntitle: Niger\ncountry: NE\nregion: sahel-en\n" + Self.figures.replacingOccurrences(of: "Banque mondiale", with: "World Bank") + "---\n"
        #expect(messages(english: english) == [])
    }

    @Test("every differing figure is an error at its value in the translation, naming the French file and its value")
    func differing() {
        let english = """
            ---
            title: Niger
            country: NG
            region: sahel-en
            key_data:
              population_millions: 24.3
              hdi_rank: 188
              hdi_total: 189
            priority_areas: [3, 5]
            budget_eur: 500000
            ---

            """
        #expect(messages(english: english) == [
            "\(Self.english):3:10: error: 'country' is NG here but NE in \(Self.french): figures must agree across languages",
            "\(Self.english):6:24: error: 'population_millions' is 24.3 here but 24.2 in \(Self.french): figures must agree across languages",
            "\(Self.english):7:13: error: 'hdi_rank' is 188 here but 189 in \(Self.french): figures must agree across languages",
            "\(Self.english):9:17: error: 'priority_areas' is [3, 5] here but [3, 4] in \(Self.french): figures must agree across languages",
            "\(Self.english):10:13: error: 'budget_eur' is 500000 here but 5000000 in \(Self.french): figures must agree across languages",
        ])
    }

    @Test("a figure missing from the translation is an error at its key_data; one only the translation has, at its value")
    func missing() {
        let english = "---\ntitle: Niger\ncountry: NE\nregion: sahel-en\nkey_data:\n  population_millions: 24.2\n  hdi_rank: 189\n  hdi_total: 189\n  year: 2019\npriority_areas: [3, 4]\nbudget_eur: 5000000\n---\n"
        #expect(messages(english: english) == [
            "\(Self.english):9:9: error: 'year' is 2019 here but absent from \(Self.french): figures must agree across languages",
        ])
        let noBudget = english.replacingOccurrences(of: "  year: 2019\n", with: "").replacingOccurrences(of: "budget_eur: 5000000\n", with: "")
        #expect(messages(english: noBudget) == [
            "\(Self.english):1:1: error: 'budget_eur' is missing here but 5000000 in \(Self.french): figures must agree across languages",
        ])
    }

    @Test("the region is compared as the paired region page")
    func region() {
        let english = "---\ntitle: Niger\ncountry: NE\nregion: andes\n" + Self.figures + "---\n"
        let outcome = TestSite([
            Self.french: "---\ntitle: Niger\ncountry: NE\nregion: sahel\n" + Self.figures + "---\n",
            Self.english: english,
            "content/2020/en/regions/andes.md": "---\ntitle: Andes\n---\n",
            "content/2020/fr/regions/andes.md": "---\ntitle: Andes\n---\n",
        ]).build()
        #expect(outcome.messages == [
            "\(Self.english):4:9: error: 'region' is andes here but sahel in \(Self.french): figures must agree across languages",
        ])
    }

    /// A value for each row of the table, and another one (each readable by its row).
    static func sample(_ figure: CountryFigure, other: Bool) -> String {
        switch figure.reading {
        case .decimal: other ? "12.5" : "12.4"
        case .integer: other ? "7" : "6"
        }
    }

    @Test("every row of the figures table is read, compared across languages and reported at its own value",
          arguments: CountryFigure.allCases)
    func everyFigure(_ figure: CountryFigure) {
        func page(_ value: String, region: String) -> String {
            let line = "\(figure.key): \(value)\n"
            let keyData = figure.block == .keyData ? "key_data:\n  " + line : ""
            let topLevel = figure.block == .page ? line : ""
            return "---\ntitle: Niger\ncountry: NE\nregion: \(region)\n" + keyData + topLevel + "---\n"
        }
        let line = figure.block == .keyData ? 6 : 5, column = figure.block == .keyData ? figure.key.count + 5 : figure.key.count + 3
        #expect(messages(english: page(Self.sample(figure, other: true), region: "sahel-en"),
                         french: page(Self.sample(figure, other: false), region: "sahel")) == [
            "\(Self.english):\(line):\(column): error: '\(figure.key)' is \(Self.sample(figure, other: true)) here but \(Self.sample(figure, other: false)) in \(Self.french): figures must agree across languages",
        ])
    }

    @Test("each row of the figures table has its own place in a page's figures")
    func rows() {
        #expect(CountryFigure.allCases.map(\.row).sorted() == Array(CountryFigure.allCases.indices))
    }
}
