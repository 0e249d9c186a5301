import Foundation
import Testing
@testable import RapportCore

/// Links written as URLs of the site (`/fr/2020/…/`, `../sahel/`, `https://example.org/r/…`), checked against
/// every page and file the site publishes, and "did you mean" for links to missing files and headings. The
/// baseline site's base URL is `https://example.org/r/`.
@Suite("Links by URL")
struct SiteURLLinkTests {
    static let niger = "content/2020/fr/countries/niger.md"
    static let sahel = "content/2020/fr/regions/sahel.md"

    /// The baseline site's Niger page with `body` (its first line is line 6), and Sahel with a heading.
    func build(_ body: String, strict: Bool = false) -> BuildOutcome {
        TestSite([
            Self.niger: "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\n" + body + "\n",
            Self.sahel: "---\ntitle: Sahel\ntranslation_key: sahel\n---\nLe Sahel.\n\n## Climat et eau\n\nTexte.\n",
        ]).build(BuildOptions(strict: strict))
    }

    func messages(_ body: String) -> [String] { build(body).messages }

    static let fromRoot = "from the site's root: it breaks when the site is published under a sub-path;"

    // MARK: - From the site's root

    @Test("a link from the root to a page is a warning that gives the .md link to write, as copied from the browser in every form")
    func fromRootToPage() {
        for url in ["/fr/2020/regions/sahel/", "/fr/2020/regions/sahel", "/fr/2020/regions/sahel/index.html", "/r/fr/2020/regions/sahel/"] {
            #expect(messages("Voir le [Sahel](\(url)).") == [
                "\(Self.niger):6:9: warning: link to '\(url)' \(Self.fromRoot) link to the page's file instead: (../regions/sahel.md)",
            ], "\(url)")
        }
    }

    @Test("a link from the root to a page of another language gives the URL from this page (a .md link would lead to the translation)")
    func fromRootToOtherLanguage() {
        #expect(messages("[Niger](/en/2020/countries/niger/)") == [
            "\(Self.niger):6:1: warning: link to '/en/2020/countries/niger/' \(Self.fromRoot) write it from this page instead: (../../../../en/2020/countries/niger/)",
        ])
    }

    @Test("a link from the root keeps its fragment in the fix, and the fragment is checked against the page's headings")
    func fromRootWithFragment() {
        #expect(messages("[Climat](/fr/2020/regions/sahel/#climat-et-eau) et [ailleurs](/fr/2020/regions/sahel/#climat-eau).") == [
            "\(Self.niger):6:1: warning: link to '/fr/2020/regions/sahel/#climat-et-eau' \(Self.fromRoot) link to the page's file instead: (../regions/sahel.md#climat-et-eau)",
            "\(Self.niger):6:52: warning: link to '/fr/2020/regions/sahel/#climat-eau' \(Self.fromRoot) link to the page's file instead: (../regions/sahel.md#climat-eau)",
            "\(Self.niger):6:52: error: no heading with the id 'climat-eau' in \(Self.sahel); did you mean 'climat-et-eau'?",
        ])
    }

    @Test("a link from the root to a generated page or a file is a warning that gives the link from this page")
    func fromRootToGeneratedPages() {
        #expect(messages("[a](/fr/2020/print/) [b](/fr/2020/key-data/) [c](/fr/) [d](/) [e](/fr/search.json) [f](/sitemap.xml?x=1)") == [
            "\(Self.niger):6:1: warning: link to '/fr/2020/print/' \(Self.fromRoot) write it from this page instead: (../../print/)",
            "\(Self.niger):6:22: warning: link to '/fr/2020/key-data/' \(Self.fromRoot) write it from this page instead: (../../key-data/)",
            "\(Self.niger):6:46: warning: link to '/fr/' \(Self.fromRoot) write it from this page instead: (../../../)",
            "\(Self.niger):6:56: warning: link to '/' \(Self.fromRoot) write it from this page instead: (../../../../)",
            "\(Self.niger):6:63: warning: link to '/fr/search.json' \(Self.fromRoot) write it from this page instead: (../../../search.json)",
            "\(Self.niger):6:84: warning: link to '/sitemap.xml?x=1' \(Self.fromRoot) write it from this page instead: (../../../../sitemap.xml?x=1)",
        ])
    }

    @Test("a mistyped URL from the root is an error that suggests the nearest page, written the same way")
    func mistypedFromRoot() {
        #expect(messages("[Niger](/fr/2020/countries/nigerr/) et [Sahel](/r/fr/2020/regions/sahell/)") == [
            "\(Self.niger):6:1: error: link to '/fr/2020/countries/nigerr/', which is no page or file of this site; did you mean '/fr/2020/countries/niger/'?",
            "\(Self.niger):6:40: error: link to '/r/fr/2020/regions/sahell/', which is no page or file of this site; did you mean '/r/fr/2020/regions/sahel/'?",
        ])
    }

    @Test("a URL far from every page is an error that says what to do instead")
    func unknownURL() {
        #expect(messages("[Mali](/fr/2020/countries/mali/)") == [
            "\(Self.niger):6:1: error: link to '/fr/2020/countries/mali/', which is no page or file of this site: check the address, or link to the page's .md file",
        ])
    }

    // MARK: - From the page's folder

    @Test("a link relative to the page's URL that leads to a page is written again from the page, silently")
    func relativeToPage() throws {
        let outcome = build("[Sahel](../../regions/sahel/#climat-et-eau), [imprimer](../../print/), [données](../../key-data/?tri=pays)")
        #expect(outcome.messages == [])
        let html = try #require(outcome.text("fr/2020/countries/niger/index.html"))
        #expect(html.contains(#"<a href="../../regions/sahel/#climat-et-eau">Sahel</a>"#))
        #expect(html.contains(#"<a href="../../print/">imprimer</a>"#))
        #expect(html.contains(#"<a href="../../key-data/?tri=pays">données</a>"#))
    }

    @Test("a relative URL that is no page is an error with the nearest page, relative to the page")
    func relativeMistyped() {
        #expect(messages("[Sahel](../../regions/sahell/) [Mali](../mali/) [x](oda/)") == [
            "\(Self.niger):6:1: error: link to '../../regions/sahell/', which is no page or file of this site; did you mean '../../regions/sahel/'?",
            "\(Self.niger):6:32: error: link to '../mali/', which is no page or file of this site: check the address, or link to the page's .md file",
            "\(Self.niger):6:49: error: link to 'oda/', which is no page or file of this site: check the address, or link to the page's .md file",
        ])
    }

    // MARK: - The site's own absolute URLs

    @Test("a URL under the site's base URL is checked and kept as written; another host's is not checked")
    func absoluteURLs() throws {
        #expect(messages("[c](https://example.org/r/fr/2020/regions/sahell/) [d](https://example.org/r/fr/2020/regions/sahel/#climat-eau)") == [
            "\(Self.niger):6:1: error: link to 'https://example.org/r/fr/2020/regions/sahell/', which is no page or file of this site; did you mean 'https://example.org/r/fr/2020/regions/sahel/'?",
            "\(Self.niger):6:52: error: no heading with the id 'climat-eau' in \(Self.sahel); did you mean 'climat-et-eau'?",
        ])
        let outcome = build("[a](https://example.org/r/fr/2020/regions/sahel/) [b](HTTP://EXAMPLE.ORG/r/fr/) [d](https://example.org/other/) [e](//example.org/r/nowhere/) [f](https://example.org/r)")
        #expect(outcome.messages == [])
        let html = try #require(outcome.text("fr/2020/countries/niger/index.html"))
        #expect(html.contains(#"<a href="https://example.org/r/fr/2020/regions/sahel/">a</a>"#))
    }

    // MARK: - Did you mean

    @Test("a link to a missing .md file suggests the nearest page file, as a link from the page")
    func missingFileSuggestion() {
        #expect(messages("[Sahel](../regions/sahle.md) et [Niger](nigr.md) et [Mali](mali.md)") == [
            "\(Self.niger):6:1: error: link to '../regions/sahle.md', which does not exist; did you mean '../regions/sahel.md'?",
            "\(Self.niger):6:33: error: link to 'nigr.md', which does not exist; did you mean 'niger.md'?",
            "\(Self.niger):6:53: error: link to 'mali.md', which does not exist",
        ])
    }

    @Test("a link to a missing heading suggests the nearest heading id")
    func missingHeadingSuggestion() {
        #expect(messages("[Climat](../regions/sahel.md#climat) et [rien](../regions/sahel.md#budget)") == [
            "\(Self.niger):6:1: error: no heading with the id 'climat' in \(Self.sahel); did you mean 'climat-et-eau'?",
            "\(Self.niger):6:41: error: no heading with the id 'budget' in \(Self.sahel)",
        ])
    }

    @Test("a thousand links to one missing file: each reported, the suggestion looked for once")
    func manyBrokenLinks() {
        let outcome = build(String(repeating: "[x](nigr.md) ", count: 1000))
        #expect(outcome.messages.count == 1000)
        #expect(outcome.messages.allSatisfy { $0.hasSuffix("did you mean 'niger.md'?") })
    }

    // MARK: - Hostile links

    @Test("a 100 kB URL is an error with its address shortened, and no suggestion looked for")
    func hugeURL() {
        let url = "/" + String(repeating: "a", count: 100_000)
        #expect(messages("[x](\(url))") == [
            "\(Self.niger):6:1: error: link to '\(url.prefix(200))…', which is no page or file of this site: check the address, or link to the page's .md file",
        ])
    }

    @Test("dot segments stop at the site's root as browsers make them, encoded or not; above a relative link's root is no page")
    func dotSegments() {
        #expect(messages("[a](/../../etc/passwd) [b](/%2e%2e/%2E%2E/fr/2020/regions/sahel/) [c](../../../../../etc/passwd) [d](%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/x)") == [
            "\(Self.niger):6:1: error: link to '/../../etc/passwd', which is no page or file of this site: check the address, or link to the page's .md file",
            "\(Self.niger):6:24: warning: link to '/%2e%2e/%2E%2E/fr/2020/regions/sahel/' \(Self.fromRoot) link to the page's file instead: (../regions/sahel.md)",
            "\(Self.niger):6:67: error: link to '../../../../../etc/passwd', which is no page or file of this site: check the address, or link to the page's .md file",
            "\(Self.niger):6:98: error: link to '%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/x', which is no page or file of this site: check the address, or link to the page's .md file",
        ])
    }

    @Test("percent-encoded bytes that are no UTF-8, and control characters, are errors printed safely")
    func undecodableAndControl() {
        #expect(messages("[a](/fr/%FF%FE/) [b](/fr/%01%1B[31m/)") == [
            "\(Self.niger):6:1: error: link to '/fr/%FF%FE/', which is no page or file of this site: check the address, or link to the page's .md file",
            "\(Self.niger):6:18: error: link to '/fr/%01%1B[31m/', which is no page or file of this site: check the address, or link to the page's .md file",
        ])
        #expect(messages("[b](<../x\u{7F}y/>)") == [
            "\(Self.niger):6:1: error: link to '../x\\u{7F}y/', which is no page or file of this site: check the address, or link to the page's .md file",
        ])
    }

    @Test("protocol-relative links, mail and same-page anchors are no site URLs: not checked as such")
    func notSiteURLs() {
        #expect(messages("[a](//cdn.example.net/x.js) [b](mailto:info@example.org) [c](?x=1) [d](https://example.net/fr/)") == [])
    }

    @Test("a link written again on a page is checked again at each place, and leads to the same page each time")
    func repeatedLinks() {
        let links = "[a](../regions/sahel.md) [b](nigr.md) [c](/fr/2020/regions/sahel/) [d](../regions/sahel.md#climat) [e](niger.md)"
        let problems = { (column: Int) in [
            "\(Self.niger):6:\(column + 25): error: link to 'nigr.md', which does not exist; did you mean 'niger.md'?",
            "\(Self.niger):6:\(column + 38): warning: link to '/fr/2020/regions/sahel/' \(Self.fromRoot) link to the page's file instead: (../regions/sahel.md)",
            "\(Self.niger):6:\(column + 67): error: no heading with the id 'climat' in \(Self.sahel); did you mean 'climat-et-eau'?",
        ] }
        #expect(messages(links + " " + links) == problems(1) + problems(links.count + 2))
        // Without problems, the page is written: every copy of a link has its target.
        let html = build("[a](../regions/sahel.md) [b](niger.md) [c](../regions/sahel.md) [d](niger.md) [e](../regions/sahel.md#climat-et-eau) [f](../regions/sahel.md#climat-et-eau)")
            .text("fr/2020/countries/niger/index.html") ?? ""
        let targets = html.components(separatedBy: "<p>").dropFirst().first?.components(separatedBy: "href=\"").dropFirst()
            .map { String($0.prefix(while: { $0 != "\"" })) }
        #expect(targets == ["../../regions/sahel/", "./", "../../regions/sahel/", "./", "../../regions/sahel/#climat-et-eau", "../../regions/sahel/#climat-et-eau"])
    }

    @Test("two links to one file, written in two Unicode forms (é, e + U+0301), each keep their own bytes")
    func repeatedLinkInTwoForms() {
        let composed = "caf\u{E9}.pdf", decomposed = "cafe\u{301}.pdf"
        let html = TestSite([
            Self.niger: "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\n[a](/assets/\(composed)) [b](/assets/\(decomposed))\n",
            "content/assets/\(composed)": "pdf",
        ]).build().text("fr/2020/countries/niger/index.html") ?? ""
        #expect(html.contains(#"<a href="../../../../assets/caf%C3%A9.pdf">a</a> <a href="../../../../assets/cafe%CC%81.pdf">b</a>"#))
    }

    @Test("a root-relative link is an error under --strict, like every warning")
    func strict() {
        #expect(build("[Sahel](/fr/2020/regions/sahel/)", strict: true).diagnostics.map(\.severity) == [.error])
    }
}

@Suite("Nearest paths")
struct NearestPathsTests {
    @Test("a typo in the last segment is suggested; a whole other segment, or a one-letter one, is not")
    func threshold() {
        let paths = NearestPaths(["fr/2020/countries/niger/", "fr/2020/countries/mali/", "fr/2020/", "content/a/niger.md"])
        #expect(paths.nearest(to: "fr/2020/countries/nigerr/") == "fr/2020/countries/niger/")
        #expect(paths.nearest(to: "fr/2020/countries/nigr/") == "fr/2020/countries/niger/")
        #expect(paths.nearest(to: "fr/2020/countries/malli/") == "fr/2020/countries/mali/")
        #expect(paths.nearest(to: "fr/2020/countries/togo/") == nil)
        #expect(paths.nearest(to: "fr/2020/countries/niger/y") == nil)
        #expect(paths.nearest(to: "content/a/nigr.md") == "content/a/niger.md")
        #expect(paths.nearest(to: String(repeating: "a", count: 100_000)) == nil)
    }
}
