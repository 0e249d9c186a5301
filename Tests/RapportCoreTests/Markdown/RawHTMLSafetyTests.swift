import Testing
@testable import RapportCore

/// Markup safety with `allow_raw_html: true`: a script URL is refused however it is written, as a browser reads it.
@Suite("Raw HTML safety")
struct RawHTMLSafetyTests {
    static let niger = "content/2020/fr/countries/niger.md"

    @Test("entity-encoded or whitespace-broken schemes in raw HTML are refused like plain javascript:", arguments: [
        "<a href=\"&#106;avascript:alert(1)\">a</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">a</a>",
        "<a href=\"&#X6a&#x61;vascript:alert(1)\">a</a>",
        "<a href=\"&#0000106;avascript:alert(1)\">a</a>",
        "<a href=\"&#106avascript:alert(1)\">a</a>",
        "<a href=\"javascript&colon;alert(1)\">a</a>",
        "<a href=\"javascript&#58;alert(1)\">a</a>",
        "<a href=\"java&Tab;script:alert(1)\">a</a>",
        "<a href=\"java&NewLine;script:alert(1)\">a</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">a</a>",
        "<a href=\" \u{1}javascript:alert(1)\">a</a>",
        "<a href=\"VBScript&COLON;msgbox(1)\">a</a>",
        "<iframe src=\"&#118;&#98;script:x\"></iframe>",
    ])
    func encodedSchemes(html: String) {
        let body = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\n\(html)\n"
        let outcome = TestSite([Self.niger: body, "content/site.yaml": TestSite.siteYAML + "\nallow_raw_html: true\n"]).build()
        #expect(outcome.messages == ["\(Self.niger):6:1: error: this raw HTML holds a javascript: or vbscript: URL: not allowed, even with allow_raw_html"])
    }

    @Test("references that only look alike stay allowed: an escaped ampersand, text about JavaScript, a huge number")
    func lookAlikes() {
        for html in ["<p>&amp;#106;avascript: is how it is written</p>", "<p>JavaScript is a language</p>",
                     "<p>&#99999999999999999999; &#; &#x; &unknown; &</p>", "<a href=\"https://example.org/?a=1&amp;b=2\">x</a>"] {
            let body = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\n\(html)\n"
            let outcome = TestSite([Self.niger: body, "content/site.yaml": TestSite.siteYAML + "\nallow_raw_html: true\n"]).build()
            #expect(outcome.messages == [], "\(html)")
        }
        #expect(CharacterReferences.decode("&#99999999999999999999;x") == "\u{FFFD}x")
        #expect(CharacterReferences.decode("a&#x6A;b&colon&Tab;") == "ajb:\t")
    }
}
