import Testing
@testable import RapportCore

/// A CSV saved by a French spreadsheet (`;` between cells, decimal commas, a BOM, CRLF) read as it is written and
/// published so; the table shows the same figures as the comma CSV's.
@Suite("French spreadsheet CSVs")
struct SemicolonCSVTests {
    let sets = DataSetTests()
    static let csv = DataSetTests.csv
    static let frenchText = "\u{FEFF}country;sector_fr;sector_en;year;amount;share;people\r\n"
        + "NE;Santé;Health;2019;119670040,93;28,23;1500000\r\n"
        + "ML;\"Eau; assainissement\";\"Water; sanitation\";2020;;5,5;\r\n"

    @Test("a semicolon CSV with decimal commas, a BOM and CRLF: the comma CSV's table, the file published unchanged")
    func readAsWritten() throws {
        let outcome = sets.site([Self.csv: Self.frenchText]).build()
        #expect(outcome.messages == [])
        let fr = try #require(outcome.text("fr/2020/chiffres/index.html"))
        #expect(fr.contains("Row: <../countries/niger/>Niger; Santé; 2019; 119.670.041\u{A0}€; 28,23\u{202F}%; 1.500.000;|"))
        #expect(fr.contains("Row: Mali; Eau\u{202F}; assainissement; 2020; s.o.; 5,5\u{202F}%; s.o.;|"),
                "a quoted ';' stays in its cell (French typography puts a narrow no-break space before it)")
        let en = try #require(outcome.text("en/2020/figures/index.html"))
        #expect(en.contains("Row: <../countries/niger/>Niger; Health; 2019; €119,670,041; 28.23%; 1,500,000;|"))
        #expect(outcome.files.first { $0.path == "data/2020/aid.csv" }?.contents.bytes == Array(Self.frenchText.utf8))
    }

    @Test("thousands grouped by spaces, no-break or narrow no-break spaces (as a spreadsheet's number format writes them)")
    func groupedThousands() throws {
        for space in [" ", "\u{A0}", "\u{202F}"] {
            let text = Self.frenchText.replacingOccurrences(of: "119670040,93", with: "119\(space)670\(space)040,93")
                .replacingOccurrences(of: ";1500000", with: ";1\(space)500\(space)000")
            let outcome = sets.site([Self.csv: text]).build()
            #expect(outcome.messages == [])
            #expect(try #require(outcome.text("fr/2020/chiffres/index.html")).contains("119.670.041\u{A0}€; 28,23\u{202F}%; 1.500.000;|"))
        }
    }

    @Test("in a semicolon CSV, what is not a number says how this file writes numbers", arguments: [
        ("28,23", "28.23", 2, 35, "'28.23' in the column 'share' is not a number (percent: 28,23, with a decimal comma, no % sign)"),
        ("119670040,93", "119.670.040,93", 2, 22, "'119.670.040,93' in the column 'amount' is not an amount (eur: 119670040,93, with a decimal comma, no € sign)"),
        ("119670040,93", "12 34,5", 2, 22, "'12 34,5' in the column 'amount' is not an amount (eur: 119670040,93, with a decimal comma, no € sign)"),
        (";1500000", ";1500000,5", 2, 41, "'1500000,5' in the column 'people' is not a whole number (integer: -12, 11420)"),
    ])
    func wrongCell(_ old: String, _ new: String, _ line: Int, _ column: Int, _ message: String) {
        let text = Self.frenchText.replacingOccurrences(of: old, with: new)
        #expect(sets.messages([Self.csv: text]) == ["\(Self.csv):\(line):\(column): error: \(message)"])
    }

    @Test("a file whose later lines use commas is read as its first line says: those rows are one cell each")
    func mixedFile() {
        let text = Self.frenchText + "NE,Santé,Health,2020,1.5,2.5,3\r\n"
        #expect(sets.messages([Self.csv: text]) == ["\(Self.csv):4:1: error: this row has 1 cells; the header has 7"])
    }

    @Test("the dialect comes from the first line, outside quotes")
    func dialect() {
        #expect(CSVReader.dialect(of: "a;b\n1,5;2\n") == .semicolon)
        #expect(CSVReader.dialect(of: "\"a,b\";c\n") == .semicolon)
        #expect(CSVReader.dialect(of: "a;b,c\n") == .comma)
        #expect(CSVReader.dialect(of: "a,\"b;c\"\n") == .comma)
        #expect(CSVReader.dialect(of: "a\n1;2\n") == .comma)
        #expect(CSVReader.dialect(of: "") == .comma)
        #expect(CSVReader.dialect(of: "a;b") == .semicolon)
    }

    @Test("a comma CSV keeps its rules: a decimal comma there is still an error")
    func commaFileUnchanged() {
        let text = DataSetTests.csvText.replacingOccurrences(of: "28.23", with: "\"28,23\"")
        #expect(sets.messages([Self.csv: text]) == [
            "\(Self.csv):2:35: error: '28,23' in the column 'share' is not a number (percent: 28.23, with a dot, no % sign)",
        ])
    }

    @Test("XK (Kosovo) in a country column is named for each language")
    func kosovo() throws {
        let outcome = sets.site([Self.csv: Self.frenchText.replacingOccurrences(of: "ML;", with: "XK;")]).build()
        #expect(outcome.messages == [])
        #expect(try #require(outcome.text("fr/2020/chiffres/index.html")).contains("Row: Kosovo; Eau\u{202F}; assainissement;"))
        #expect(try #require(outcome.text("en/2020/figures/index.html")).contains("Row: Kosovo; Water; sanitation;"))
    }
}
