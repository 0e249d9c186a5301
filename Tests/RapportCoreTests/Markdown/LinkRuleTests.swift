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

    @Test("the site's own absolute URLs: the byte rule agrees with the rule on Characters, for base URLs with and without a sub-path")
    func ownAbsoluteURLs() {
        let pieces = ["https://", "HTTPS://", "http://", "ftp://", "example.org", "EXAMPLE.Org", "example.org.evil.lu", "exemple.org",
                      "/", "/rapport", "/rapport/", "/Rapport/", "fr/", "é", "e\u{301}", "?q=1", "#x", ":8080", "@", " ", "🇱🇺"]
        var random = SplitMix64(seed: 3)
        let urls = (0..<4000).map { _ in
            (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        } + ["https://example.org/rapport", "https://example.org/rapport/fr/", "HTTP://EXAMPLE.ORG/rapport/en/x/", "https://example.org"]
        for base in ["https://example.org/rapport/", "https://example.org/", "http://Example.Org/r/", "https://exemple.org/rapport-é/"] {
            let config = Self.config(base)
            for url in urls {
                #expect(config.sitePath(ofAbsoluteURL: url) == config.sitePathByCharacters(ofAbsoluteURL: url), "\(base) \(url.debugDescription)")
            }
        }
        let config = Self.config("https://example.org/rapport/")
        #expect(config.sitePath(ofAbsoluteURL: "HTTPS://Example.ORG/rapport/fr/") == "fr/")
        #expect(config.sitePath(ofAbsoluteURL: "https://example.org/rapport") == "")
        #expect(config.sitePath(ofAbsoluteURL: "https://example.org/other/") == nil)
        #expect(config.basePath == "/rapport/")
    }

    static func config(_ baseURL: String) -> SiteConfig {
        SiteConfig(title: ["fr": "Rapport"], baseURL: baseURL, defaultLanguage: "fr",
                   languages: [.init(code: "fr", locale: "fr_LU", name: "Français")], allowRawHTML: false, privacyPage: nil)
    }
}
