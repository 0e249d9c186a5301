import Foundation
import RapportTestSupport
import Testing
@testable import RapportCore

/// Stage "pdf" through the real build, with stand-in engines (shell scripts) where WeasyPrint is not the point:
/// one that hands back its input document as the "PDF" (so the document's links can be read), one that fails,
/// one that never ends.
@Suite("The PDF")
struct PDFStageTests {
    /// A stand-in engine: `script` runs with WeasyPrint's arguments (`… INPUT OUTPUT`).
    static func engine(_ script: String) -> (PDFEngine, URL) {
        let folder = TestFolders.temporary("rapport-engine")
        let file = folder.appendingPathComponent("weasyprint")
        try! ("#!/bin/sh\n" + script + "\n").write(to: file, atomically: true, encoding: .utf8)
        try! FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return (PDFEngine(executable: file), folder)
    }

    /// Copies its input document to its output: the "PDF" is the print document.
    static let echo = #"input=; output=; for a; do input=$output; output=$a; done; cp "$input" "$output""#

    func build(_ engine: PDFEngine?, pdf: Bool = true, timeout: Duration = .seconds(60), root: URL) -> BuildOutcome {
        var options = BuildOptions()
        options.pdf = pdf
        options.pdfEngine = engine
        options.pdfTimeout = timeout
        return Fixtures.build(root: root, options: options)
    }

    @Test("an interface string only the PDF's templates use is required when PDFs are made, and only then")
    func pdfOnlyString() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        let (engine, folder) = Self.engine(Self.echo)
        defer { Fixtures.cleanUp(root); Fixtures.cleanUp(folder) }
        let template = root.appendingPathComponent("templates/pdf.mustache")
        try (try String(contentsOf: template, encoding: .utf8) + "{{t.pdf_only_words}}\n").write(to: template, atomically: true, encoding: .utf8)
        #expect(build(engine, pdf: false, root: root).messages == [])
        let lines = try String(contentsOf: template, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(build(engine, root: root).messages.contains(
            "templates/pdf.mustache:\(lines):1: error: the interface string 'pdf_only_words' is used by templates/pdf.mustache but missing in content/i18n/en.yaml"))
    }

