import Foundation
import RapportTestSupport
import Testing
@testable import RapportCore

/// Translation status: `source_digest` against the digest of the default-language page's file, and the edit
/// that records it, one line, every other byte unchanged.
@Suite("Translation status")
struct TranslationStatusTests {
    static let french = "content/2020/fr/countries/niger.md"
    static let english = "content/2020/en/countries/niger.md"
    static let frenchText = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\nIntro du Niger.\n"

    @Test("SHA-256 of known messages (FIPS 180-4 examples)")
    func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Several whole blocks read in place, then a tail: 112 bytes, and a million.
        #expect(SHA256.hex(Array(("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                                  + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000), hardware: false)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the processor's SHA instructions (where there are) and the portable rounds give the same digests")
    func sha256Paths() throws {
        // Where the processor says it has them, they must be the ones used (else this test compares a path with itself).
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        if cpu.split(whereSeparator: \.isWhitespace).contains("sha_ni") { #expect(SHA256.usesHardware) }
        var random = SplitMix64(seed: 7)
        for length in Array(0...200) + [447, 448, 511, 512, 4096, 65_537] {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(SHA256.hex(message) == SHA256.hex(message, hardware: false), "length \(length)")
        }
    }

    @Test("the digest ignores a BOM and line endings, and sees any other change")
    func digest() throws {
        let plain = TranslationDigest.of(Self.frenchText)
        #expect(plain.count == 16)
        let decoded = try SourceText.decode(Array(("\u{FEFF}" + Self.frenchText.replacingOccurrences(of: "\n", with: "\r\n")).utf8), path: "x").get()
        #expect(TranslationDigest.of(decoded.text) == plain)
        #expect(TranslationDigest.of(Self.frenchText + " ") != plain)
        #expect(TranslationDigest.of(Self.frenchText.replacingOccurrences(of: "region: sahel\n", with: "region: sahel\ndraft: true\n")) == plain,
                "publishing the source is no change to review")
        #expect(TranslationDigest.of(Self.frenchText + "draft: true\n") != plain, "a body line is not the front matter's")
    }

    func english(digest: String?) -> String {
        "---\ntitle: Niger\ncountry: NE\nregion: sahel-en\n" + (digest.map { "source_digest: \($0)\n" } ?? "") + "---\nNiger intro.\n"
    }

    @Test("a translation whose source changed is a warning at its source_digest line; an up-to-date one is not")
    func warnings() throws {
        let current = TranslationDigest.of(Self.frenchText)
        #expect(TestSite([Self.french: Self.frenchText, Self.english: english(digest: current)]).build().messages == [])
        let stale = TestSite([Self.french: Self.frenchText + "Plus.\n", Self.english: english(digest: current)]).build()
        #expect(stale.messages == [
            "\(Self.english):5:16: warning: the French page changed since this translation was made: review it, then run rapport translations --accept \(Self.english)",
        ])
        #expect(!TestSite([Self.french: Self.frenchText + "Plus.\n", Self.english: english(digest: current)]).build(BuildOptions(strict: true)).succeeded)
        #expect(TestSite([Self.english: english(digest: "nothex")]).build().messages == [
            "\(Self.english):5:16: error: 'source_digest' must be a digest of 16 hexadecimal digits (rapport translations --accept writes it), not 'nothex'",
        ])
    }

    @Test("every pair's state: up to date, source changed, no digest yet, missing")
    func states() throws {
        let current = TranslationDigest.of(Self.frenchText)
        let source = SiteSource(files: TestSite([
            Self.french: Self.frenchText, Self.english: english(digest: current),
            "content/2020/fr/regions/sahel.md": "---\ntitle: Sahel\ntranslation_key: sahel\n---\nLe Sahel.\n",
            "content/2020/fr/countries/mali.md": "---\ntitle: Mali\ncountry: ML\n---\n",
        ]).files)
        let site = try #require(Translations.site(source).site)
        let states = Dictionary(uniqueKeysWithValues: TranslationStatus.of(site).pairs.map { ($0.source, $0.state) })
        #expect(states == [Self.french: .upToDate, "content/2020/fr/regions/sahel.md": .noDigest,
                           "content/2020/fr/countries/mali.md": .missing, "content/2020/fr/index.md": .noDigest])
    }

    @Test("setting source_digest changes that one line: BOM, CRLF, comments and key order kept")
    func oneLine() throws {
        let original = "\u{FEFF}---\r\n# a comment\r\ntitle: Niger   # here too\r\nsource_digest: 0000000000000000\r\ncountry: NE\r\n---\r\nBody\r\n"
        let edited = try #require(FrontMatterEdit.setting("source_digest", to: "abcdef0123456789", in: Array(original.utf8)))
        #expect(String(decoding: edited, as: UTF8.self) == original.replacingOccurrences(of: "0000000000000000", with: "abcdef0123456789"))
        let without = original.replacingOccurrences(of: "source_digest: 0000000000000000\r\n", with: "")
        let added = try #require(FrontMatterEdit.setting("source_digest", to: "abcdef0123456789", in: Array(without.utf8)))
        #expect(String(decoding: added, as: UTF8.self) == without.replacingOccurrences(of: "country: NE\r\n---", with: "country: NE\r\nsource_digest: abcdef0123456789\r\n---"))
        #expect(FrontMatterEdit.setting("source_digest", to: "x", in: Array("no front matter\n".utf8)) == nil)
    }

    @Test("a new edition's page: draft, achievements emptied (block or flow), everything else as written")
    func draftCopy() {
        let page = "---\ntitle: Mongolie\nachievements:\n  - Un\n  - Deux\nkey_data:\n  year: 2019\n---\nCorps [lien](autre.md).\n"
        #expect(String(decoding: NewEdition.draftCopy(Array(page.utf8)), as: UTF8.self)
                == "---\ntitle: Mongolie\nachievements: []\nkey_data:\n  year: 2019\ndraft: true\n---\nCorps [lien](autre.md).\n")
        let flow = "---\ntitle: A\ndraft: false\nachievements: [a, b]\n---\n"
        #expect(String(decoding: NewEdition.draftCopy(Array(flow.utf8)), as: UTF8.self) == "---\ntitle: A\ndraft: true\nachievements: []\n---\n")
    }
}
