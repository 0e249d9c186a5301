import Testing
import Yams
@testable import RapportCore

@Suite("YAML numbers")
struct YAMLNumberTests {
    static let samples = [
        "0", "-0", "7", "42", "-42", "007", "012", "0x1F", "0o17", "0b101", "1_000", "+5", "1:30", "12345678901234567890",
        "211.6", "-3.25", "0.5", "-0.5", "00.5", "1.", ".5", "1e3", "1.5e3", ".inf", "-.inf", ".nan", "abc", "", "-", "1.2.3",
        "١٢", "12a", "9223372036854775807", "9223372036854775808",
        "01:30", "-1:30", "+1:30", "1:2:3", "1::2", "1:-2", "1:+2", "1_0:3_0", ":1", "1:", "0x1:2", "190:20:30",
    ]

    @Test("plain numbers are read exactly as Yams reads them", arguments: samples)
    func sameAsYams(_ text: String) {
        let scalar = Node.Scalar(text, Tag(.str), .plain)
        let ourScalar = YAMLNode.Scalar(string: text, style: .plain, mark: nil)
        #expect(YAMLFields.integer(ourScalar) == Int.construct(from: scalar))
        let ours = YAMLFields.decimal(ourScalar), theirs = Double.construct(from: scalar)
        #expect(ours == theirs || (ours?.isNaN == true && theirs?.isNaN == true))
    }

    @Test("a base-60 number beyond Int is no number, where Yams' reader would trap")
    func sexagesimalOverflow() {
        // Yams computes 60¹¹ after the last place of eleven, and traps: read here, the value fits.
        #expect(YAMLFields.sexagesimal("1:2:3:4:5:6:7:8:9:10:11") == 625_332_472_278_081_011)
        for text in ["1:2:3:4:5:6:7:8:9:10:11:12", "9223372036854775807:0", "-153722867280912930:8"] {
            #expect(YAMLFields.integer(YAMLNode.Scalar(string: text, style: .plain, mark: nil)) == nil)
        }
        #expect(YAMLFields.sexagesimal("-153722867280912930:7") == -9_223_372_036_854_775_807)
    }
}

extension YAMLNumberTests {
    @Test("base-60 places may be negative, as Yams reads them; a result beyond Int is no number")
    func sexagesimalEdges() {
        #expect(YAMLFields.sexagesimal("-1:-9223372036854775808") == 9_223_372_036_854_775_748)
        // Int.min, negated: beyond Int.
        #expect(YAMLFields.sexagesimal("--153722867280912930:-8") == nil)
    }
}
