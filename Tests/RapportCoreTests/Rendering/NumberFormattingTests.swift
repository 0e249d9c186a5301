import Testing
@testable import RapportCore

@Suite("Locale formatting")
struct NumberFormattingTests {
    @Test("fr_LU groups with dots and writes a decimal comma", arguments: [
        ("fr_LU", 11420, 69.9, "11.420", "69,9", "5.000.000\u{A0}€"),
        ("en_GB", 11420, 69.9, "11,420", "69.9", "€5,000,000"),
    ])
    func locale(_ identifier: String, _ integer: Int, _ decimal: Double, _ expectedInteger: String, _ expectedDecimal: String, _ euros: String) {
        let format = NumberFormatting(localeIdentifier: identifier)
        #expect(format.integer(integer) == expectedInteger)
        #expect(format.decimal(decimal) == expectedDecimal)
        #expect(format.euros(5_000_000) == euros)
    }

    @Test("decimals keep at most one digit and drop a trailing zero")
    func decimals() {
        let format = NumberFormatting(localeIdentifier: "fr_LU")
        #expect(format.decimal(3.3) == "3,3")
        #expect(format.decimal(3.0) == "3")
        #expect(format.decimal(24.25) == "24,2")
    }

    @Test("a number formatted again (the memo) reads as the first time, for every kind and precision")
    func memo() {
        let format = NumberFormatting(localeIdentifier: "fr_LU")
        for _ in 0..<2 {
            #expect(format.integer(11420) == "11.420")
            #expect(format.decimal(69.94) == "69,9")
            #expect(format.decimal(69.94, fractionDigits: 2) == "69,94")
            #expect(format.fixed(0.5, digits: 2) == "0,50")
            #expect(format.fixed(0.5, digits: 0) != format.fixed(0.5, digits: 2))
            #expect(format.euros(5_000_000) == "5.000.000\u{A0}€")
            #expect(format.euros(5_000_000.25, digits: 2) == "5.000.000,25\u{A0}€")
            // The same value asked as another kind is not mistaken for the first.
            #expect(format.integer(5_000_000) == "5.000.000")
        }
    }
}
