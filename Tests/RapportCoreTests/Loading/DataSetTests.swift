import Testing
@testable import RapportCore

/// Data sets: the CSV and its schema through the real build, formatted per locale, published, and every problem
/// the contract lists at its file, line and column.
@Suite("Data sets")
struct DataSetTests {
    static let csv = "content/2020/data/aid.csv"
    static let schema = "content/2020/data/aid.yaml"
    static let page = "content/2020/fr/chiffres.md"
    static let schemaText = """
        title: {fr: L’aide en chiffres, en: Aid in figures}
        source: {fr: Ministère, en: Ministry}
        status: preliminary
        columns:
          - key: country
            label: {fr: Pays, en: Country}
            type: country
          - key: sector
            label: {fr: Secteur, en: Sector}
            type: text
            translated: true
          - key: year
            label: {fr: Année, en: Year}
            type: year
          - key: amount
            label: {fr: Montant, en: Amount}
            type: eur
            decimals: 0
          - key: share
            label: {fr: Part, en: Share}
            type: percent
          - key: people
            label: {fr: Personnes, en: People}
            type: integer
        chart:
          kind: bar
          x: country
          y: [amount]

        """
    static let csvText = "country,sector_fr,sector_en,year,amount,share,people\r\nNE,Santé,Health,2019,119670040.93,28.23,1500000\r\nML,\"Eau, assainissement\",\"Water, sanitation\",2020,,5.5,\r\n"

    func site(_ changes: [String: String?] = [:]) -> TestSite {
        var files: [String: String?] = [
            Self.csv: Self.csvText, Self.schema: Self.schemaText,
            Self.page: "---\ntitle: Chiffres\ntranslation_key: chiffres\n---\nAvant.\n\n<!-- table: aid -->\n\nAprès.\n",
            "content/2020/en/figures.md": "---\ntitle: Figures\ntranslation_key: chiffres\n---\n<!-- table: aid -->\n",
        ]
        for (path, text) in changes { files[path] = text }
        return TestSite(files)
    }

    func messages(_ changes: [String: String?]) -> [String] { site(changes).build().messages }

    @Test("a table in each language: numbers for the locale, years never grouped, countries linked, empty cells marked")
    func formatted() throws {
        let outcome = site().build()
        #expect(outcome.messages == [])
        let fr = try #require(outcome.text("fr/2020/chiffres/index.html"))
        #expect(fr.contains("Table: table_aid L’aide en chiffres|Col: Pays|Col: Secteur|Col: Année|Col: Montant (n)|Col: Part (n)|Col: Personnes (n)|"))
        #expect(fr.contains("Row: <../countries/niger/>Niger; Santé; 2019; 119.670.041\u{A0}€; 28,23\u{202F}%; 1.500.000;|"))
        #expect(fr.contains("Row: Mali; Eau, assainissement; 2020; s.o.; 5,5\u{202F}%; s.o.;|"))
        #expect(fr.contains("Source: Ministère|Preliminary|Download: ../../../data/2020/aid.csv 0,2|"))
        #expect(fr.contains("Avant.") && fr.contains("Après."))
        let en = try #require(outcome.text("en/2020/figures/index.html"))
        #expect(en.contains("Row: <../countries/niger/>Niger; Health; 2019; €119,670,041; 28.23%; 1,500,000;|"))
        #expect(en.contains("Row: Mali; Water, sanitation; 2020; N/A; 5.5%; N/A;|"))
        // Published unchanged, BOM and CRLF as written.
        #expect(outcome.files.first { $0.path == "data/2020/aid.csv" }?.contents.bytes == Array(Self.csvText.utf8))
    }

    @Test("ids never meet a heading's (they hold an underscore) nor each other (one data set placed twice)")
    func ids() throws {
        let page = "---\ntitle: Chiffres\ntranslation_key: chiffres\n---\n## Table aid\n\n<!-- table: aid -->\n\n<!-- table: aid -->\n"
        let fr = try #require(site([Self.page: page]).build().text("fr/2020/chiffres/index.html"))
        #expect(fr.contains("Table: table_aid L’aide") && fr.contains("Table: table_aid_2 L’aide"))
        #expect(fr.contains("id=\"table-aid\""), "the heading keeps its own id")
    }

    @Test("a BOM and LF line endings are read too")
    func bom() {
        #expect(messages([Self.csv: "\u{FEFF}" + Self.csvText.replacingOccurrences(of: "\r\n", with: "\n")]) == [])
    }

