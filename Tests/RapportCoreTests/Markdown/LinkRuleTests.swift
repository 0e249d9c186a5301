import RapportTestSupport
import Testing
@testable import RapportCore

/// The byte-level link rules must judge exactly as the rules on scalars and Characters they replace (kept as the
/// reference for non-ASCII input): every link of every page goes through them.
@Suite("Link rules")
struct LinkRuleTests {
    static let alphabet = ["javascript:", "JaVaScRiPt", "vbscript:", "file:", "data:", "data:image/png", "data:image/svg", "image/",
                           "http", "https:", "mailto:", "x", "a1", "+", "-", ".", "/", "#", "?", ":", " ", "\t", "\n", "\u{0}",
                           "\u{7F}", "é", "\u{301}", "\u{212A}", "İ", "🇱🇺", "../", "page.md", "java", "script"]

    static func samples(seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<4000).map { _ in
            (0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
    }

    @Test("dangerous URLs: the byte rule agrees with the rule on lowercased scalars")
    func dangerous() {
        for url in Self.samples(seed: 1) + ["javascript:alert(1)", " JAVA\tSCRIPT:x", "data:image/png;base64,AA", "data:text/html,x"] {
            #expect(URLSafety.isDangerous(url) == URLSafety.isDangerousByScalars(url), "\(url.debugDescription)")
        }
        #expect(URLSafety.isDangerous(" Java\nScript:alert(1)"))
        #expect(!URLSafety.isDangerous("data:image/webp;base64,AA"))
    }

    @Test("schemes: the byte rule agrees with the rule on Characters")
    func schemes() {
        for destination in Self.samples(seed: 2) + ["https://x.org", "mailto:a@b", "page.md", "c++:x", "1a:x", ":x", "a:\u{301}b"] {
            #expect(LinkTarget.hasScheme(destination) == LinkTarget.hasSchemeByCharacters(destination), "\(destination.debugDescription)")
        }
        #expect(LinkTarget.hasScheme("https://example.org"))
        #expect(!LinkTarget.hasScheme("../mongolie.md"))
    }
}
