import Foundation
import Testing
@testable import RapportCore
import RapportTestSupport

/// Tables, footnotes, strikethrough and autolinks (libcmark-gfm), in the HTML Rapport writes and through the build.
@Suite("GitHub-flavoured Markdown")
struct GitHubMarkdownTests {
    static let french = MarkdownOptions(typography: .french, notesTitle: "Notes", noteBackLabel: "Retour au texte")

    // MARK: - Tables

    @Test("a pipe table: header cells scope=\"col\", a column of numbers right-aligned by class, in a scrolling box")
    func tableWithNumericColumn() {
        let source = "| Pays | Montant (EUR) | Note |\n|---|---|---|\n| Niger | 21 500 000 | oui |\n| Mali | 1 234,5 | |\n"
        #expect(Markdown.render(source).introHTML == """
            <div class="table-scroll body-table" tabindex="0">
            <table>
            <thead>
            <tr>
            <th scope="col">Pays</th><th scope="col" class="number">Montant (EUR)</th><th scope="col">Note</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>Niger</td><td class="number">21 500 000</td><td>oui</td>
            </tr>
            <tr>
            <td>Mali</td><td class="number">1 234,5</td><td></td>
            </tr>
            </tbody>
            </table>
            </div>

            """)
    }

    @Test("the writer's alignment wins; numbers as writers type them are numbers; words are not")
    func tableAlignmentAndNumbers() {
        let html = Markdown.render("| a | b | c |\n|:-:|--:|:--|\n| 1 | x | 3 |\n").introHTML
        #expect(html.contains(##"<td class="align-center">1</td><td class="align-right">x</td><td>3</td>"##))
        for number in ["21 500 000", "1 234,5", "−3", "12 %", "4,5 M€", "$30", "1,234.5", "2022", "61.6"] {
            #expect(TableCells.isNumber(number), "\(number)")
        }
        for text in ["n.d.", "Niger", "12 pays", "", "-", "1 234 abc"] { #expect(!TableCells.isNumber(text), "\(text)") }
        #expect(!TableCells.isNumericColumn(["", " "]), "a column of empty cells is no column of numbers")
    }

    @Test("French typography applies in table cells as in any French text")
    func frenchTypographyInCells() {
        let html = Markdown.render("| Pays | Remarque |\n|---|---|\n| Niger | « oui » : l'école ! |\n", options: Self.french).introHTML
        #expect(html.contains("<td>«\u{A0}oui\u{A0}»\u{A0}: l’école\u{202F}!</td>"))
    }

    // MARK: - Footnotes

    @Test("footnotes: numbered in order of first reference, each reference links to its note and each note back")
    func footnotesLinkedBothWays() {
        let source = "Premier[^b] et second[^a], encore[^b].\n\n[^a]: La note A.\n[^b]: La source : OCDE.\n"
        let result = Markdown.render(source, options: Self.french)
        #expect(result.introHTML == """
            <p>Premier<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" aria-describedby="notes">1</a></sup> et \
            second<sup class="footnote-ref"><a href="#fn-2" id="fnref-2" aria-describedby="notes">2</a></sup>, \
            encore<sup class="footnote-ref"><a href="#fn-1" id="fnref-1-2" aria-describedby="notes">1</a></sup>.</p>

            """)
        #expect(result.notesHTML == """
            <section class="footnotes" aria-labelledby="notes">
            <h2 id="notes">Notes</h2>
            <ol>
            <li id="fn-1">
            <p>La source\u{A0}: OCDE. <a href="#fnref-1" class="footnote-back" aria-label="Retour au texte">↩</a> \
            <a href="#fnref-1-2" class="footnote-back" aria-label="Retour au texte (2)">↩<sup>2</sup></a></p>
            </li>
            <li id="fn-2">
            <p>La note A. <a href="#fnref-2" class="footnote-back" aria-label="Retour au texte">↩</a></p>
            </li>
            </ol>
            </section>

            """)
        #expect(result.footnotes.map(\.number) == [1, 2])
        #expect(result.footnotes.map(\.id) == ["fn-1", "fn-2"])
        #expect(result.footnotes[0].html == "<p>La source\u{A0}: OCDE.</p>\n")
        #expect(result.footnotes[0].references == [
            .init(id: "fnref-1", position: MarkdownPosition(line: 1, column: 8)),
            .init(id: "fnref-1-2", position: MarkdownPosition(line: 1, column: 34)),
        ])
        #expect(result.footnoteProblems.isEmpty)
    }

    @Test("a heading never takes a footnote's id")
    func headingsAvoidFootnoteIDs() {
        let result = Markdown.render("## Notes\n\n## Fn 1\n\nTexte[^1].\n\n[^1]: Note.\n")
        #expect(result.headings.map(\.id) == ["notes-2", "fn-1-2"])
    }

    @Test("a reference without a note is a problem at the reference; a note never referenced at its line")
    func footnoteProblems() {
        let source = "Voir é[^deux] et [^1].\n\n[^1]: Une.\n[^9]: Jamais appelée.\n[^1]: Deux fois.\n\n```\n[^7]: dans du code\n```\n"
        let result = Markdown.render(source)
        #expect(result.footnoteProblems == [
            MarkdownFootnoteProblem(kind: .noNote, label: "deux", position: MarkdownPosition(line: 1, column: 7)),
            MarkdownFootnoteProblem(kind: .unusedNote, label: "9", position: MarkdownPosition(line: 4, column: 1)),
            MarkdownFootnoteProblem(kind: .repeatedNote, label: "1", position: MarkdownPosition(line: 5, column: 1)),
        ])
        #expect(result.introHTML.hasPrefix("<p>Voir é[^deux] et <sup"))
    }

    @Test("a reference without a note after a line break, in a table cell, and twice in a row")
    func unresolvedReferencesPlaced() {
        let result = Markdown.render("Un\n[^a][^b] deux\n\n| x |\n|---|\n| y [^c] |\n")
        #expect(result.footnoteProblems.map(\.label) == ["a", "b", "c"])
        #expect(result.footnoteProblems.map(\.position) == [
            MarkdownPosition(line: 2, column: 1), MarkdownPosition(line: 2, column: 5), MarkdownPosition(line: 6, column: 5),
        ])
    }

    @Test("on the print page the ids take the page's prefix and the notes stay with their page")
    func footnotesOnThePrintPage() throws {
        let result = Markdown.render("Texte[^1].\n\n<!-- more -->\n\nSuite.\n\n[^1]: Source.\n", printIDPrefix: "c-niger-")
        let print = try #require(result.printHTML)
        #expect(print.contains(##"<a href="#c-niger-fn-1" id="c-niger-fnref-1" aria-describedby="c-niger-notes">1</a>"##))
        #expect(print.hasSuffix("""
            <section class="footnotes" aria-labelledby="c-niger-notes">
            <h3 id="c-niger-notes">Notes</h3>
            <ol>
            <li id="c-niger-fn-1">
            <p>Source. <a href="#c-niger-fnref-1" class="footnote-back" aria-label="Back to the text">↩</a></p>
            </li>
            </ol>
            </section>

            """))
        #expect(result.introHTML.contains(##"<a href="#fn-1" id="fnref-1" aria-describedby="notes">1</a>"##), "the page keeps its own ids")
        #expect(result.notesHTML.contains(#"<h2 id="notes">Notes</h2>"#))
    }

    @Test("inline placement: the note's HTML at each reference, no section (for a paged-media float: footnote)")
    func inlinePlacement() {
        var options = MarkdownOptions(footnotes: .inline)
        options.notesTitle = "Notes"
        let result = Markdown.render("Texte[^1] et[^1].\n\n[^1]: La *source*.\n\n    Suite.\n", options: options)
        #expect(result.introHTML == "<p>Texte<span class=\"footnote-inline\">La <em>source</em>.\nSuite.</span> et"
            + "<span class=\"footnote-inline\">La <em>source</em>.\nSuite.</span>.</p>\n")
        #expect(result.notes.isEmpty)
        #expect(result.footnotes.first?.html == "La <em>source</em>.\nSuite.")
    }

    @Test("notes calling notes, a note calling itself: numbered once, linked, no loop")
    func nestedAndSelfReferences() {
        let result = Markdown.render("A[^1].\n\n[^1]: Voir [^2] et [^1].\n[^2]: Voir [^1].\n")
        #expect(result.footnotes.map(\.number) == [1, 2])
        #expect(result.footnotes[0].references.map(\.id) == ["fnref-1", "fnref-1-2", "fnref-1-3"])
        #expect(result.footnotes[1].references.map(\.id) == ["fnref-2"])
        #expect(result.footnoteProblems.isEmpty)
        #expect(result.notesHTML.contains(##"<li id="fn-2">"##))
    }

    // MARK: - Strikethrough and autolinks

    @Test("~~deleted~~ becomes <del>; one tilde is a writer's 'about', not a deletion")
    func strikethrough() {
        #expect(Markdown.render("~~ancien~~ nouveau, ~12 % et ~15 %\n").introHTML == "<p><del>ancien</del> nouveau, ~12 % et ~15 %</p>\n")
    }

    @Test("bare URLs and www. become links, located in the source, checked like any link; French typography leaves them")
    func autolinks() {
        var seen: [MarkdownLink] = []
        let result = Markdown.render("Voir : https://oecd.org/?a=1 ou www.oecd.org/?b.\n", options: Self.french) { link in
            seen.append(link)
            return nil
        }
        #expect(result.introHTML == "<p>Voir\u{A0}: <a href=\"https://oecd.org/?a=1\">https://oecd.org/?a=1</a> ou "
            + "<a href=\"http://www.oecd.org/?b\">www.oecd.org/?b</a>.</p>\n")
        #expect(seen.map { "\($0.line):\($0.column) \($0.destination)" } == ["1:8 https://oecd.org/?a=1", "1:33 http://www.oecd.org/?b"])
    }

    @Test("bodies rendered in parallel keep their autolinks and strikethrough (libcmark-gfm's shared table of inline characters)")
    func parallelRendering() {
        let expected = "<p>Voir <a href=\"https://x.org\">https://x.org</a> et <del>a</del>.</p>\n"
        final class Count: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func add() { lock.withLock { value += 1 } }
            var total: Int { lock.withLock { value } }
        }
        let wrong = Count()
        DispatchQueue.concurrentPerform(iterations: 2_000) { index in
            let source = index.isMultiple(of: 2) ? "Voir https://x.org et ~~a~~.\n" : String(repeating: "Texte *simple*. ", count: 50) + "\n"
            let html = Markdown.render(source).introHTML
            if !(index.isMultiple(of: 2) ? html == expected : html.hasPrefix("<p>Texte <em>simple</em>.")) { wrong.add() }
        }
        #expect(wrong.total == 0)
    }

    @Test("the scan for `[^` (memchr) finds what a plain search finds, in slices at any offset")
    func caretBracketScan() {
        var random = SplitMix64(seed: 2_026_12_07)
        let alphabet: [UInt8] = Array("[^]a \n".utf8) + [0xC3, 0xA9, 0]
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let start = Int.random(in: 0...bytes.count, using: &random)
            let slice = bytes[start...]
            let expected = slice.indices.contains { slice[$0] == UInt8(ascii: "[") && $0 + 1 < slice.endIndex && slice[$0 + 1] == UInt8(ascii: "^") }
            #expect(FootnoteSyntax.mayHoldReference(slice) == expected, "\(Array(slice))")
            #expect(FootnoteSyntax.definitionLines(in: Array(slice)).isEmpty || expected)
        }
    }

    // MARK: - Hostile input

    @Test("10,000 footnotes, a table of 1,000 columns, control characters: rendered in time, nothing lost")
    func hostileInputs() {
        let many = (1...10_000).map { "t[^\($0)]" }.joined(separator: " ") + "\n\n" + (1...10_000).map { "[^\($0)]: n\($0)." }.joined(separator: "\n") + "\n"
        let notes = Markdown.render(many)
        #expect(notes.footnotes.count == 10_000)
        #expect(notes.footnotes.last?.html == "<p>n10000.</p>\n")
        #expect(notes.footnoteProblems.isEmpty)

        let header = "|" + (1...1_000).map { "c\($0)|" }.joined() + "\n|" + String(repeating: "-|", count: 1_000) + "\n"
        let table = Markdown.render(header + "|" + (1...1_000).map { "\($0)|" }.joined() + "\n")
        #expect(table.introHTML.components(separatedBy: "<th scope=\"col\" class=\"number\">").count == 1_001)

        let control = Markdown.render("a[^\u{1B}31m] b\u{7}[^x] \\[^y]\n\n[^x]: \u{0}note\u{8}.\n")
        #expect(control.footnotes.count == 1)
        #expect(control.footnoteProblems.map(\.label) == ["\u{1B}31m"], "an escaped \\[^y] is text")
    }
}

/// The same through the real build: messages at their place, the theme's notes section, the print page.
@Suite("GitHub-flavoured Markdown in a built site")
struct GitHubMarkdownSiteTests {
    @Test("a reference without a note is an error and an unused note a warning, each at its line and column")
    func footnoteMessages() {
        let site = TestSite(["content/2020/fr/regions/sahel.md": "---\ntitle: Sahel\ntranslation_key: sahel\n---\nLe Sahel[^1] et [^2].\n\n[^1]: Source.\n[^3]: Orpheline.\n"])
        let messages = site.build().messages
        #expect(messages.contains("content/2020/fr/regions/sahel.md:5:17: error: the footnote [^2] has no note: add a line '[^2]: ' followed by the note's text, after a blank line, or remove [^2]"))
        #expect(messages.contains("content/2020/fr/regions/sahel.md:8:1: warning: the note [^3] is called nowhere in the text, so it is left out: put [^3] where it applies, or delete the note"))
    }

    @Test("a label of control characters is escaped in the message")
    func controlCharactersInLabel() {
        let site = TestSite(["content/2020/fr/regions/sahel.md": "---\ntitle: Sahel\ntranslation_key: sahel\n---\nLe Sahel[^\u{1B}].\n"])
        #expect(site.build().messages.contains { $0.contains("the footnote [^\\u{1B}] has no note") })
    }

    @Test("the theme closes the page with the notes; the print page keeps each page's notes with unique ids")
    func notesOnPagesAndPrintPage() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        defer { Fixtures.cleanUp(root) }
        for name in ["niger", "senegal"] {
            let page = root.appendingPathComponent("content/2021/fr/countries/\(name).md")
            try (try String(contentsOf: page, encoding: .utf8) + "\nUn chiffre[^1].\n\n| Année | Montant |\n|---|---|\n| 2021 | 1 200 |\n\n[^1]: Source : OCDE, 2021.\n")
                .write(to: page, atomically: true, encoding: .utf8)
        }
        let outcome = Fixtures.build(root: root, options: BuildOptions(strict: true))
        #expect(outcome.diagnostics.filter { $0.severity == .error }.isEmpty, "\(outcome.messages)")
        let niger = try #require(outcome.text("fr/2021/pays/niger/index.html"))
        #expect(niger.contains("<h2 id=\"notes\">Notes</h2>"))
        #expect(niger.contains("<p>Source\u{A0}: OCDE, 2021. <a href=\"#fnref-1\" class=\"footnote-back\" aria-label=\"Retour au texte\">↩</a></p>"))
        #expect(niger.contains("<td class=\"number\">1\u{202F}200</td>") || niger.contains("<td class=\"number\">1 200</td>"))
        let print = try #require(outcome.text("fr/2021/print/index.html"))
        let ids = print.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count, "every id of the print page is unique")
        #expect(print.components(separatedBy: "<section class=\"footnotes\"").count == 3, "each page keeps its notes")
    }
}
