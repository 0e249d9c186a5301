import Foundation
import RapportTestSupport
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

    @Test("the plain path writes what Foundation writes, for 3,000 seeded numbers of every size", arguments: ["fr_LU", "en_GB"])
    func plainAgreesWithFoundation(_ identifier: String) throws {
        let locale = Locale(identifier: identifier)
        let plain = try #require(PlainNumbers(locale: locale))
        var random = SplitMix64(seed: 2_026)
        var decimalsWritten = 0
        for _ in 0..<3_000 {
            let integer = Int.random(in: -10_000_000_000...10_000_000_000, using: &random) >> Int.random(in: 0...34, using: &random)
            #expect(plain.integer(integer) == integer.formatted(.number.locale(locale)))
            if let euros = plain.euros(integer) {
                #expect(euros == integer.formatted(.currency(code: "EUR").locale(locale).precision(.fractionLength(0))))
            }
            let value = Double(integer) / [1, 10, 100, 1_000][Int.random(in: 0...3, using: &random)]
            for digits in 1...2 {
                guard let text = plain.decimal(value, fractionDigits: digits) else { continue }
                decimalsWritten += 1
                #expect(text == value.formatted(.number.locale(locale).precision(.fractionLength(0...digits))), "\(value)")
            }
        }
        #expect(decimalsWritten > 2_000)
    }

    @Test("a locale that groups otherwise is left to Foundation", arguments: ["hi_IN", "de_CH", "es_ES"])
    func otherGroupings(_ identifier: String) {
        let format = NumberFormatting(localeIdentifier: identifier)
        let locale = Locale(identifier: identifier)
        for value in [1_234, 12_345, 1_234_567, -1_234_567] {
            #expect(format.integer(value) == value.formatted(.number.locale(locale)))
            #expect(format.decimal(Double(value) + 0.5) == (Double(value) + 0.5).formatted(.number.locale(locale).precision(.fractionLength(0...1))))
        }
    }
}
