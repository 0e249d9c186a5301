import Foundation
import RapportTestSupport
import Testing

/// `rapport build --pdf` as a process: the engine is found (or not) as a user's machine would, and a failed PDF
/// leaves the previous output as it was.
@Suite("rapport build --pdf")
struct PDFCommandTests {
    let cli = CommandLineTests()

    @Test("no engine: --pdf is an error naming WeasyPrint and how to install it, and the previous output stays")
    func missingEngine() throws {
        let root = try cli.siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try cli.rapport(["build"], in: root).status == 0)
        let before = try cli.snapshot(of: root.appendingPathComponent("output"))
        let run = try cli.rapport(["build", "--pdf"], in: root, environment: ["RAPPORT_WEASYPRINT": "/nonexistent/weasyprint"])
        #expect(run.status == 1)
        #expect(run.stderr == "error: build --pdf asks for the PDF, and its engine WeasyPrint is not installed (looked for "
            + ".venv/bin/weasyprint in the site root and beside rapport, then weasyprint on PATH): run scripts/install-deps, or "
            + "'python3 -m venv .venv && .venv/bin/pip install weasyprint==70.0' in the site root; or build without the PDF\n")
        #expect(try cli.snapshot(of: root.appendingPathComponent("output")) == before)
        // A build without --pdf never needs the engine.
        #expect(try cli.rapport(["build"], in: root, environment: ["RAPPORT_WEASYPRINT": "/nonexistent/weasyprint"]).status == 0)
    }

    @Test("an engine that fails: the build fails at the edition's home and the previous output is untouched")
    func failingEngine() throws {
        let root = try cli.siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = root.appendingPathComponent("broken-weasyprint")
        try "#!/bin/sh\necho 'weasyprint: error: no pango' >&2\nexit 2\n".write(to: engine, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        #expect(try cli.rapport(["build"], in: root).status == 0)
        let before = try cli.snapshot(of: root.appendingPathComponent("output"))
        let run = try cli.rapport(["build", "--pdf"], in: root, environment: ["RAPPORT_WEASYPRINT": engine.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/2022/fr/index.md:1:1: error: the PDF fr/2022/rapport-annuel-2022.pdf could not be made: "
            + "WeasyPrint stopped with 'weasyprint: error: no pango'; the previous output is kept\n"), "\(run.stderr)")
        #expect(try cli.snapshot(of: root.appendingPathComponent("output")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("rapport-tmp") }
        #expect(leftovers.isEmpty, "no staging folder left: \(leftovers)")
    }

    @Test("the engine in the site root's .venv is found without being named")
    func siteVirtualEnvironment() throws {
        let root = try cli.siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent(".venv/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = #"input=; output=; for a; do input=$output; output=$a; done; printf '%%PDF-stand-in' > "$output""#
        try ("#!/bin/sh\n" + script + "\n").write(to: bin.appendingPathComponent("weasyprint"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("weasyprint").path)
        let run = try cli.rapport(["build", "--pdf"], in: root, environment: ["PATH": "/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.stderr)")
        let pdf = try Data(contentsOf: root.appendingPathComponent("output/en/2022/annual-report-2022.pdf"))
        #expect(pdf == Data("%PDF-stand-in".utf8))
        let page = try String(contentsOf: root.appendingPathComponent("output/en/2022/bilateral-cooperation/mongolia/index.html"), encoding: .utf8)
        #expect(page.contains(#"<a href="../../annual-report-2022.pdf" type="application/pdf">The whole report as a PDF (PDF, 1\#u{A0}kB)</a>"#))
    }
}
