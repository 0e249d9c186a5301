import Testing
@testable import RapportCore

@Suite("libcmark wrapper")
struct CmarkTests {
    @Test("the body splits at a top-level <!-- more --> line, found in the tree although safe mode hides raw HTML")
    func foldSplit() {
        let result = Markdown.render("Intro *one*.\n\n<!-- more -->\n\nRest **two**.\n")
        #expect(result.introHTML == "<p>Intro <em>one</em>.</p>\n")
        #expect(result.restHTML == "<p>Rest <strong>two</strong>.</p>\n")
        #expect(result.moreMarkerLine == 3)
        #expect(result.rawHTML.isEmpty)
    }

    @Test("without a marker the whole body is the introduction")
    func noMarker() {
        let result = Markdown.render("One.\n\nTwo.\n")
        #expect(result.introHTML == "<p>One.</p>\n<p>Two.</p>\n")
        #expect(result.restHTML == "")
        #expect(!result.hasMoreMarker)
    }

    @Test("a marker inside a list or written inline is not a fold; spaces and case do not matter")
    func markerVariants() {
        #expect(Markdown.render("A\n\n<!--More-->\n\nB\n").hasMoreMarker)
        #expect(!Markdown.render("- item\n\n  <!-- more -->\n").hasMoreMarker)
        #expect(!Markdown.render("A <!-- more --> B\n").hasMoreMarker)
    }

    @Test("headings get stable ids: accents folded, duplicates numbered, template ids avoided")
    func headingIDs() {
        let source = "## Données clés\n\n## Données clés\n\n### Œuvre & *santé*\n\n## Content\n\n## !!!\n"
        let result = Markdown.render(source, reservedIDs: ["content"])
        #expect(result.headings.map(\.id) == ["donnees-cles", "donnees-cles-2", "oeuvre-sante", "content-2", "section"])
        #expect(result.headings.map(\.line) == [1, 3, 5, 7, 9])
        #expect(result.headings[2].text == "Œuvre & santé")
        #expect(result.introHTML == """
            <h2 id="donnees-cles">Données clés</h2>
            <h2 id="donnees-cles-2">Données clés</h2>
            <h3 id="oeuvre-sante">Œuvre &amp; <em>santé</em></h3>
            <h2 id="content-2">Content</h2>
            <h2 id="section">!!!</h2>

            """)
    }

    @Test("links come with their line and their column in characters, not UTF-8 bytes")
    func linkPositions() {
        let source = "Première ligne.\n\nÉtés « chauds » : [Niger](niger.md) et ![carte](/assets/c.png)\n"
        let result = Markdown.render(source)
        #expect(result.links == [
            MarkdownLink(kind: .link, destination: "niger.md", text: "Niger", line: 3, column: 19),
            MarkdownLink(kind: .image, destination: "/assets/c.png", text: "carte", line: 3, column: 40),
        ])
    }

    @Test("link destinations are rewritten on the tree, and escaped by cmark")
    func linkRewrite() {
        let result = Markdown.render("[a](x.md) [b](https://example.org/?a=1&b=2)") { link in
            link.destination == "x.md" ? MarkdownLinkRewrite(href: "../x/?q=\"1\"") : nil
        }
        #expect(result.introHTML == "<p><a href=\"../x/?q=%221%22\">a</a> <a href=\"https://example.org/?a=1&amp;b=2\">b</a></p>\n")
    }

    @Test("a print rendering: the whole body, ids and same-page anchors prefixed, print links; the page's own untouched")
    func printRendering() {
        let source = "Intro [S](s.md#a) [here](#b).\n\n<!-- more -->\n\n## B\n"
        let result = Markdown.render(source, printIDPrefix: "niger-") { link in
            link.destination == "s.md#a" ? MarkdownLinkRewrite(href: "../s/#a", printHref: "../countries/s/#a") : nil
        }
        #expect(result.printHTML == "<p>Intro <a href=\"../countries/s/#a\">S</a> <a href=\"#niger-b\">here</a>.</p>\n<h2 id=\"niger-b\">B</h2>\n")
        #expect(result.introHTML == "<p>Intro <a href=\"../s/#a\">S</a> <a href=\"#b\">here</a>.</p>\n")
        #expect(result.restHTML == "<h2 id=\"b\">B</h2>\n")
    }

    @Test("safe by default: raw HTML is omitted and reported, javascript: links are emptied")
    func safeMode() {
        let result = Markdown.render("<script>alert(1)</script>\n\nA <b>b</b> [x](javascript:alert(1))\n")
        #expect(result.introHTML == "<!-- raw HTML omitted -->\n<p>A <!-- raw HTML omitted -->b<!-- raw HTML omitted --> <a href=\"\">x</a></p>\n")
        #expect(result.rawHTML == [MarkdownPosition(line: 1, column: 1), MarkdownPosition(line: 3, column: 3), MarkdownPosition(line: 3, column: 7)])
    }

    @Test("allow_raw_html passes raw HTML through")
    func unsafeMode() {
        let result = Markdown.render("<div class=\"x\">hi</div>\n\nA <b>b</b>\n", options: MarkdownOptions(allowRawHTML: true))
        #expect(result.introHTML == "<div class=\"x\">hi</div>\n<p>A <b>b</b></p>\n")
    }

    @Test("typography runs on text nodes only, never on code or URLs")
    func typographyOnTextNodes() {
        let options = MarkdownOptions(typography: Typography(text: { text, _ in text.replacingOccurrences(of: "a", with: "A") }))
        let result = Markdown.render("a `a` [a](http://a.example/)\n\n    a\n", options: options)
        #expect(result.introHTML == "<p>A <code>a</code> <a href=\"http://a.example/\">A</a></p>\n<pre><code>a\n</code></pre>\n")
    }

    @Test("typography sees across emphasis, links and code spans, not across breaks, raw HTML or blocks")
    func typographyAcrossInlines() {
        let options = MarkdownOptions(typography: .french)
        let result = Markdown.render("""
            Un objectif d'*égalité*, « *mot* », *vraiment*! et [lien](x)'s `code`'x

            Fin'
            *Début*'
            ligne\\
            ! suite <b>x</b>'y
            """, options: options)
        #expect(result.introHTML == """
            <p>Un objectif d’<em>égalité</em>, «\u{A0}<em>mot</em>\u{A0}», <em>vraiment</em>\u{202F}! et <a href="x">lien</a>’s <code>code</code>’x</p>
            <p>Fin'
            <em>Début</em>'
            ligne<br />
            ! suite <!-- raw HTML omitted -->x<!-- raw HTML omitted -->'y</p>

            """)
    }
}
