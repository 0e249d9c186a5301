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
}