    @Test("with --pdf, a note longer than the foot of a page holds is a warning at its call (WeasyPrint would cut it); not without --pdf")
    func longNote() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        let (engine, folder) = Self.engine(Self.echo)
        defer { Fixtures.cleanUp(root); Fixtures.cleanUp(folder) }
        let preface = root.appendingPathComponent("content/2021/fr/preface.md")
        let long = Array(repeating: "mot", count: 401).joined(separator: " "), short = Array(repeating: "mot", count: 400).joined(separator: " ")
        try (try String(contentsOf: preface, encoding: .utf8) + "\nUne source[^a] et une autre[^b].\n\n[^a]: \(short)\n\n[^b]: \(long)\n")
            .write(to: preface, atomically: true, encoding: .utf8)
        #expect(build(engine, root: root).messages == [
            "content/2021/fr/preface.md:8:28: warning: note 2, called here, has 401 words: in the PDF a note must fit at the foot of the "
            + "page of its call, and WeasyPrint cuts a longer one; keep notes under about 400 words (move the rest into the text, or split the note)",
        ])
        #expect(build(engine, pdf: false, root: root).messages == [])
    }

    @Test("each edition and language has its PDF at /<lang>/<year>/<pdf_file>, and every page of it links there with its size")
    func published() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        let (engine, folder) = Self.engine(Self.echo)
        defer { Fixtures.cleanUp(root); Fixtures.cleanUp(folder) }
        let outcome = build(engine, root: root)
        #expect(outcome.messages == [])
        let fr = try #require(outcome.files.first { $0.path == "fr/2021/rapport-annuel-2021.pdf" })
        #expect(outcome.files.contains { $0.path == "en/2021/annual-report-2021.pdf" })
        let size = fr.contents.bytes.count
        let label = "Le rapport complet en PDF (PDF, \((size + 999) / 1000)\u{A0}ko)"
        for page in ["fr/2021/index.html", "fr/2021/pays/niger/index.html", "fr/2021/print/index.html"] {
            #expect(outcome.text(page)?.contains(label) == true, "\(page) links to the PDF with its size")
        }
        #expect(outcome.text("fr/2021/pays/niger/index.html")?.contains(#"<a href="../../rapport-annuel-2021.pdf" type="application/pdf">"#) == true)
        #expect(outcome.text("fr/index.html")?.contains("rapport-annuel") == false, "a page of no edition has no PDF link")
        // Without --pdf: no PDF, no link.
        let plain = build(nil, pdf: false, root: root)
        #expect(plain.messages == [])
        #expect(!plain.files.contains { $0.path.hasSuffix(".pdf") })
        #expect(plain.text("fr/2021/index.html")?.contains("pdf-download") == false)
    }

    @Test("in the document, a link to a page of the edition leads to its place; anything else to its public URL")
    func links() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        let (engine, folder) = Self.engine(Self.echo)
        defer { Fixtures.cleanUp(root); Fixtures.cleanUp(folder) }
        let outcome = build(engine, root: root)
        let document = try #require(outcome.text("en/2021/annual-report-2021.pdf"))
        #expect(document.contains(##"<a href="#c-senegal-health">Senegal</a>"##), "a page's heading: its prefixed id")
        #expect(document.contains(##"<a href="#r-west-africa">region</a>"##), "a page: its section")
        #expect(document.contains(#"<a href="https://example.org/sub/path/assets/fiche.txt">fact sheet</a>"#), "an asset: its public URL")
        #expect(document.contains(#"<section class="pdf-section pdf-level-3" id="c-senegal" aria-labelledby="c-senegal-title">"#))
        #expect(document.contains(#"id="c-senegal-health""#), "the target is there")
        #expect(document.contains(##"<li class="pdf-contents-level-1 pdf-contents-chapter"><a href="#s-foreword">Foreword</a></li>"##))
        #expect(document.contains("<html lang=\"en\">") && document.contains("<title>"))
        #expect(document.contains(#"rel="stylesheet" href="file://"#), "the stylesheets are read from disk")
        #expect(!document.contains("href=\"../"), "no link relative to a web page")
        // The document follows the print page's order.
        let print = try #require(outcome.text("en/2021/print/index.html"))
        let order = { (html: String) in html.matches(of: /id="([a-z]-[a-z0-9_-]+)-title"/).map { String($0.1) } }
        #expect(order(document).filter { !$0.hasPrefix("e-") } == order(print))
    }

    @Test("the contents open with the edition's introduction and, when the site has a glossary, end with it: a chapter of its own")
    func contentsAndGlossary() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        let (engine, folder) = Self.engine(Self.echo)
        defer { Fixtures.cleanUp(root); Fixtures.cleanUp(folder) }
        let introduction = ##"<li class="pdf-contents-level-1 pdf-contents-chapter"><a href="#e">Annual report 2021</a></li>"##
        let glossary = ##"<li class="pdf-contents-level-1 pdf-contents-chapter"><a href="#glossary">Glossary</a></li>"##
        let without = try #require(build(engine, root: root).text("en/2021/annual-report-2021.pdf"))
        #expect(without.contains(introduction))
        #expect(!without.contains(glossary) && !without.contains("pdf-glossary"), "no glossary, no entry")
        try """
            - key: ngo
              fr: {term: ONG, expansion: organisation non gouvernementale}
              en: {term: NGO, expansion: non-governmental organisation, definition: "An association independent of governments."}
            """.write(to: root.appendingPathComponent("content/glossary.yaml"), atomically: true, encoding: .utf8)
        let outcome = build(engine, root: root)
        #expect(outcome.messages == [])
        let document = try #require(outcome.text("en/2021/annual-report-2021.pdf"))
        #expect(document.contains(introduction) && document.contains(glossary))
        #expect(document.contains(#"<section class="pdf-section pdf-level-1 pdf-chapter pdf-glossary" id="glossary" aria-labelledby="glossary-title">"#))
        #expect(document.contains("<dt>NGO</dt>") && document.contains("An association independent of governments."))
        let french = try #require(outcome.text("fr/2021/rapport-annuel-2021.pdf"))
        #expect(french.contains("<dt>ONG</dt>") && !french.contains("<dt>NGO</dt>"), "each language its own terms")
        // The glossary is the last section, after the contents' last page.
        #expect(document.range(of: "pdf-glossary")!.lowerBound > document.range(of: #"id="c-senegal""#)!.lowerBound)
    }

    @Test("an engine that fails, or runs past its time, is an error at the edition's home, naming the PDF")
    func failures() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        let (failing, folder) = Self.engine("echo 'Traceback (most recent call last):' >&2; echo 'OSError: cannot load library pango' >&2; exit 1")
        let (slow, slowFolder) = Self.engine("exec sleep 30")
        defer { Fixtures.cleanUp(root); Fixtures.cleanUp(folder); Fixtures.cleanUp(slowFolder) }
        let failed = build(failing, root: root)
        #expect(failed.messages == ["en", "fr"].map { language in
            let file = language == "fr" ? "rapport-annuel-2021.pdf" : "annual-report-2021.pdf"
            return "content/2021/\(language)/index.md:1:1: error: the PDF \(language)/2021/\(file) could not be made: WeasyPrint stopped "
                + "with 'OSError: cannot load library pango'; the previous output is kept"
        })
        #expect(failed.files.isEmpty)
        let clock = ContinuousClock(), start = clock.now
        let stopped = build(slow, timeout: .milliseconds(300), root: root)
        #expect(clock.now - start < .seconds(20), "the engine was stopped")
        #expect(stopped.messages.first == "content/2021/en/index.md:1:1: error: the PDF en/2021/annual-report-2021.pdf could not be made: "
            + "WeasyPrint was still working after 1 s and was stopped; the previous output is kept")
    }

    @Test("no engine: --pdf is an error naming it and how to install it; pdf: true in site.yaml at its line")
    func missingEngine() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        defer { Fixtures.cleanUp(root) }
        let install = "and its engine WeasyPrint is not installed (looked for .venv/bin/weasyprint in the site root and beside "
            + "rapport, then weasyprint on PATH): run scripts/install-deps, or 'python3 -m venv .venv && .venv/bin/pip install "
            + "weasyprint==70.0' in the site root; or build without the PDF"
        #expect(build(nil, root: root).messages == [".:1:1: error: build --pdf asks for the PDF, \(install)"])
        let site = root.appendingPathComponent("content/site.yaml")
        try (String(contentsOf: site, encoding: .utf8) + "pdf: true\n").write(to: site, atomically: true, encoding: .utf8)
        #expect(build(nil, pdf: false, root: root).messages == ["content/site.yaml:14:6: error: pdf: true in site.yaml asks for the PDF, \(install)"])
    }

    @Test("pdf: in site.yaml is true or false; anything else is an error at its value")
    func configValues() {
        for (value, ok) in [("true", true), ("false", true), ("yes", false), ("1", false), ("\"true\"", false), ("[true]", false),
                            ("", false), ("{a: 1}", false), ("true\npdf: false", false)] {
            let outcome = TestSite(["content/site.yaml": TestSite.siteYAML + "\npdf: \(value)\n"]).build(BuildOptions())
            if ok {
                // pdf: true asks for the PDF, and this build has no engine: that error alone.
                let expected = value == "true" ? [SourceLocation(path: "content/site.yaml", line: 13, column: 6)] : []
                #expect(outcome.diagnostics.filter { $0.location.path == "content/site.yaml" }.map(\.location) == expected, "pdf: \(value)")
            } else {
                #expect(outcome.diagnostics.contains { $0.location.path == "content/site.yaml" && $0.severity == .error }, "pdf: \(value)")
            }
        }
        #expect(ConfigLoader.loadConfig(from: SourceText(path: "content/site.yaml", text: TestSite.siteYAML + "\npdf: true\n")).config?.pdf == true)
        #expect(ConfigLoader.loadConfig(from: SourceText(path: "content/site.yaml", text: TestSite.siteYAML)).config?.pdf == false)
    }

    @Test("pdf_file must be a plain file name ending in .pdf: hostile values are errors at the string")
    func fileNames() throws {
        for name in ["../../etc/passwd.pdf", "", ".pdf", "rapport.html", "Rapport 2022.pdf", "rapport\u{0}.pdf", "-rapport.pdf",
                     "a/b.pdf", "rapport-é.pdf", String(repeating: "a", count: 200) + ".pdf", "{year}"] {
            #expect(!SiteRenderer.isPDFFileName(name.replacingOccurrences(of: "{year}", with: "2021")), "\(name.debugDescription)")
        }
        for name in ["rapport-annuel-2021.pdf", "annual_report.pdf", "r.pdf"] { #expect(SiteRenderer.isPDFFileName(name)) }
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        let (engine, folder) = Self.engine(Self.echo)
        defer { Fixtures.cleanUp(root); Fixtures.cleanUp(folder) }
        let strings = root.appendingPathComponent("content/i18n/en.yaml")
        let text = try String(contentsOf: strings, encoding: .utf8)
        try text.replacingOccurrences(of: "pdf_file: \"annual-report-{year}.pdf\"", with: "pdf_file: \"../../index.html\"")
            .write(to: strings, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("pdf_file:") }! + 1
        #expect(build(engine, root: root).messages == [
            "content/i18n/en.yaml:\(line):1: error: 'pdf_file' is '../../index.html', which is not a PDF file name: write small letters, "
                + "digits and hyphens ending in .pdf, with {year} for the edition, such as rapport-annuel-{year}.pdf",
        ])
    }

    @Test("the size beside the link, per language: megabytes with one decimal, kilobytes below")
    func sizes() {
        let testSite = TestSite([
            "content/i18n/fr.yaml": TestSite.baseline["content/i18n/fr.yaml"]! + "pdf_size_mb: \"PDF, {size}\\u00A0Mo\"\npdf_size_kb: \"PDF, {size}\\u00A0ko\"\n",
            "content/i18n/en.yaml": TestSite.baseline["content/i18n/en.yaml"]! + "pdf_size_mb: \"PDF, {size}\\u00A0MB\"\npdf_size_kb: \"PDF, {size}\\u00A0kB\"\n",
        ])
        let source = SiteSource(files: testSite.files)
        var log = BuildLog(strict: false)
        let loaded = LoadStage.run(source, options: BuildOptions(), memo: nil, log: &log)!
        let site = GraphStage.run(loaded, includeDrafts: false, log: &log).site
        let theme = Theme.load(templates: source.templates).theme!
        let renderer = SiteRenderer(site: site, theme: theme, strings: loaded.strings, assetPaths: [])
        let cases: [(Int, String, String)] = [
            (2_345_678, "PDF, 2,3\u{A0}Mo", "PDF, 2.3\u{A0}MB"), (57_501, "PDF, 58\u{A0}ko", "PDF, 58\u{A0}kB"),
            (0, "PDF, 1\u{A0}ko", "PDF, 1\u{A0}kB"), (-5, "PDF, 1\u{A0}ko", "PDF, 1\u{A0}kB"), (999_949, "PDF, 1.000\u{A0}ko", "PDF, 1,000\u{A0}kB"),
            (999_950, "PDF, 1\u{A0}Mo", "PDF, 1\u{A0}MB"), (12_050_000_000, "PDF, 12.050\u{A0}Mo", "PDF, 12,050\u{A0}MB"),
            (Int.max, "PDF, 9.223.372.036.854,8\u{A0}Mo", "PDF, 9,223,372,036,854.8\u{A0}MB"),
        ]
        for (bytes, fr, en) in cases {
            #expect(renderer.pdfSizeLabel(byteCount: bytes, language: "fr") == fr)
            #expect(renderer.pdfSizeLabel(byteCount: bytes, language: "en") == en)
        }
    }
}
