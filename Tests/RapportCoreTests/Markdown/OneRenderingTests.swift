import Foundation
import Testing
@testable import RapportCore
import RapportTestSupport

/// A body that goes on a print page too is rendered once, with markers where the page and the print page differ
/// (`VariantMarkers`), instead of twice: the result must be the one of two renderings, byte for byte.
@Suite("One rendering for the page and the print page")
struct OneRenderingTests {
    /// Link targets as a build makes them, with characters cmark escapes in an `href` (`&`, `'`, spaces, `"`, `<`,
    /// non-ASCII, `%`), a blocked link, and a target with a `:` (rendered twice: cmark judges such URLs).
    static func rewrite(_ link: MarkdownLink) -> MarkdownLinkRewrite? {
        let destination = link.destination
        if destination.hasPrefix("javascript:") { return MarkdownLinkRewrite(href: "", printHref: "") }
        if destination.contains("colon") { return MarkdownLinkRewrite(href: "../a:b/", printHref: "#p-a:b") }
        guard destination.hasSuffix(".md") || destination.contains(".md#") else { return nil }
        let name = destination.split(separator: "/").last.map(String.init) ?? destination
        return MarkdownLinkRewrite(href: "../\(name) & l'été \"<x>\" 50%/", printHref: "#p-\(name)~R")
    }

    /// Placed data as a build makes it; `nul` holds a NUL byte (a data set's cell can), which cmark cuts a value at.
    static func place(_ marker: MarkdownDataMarker) -> (page: String, print: String)? {
        switch marker.name {
        case "absent": return nil
        case "nul": return ("<figure>a\u{0}b</figure>\n", "<figure>p\u{0}q</figure>\n")
        default: return ("<figure class=\"page\">\(marker.name) ~R</figure>\n", "<figure>\(marker.name) & print</figure>\n")
        }
    }

    static let crafted = [
        "Intro [Niger](niger.md) et [Mali](../mali.md#climat).\n\n<!-- more -->\n\n## Suite\n\n[Niger](niger.md) encore, ![carte](carte.md).\n",
        "# Titre\n\n## Titre\n\nVoir [plus bas](#titre) et [l'autre](#titre-1), [ici](<a b.md>).\n",
        "Un fait[^1], deux[^n], encore[^1].\n\n[^1]: Source : [OCDE](ocde.md), 2022.\n[^n]: Note [interne](#titre) et *emphase*.\n",
        "Note dans la note[^a].\n\n[^a]: Elle cite[^b].\n[^b]: La seconde, [lien](x.md).\n",
        "<!-- table: budget -->\n\n<!-- chart: aide -->\n\n<!-- table: absent -->\n\nTexte.\n",
        "Avant.\n\n<!-- table: nul -->\n\n[Niger](niger.md)\n",
        "[danger](javascript:alert(1)) [deux points](colon.md) [ok](ok.md)\n\n## Titre\n",
        "Texte ~R0000000000000000 et ~Rffffffffffffffff00000000, un tilde ~ seul.\n\n[l](l.md)\n",
        "| Pays | [Lien](p.md) |\n|---|---|\n| Niger | 1 |\n\n## Après le tableau\n\n<div>brut</div>\n",
        "",
        "Sans lien ni titre.\n",
    ]

