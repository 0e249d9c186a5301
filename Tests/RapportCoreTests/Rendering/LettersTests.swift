import Testing
@testable import RapportCore

@Suite("Letters")
struct LettersTests {
    @Test("the quick answers are the Unicode tables' answers, for every scalar of the Basic Multilingual Plane and beyond")
    func sameAsTheTables() {
        var differing: [UInt32] = []
        for value in UInt32(0)..<0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Letters.isAlphabetic(value) != scalar.properties.isAlphabetic { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).map { String($0, radix: 16) })")
    }
}