    @Test("every problem of a data set at its file, line and column", arguments: [
        ("a cell not of its type", [csv: csvText.replacingOccurrences(of: "119670040.93", with: "119 670 040")],
         "content/2020/data/aid.csv:2:22: error: '119 670 040' in the column 'amount' is not an amount (eur: 119670040.93, with a dot, no grouping, no € sign)"),
        ("a year", [csv: csvText.replacingOccurrences(of: "2019", with: "19")],
         "content/2020/data/aid.csv:2:17: error: '19' in the column 'year' is not a year (four digits)"),
        ("a country", [csv: csvText.replacingOccurrences(of: "NE,", with: "XX,")],
         "content/2020/data/aid.csv:2:1: error: 'XX' in the column 'country' is not an ISO 3166-1 alpha-2 country code (country)"),
        ("a row too short", [csv: csvText + "NE,Santé\r\n"],
         "content/2020/data/aid.csv:4:1: error: this row has 2 cells; the header has 7"),
        ("an undescribed CSV column", [csv: csvText.replacingOccurrences(of: "people", with: "peeple")],
         "content/2020/data/aid.csv:1:47: error: the CSV column 'peeple' is not described in content/2020/data/aid.yaml; did you mean 'people'?"),
        ("a described column the CSV lacks", [csv: "country,sector_fr,year,amount,share,people\nNE,Santé,2019,1,2,3\n"],
         "content/2020/data/aid.csv:1:1: error: the CSV has no column 'sector_en', which content/2020/data/aid.yaml describes"),
        ("a label without a language", [schema: schemaText.replacingOccurrences(of: "{fr: Part, en: Share}", with: "{fr: Part}")],
         "content/2020/data/aid.yaml:20:12: error: 'label' has no text for the language 'en'"),
        ("a title without a language", [schema: schemaText.replacingOccurrences(of: ", en: Aid in figures", with: "")],
         "content/2020/data/aid.yaml:1:8: error: 'title' has no text for the language 'en'"),
        ("a chart naming no column", [schema: schemaText.replacingOccurrences(of: "y: [amount]", with: "y: [amont]")],
         "content/2020/data/aid.yaml:28:7: error: the chart names the column 'amont', which the schema does not describe (columns: country, sector, year, amount, share, people)"),
        ("a chart over text", [schema: schemaText.replacingOccurrences(of: "y: [amount]", with: "y: [sector]")],
         "content/2020/data/aid.yaml:28:7: error: the chart's y column 'sector' is text, not a number (integer, decimal, percent or eur)"),
        ("a line chart without years", [schema: schemaText.replacingOccurrences(of: "kind: bar", with: "kind: line")],
         "content/2020/data/aid.yaml:27:6: error: a line chart runs over a year column; 'country' is not one"),
        ("an unknown type", [schema: schemaText.replacingOccurrences(of: "type: integer", with: "type: int")],
         "content/2020/data/aid.yaml:24:11: error: 'type' must be one of text, integer, decimal, percent, eur, year, country, not 'int'"),
        ("an unknown key", [schema: schemaText.replacingOccurrences(of: "status:", with: "statut:")],
         "content/2020/data/aid.yaml:3:1: error: unknown key 'statut' in a data set's schema; did you mean 'status'?"),
        ("a marker naming no data set", [page: "---\ntitle: Chiffres\ntranslation_key: chiffres\n---\nTexte.\n\n<!-- table: aide -->\n"],
         "content/2020/fr/chiffres.md:7:1: error: the table marker names the data set 'aide', which is not in this edition's data/ (data sets of this edition: aid)"),
        ("an unclosed quote", [csv: csvText + "NE,\"open\r\n"],
         "content/2020/data/aid.csv:4:4: error: the quoted field that starts here is never closed"),
        ("text after a closing quote", [csv: csvText + "NE,\"Santé\"x,Health,2019,1,2,3\r\n"],
         "content/2020/data/aid.csv:4:11: error: text after the closing quote of a field: quote the whole field, and double the quotes inside (\"\")"),
        ("a schema without figures", [csv: nil],
         "content/2020/data/aid.yaml:1:1: error: this schema has no figures: add content/2020/data/aid.csv"),
        ("decimals on a text column", [schema: schemaText.replacingOccurrences(of: "    translated: true\n", with: "    translated: true\n    decimals: 2\n")],
         "content/2020/data/aid.yaml:12:15: error: 'decimals' must be used on decimal, percent and eur columns only, not a text column"),
        ("a CSV without schema", [schema: nil],
         "content/2020/data/aid.csv:1:1: error: this data set has no schema: add content/2020/data/aid.yaml (its title, columns and types)"),
    ] as [(String, [String: String?], String)])
    func problem(_ name: String, _ changes: [String: String?], _ expected: String) {
        let found = messages(changes)
        #expect(found.contains(expected), "\(name): \(found)")
        #expect(!site(changes).build().succeeded)
    }
}