    /// The bodies of the repository's report, and the bodies above.
    static func bodies() -> [String] {
        let content = Fixtures.repositoryRoot.appendingPathComponent("content")
        var found: [String] = []
        if let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil) {
            for case let file as URL in files where file.pathExtension == "md" {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                let parts = text.components(separatedBy: "\n---\n")
                found.append(parts.count > 1 ? parts.dropFirst().joined(separator: "\n---\n") : text)
            }
        }
        return found.sorted() + crafted
    }

    @Test("one rendering writes what two renderings write, for every body of the repository's report and hostile ones")
    func sameAsTwoRenderings() {
        let bodies = Self.bodies()
        #expect(bodies.count > 40)
        var options = [MarkdownOptions(typography: .french), MarkdownOptions(allowRawHTML: true, footnotes: .inline)]
        options.append(MarkdownOptions(typography: .french, headingIDs: false))
        for body in bodies {
            for option in options {
                func rendered(_ once: Bool) -> RenderedMarkdown {
                    Markdown.render(body, options: option, reservedIDs: ["top"], printIDPrefix: "p-niger-", rendersOnce: once,
                                    rewriteLink: Self.rewrite, placeData: Self.place)
                }
                let once = rendered(true), twice = rendered(false)
                let same = once == twice
                #expect(same, "\(body.prefix(60)): \(Self.difference(once, twice))")
                #expect(!String(decoding: once.print ?? [], as: UTF8.self).contains(String(decoding: VariantMarkers.lead, as: UTF8.self)))
            }
        }
    }

    /// The first part that differs, and where.
    static func difference(_ a: RenderedMarkdown, _ b: RenderedMarkdown) -> String {
        for (name, x, y) in [("intro", a.intro, b.intro), ("rest", a.rest, b.rest), ("print", a.print ?? [], b.print ?? []), ("notes", a.notes, b.notes)] where x != y {
            let at = zip(x, y).prefix { $0 == $1 }.count
            return "\(name) at \(at): \(String(decoding: x.dropFirst(max(0, at - 20)).prefix(60), as: UTF8.self)) | \(String(decoding: y.dropFirst(max(0, at - 20)).prefix(60), as: UTF8.self))"
        }
        return a.footnotes == b.footnotes ? "other fields" : "footnotes"
    }

    @Test("markers are found where they stand, each once; a missing, repeated or unknown one sends back to two renderings")
    func locate() {
        let a = VariantMarkers.marker(0), b = VariantMarkers.marker(1), c = VariantMarkers.marker(2)
        let pieces = [Array("x\(a)y~R~\(b)".utf8), Array("\(c)".utf8)]
        let placement = VariantMarkers.locate(in: pieces, count: 3) { _, _ in true }
        #expect(placement?.spots.map { $0.map(\.slot) } == [[0, 1], [2]])
        let values = [Array("A".utf8), Array("&B".utf8), []]
        #expect(placement.map { String(decoding: VariantMarkers.fill(pieces[0], spots: $0.spots[0], values: values), as: UTF8.self) } == "xAy~R~&B")
        #expect(VariantMarkers.locate(in: pieces, count: 4) { _, _ in true } == nil, "slot 3 is missing")
        #expect(VariantMarkers.locate(in: pieces + [Array(a.utf8)], count: 3) { _, _ in true } == nil, "slot 0 stands twice")
        #expect(VariantMarkers.locate(in: pieces, count: 2) { _, _ in true } == nil, "slot 2 is unknown")
        #expect(VariantMarkers.locate(in: pieces, count: 3) { piece, slot in piece == 0 || slot != 2 } == nil, "slot 2 stands where it may not")
        let broken = Array((String(a.dropLast(3)) + "xyz").utf8)
        #expect(VariantMarkers.locate(in: [broken], count: 0) { _, _ in true } == nil, "a lead without a slot number")
        #expect(VariantMarkers.locate(in: [Array(a.dropLast(3).utf8)], count: 0) { _, _ in true } == nil, "a lead cut at the end")
        #expect(VariantMarkers.locate(in: [[], Array("~R~~R0".utf8)], count: 0) { _, _ in true }?.spots.count == 2)
    }

    @Test("a URL is escaped as libcmark-gfm escapes it in an href, for every byte")
    func hrefEscaping() {
        var generator = SplitMix64(seed: 20261207)
        var samples = (1...127).map { String(UnicodeScalar(UInt8($0))) } + ["é", "😀", "a b", "&amp;", "%20", "l'été"]
        for _ in 0..<300 {
            samples.append(String((0..<Int.random(in: 1...12, using: &generator)).map { _ in
                Character(UnicodeScalar(UInt8.random(in: 1...127, using: &generator)))
            }))
        }
        for sample in samples {
            #expect(HrefEscaping.escapeWithoutScheme(sample) == (sample.contains(":") ? nil : HrefEscaping.escape(sample)))
        }
        for sample in samples where !sample.contains(":") {
            let html = Markdown.render("[x](t.md)", rewriteLink: { _ in MarkdownLinkRewrite(href: sample) }).introHTML
            #expect(html == "<p><a href=\"" + String(decoding: HrefEscaping.escape(sample), as: UTF8.self) + "\">x</a></p>\n",
                    "\(sample.unicodeScalars.map { $0.value })")
        }
    }
}
