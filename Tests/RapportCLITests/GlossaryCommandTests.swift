import Foundation
import RapportTestSupport
import Testing

/// `rapport glossary`: the words of the bodies that look like abbreviations and are not in the glossary, run as
/// a process on a copy of the repository's site.
@Suite("rapport glossary")
struct GlossaryCommandTests {
    let cli = CommandLineTests()

    /// A copy of the repository's site with one more French page, whose body is `body`.
    func siteWithPage(_ body: String) throws -> URL {
        let root = try TestFolders.copyOfRepositorySite("rapport-glossary")
        try "---\ntitle: Essai\n---\n\(body)".write(to: root.appendingPathComponent("content/pages/fr/essai.md"), atomically: true, encoding: .utf8)
        return root
    }

    @Test("each word once, where it is first used (PATH:LINE:COL), with its count; not in code, comments or URLs; exit 0")
    func listsWords() throws {
        let root = try siteWithPage("Le PNUD agit.\n\nPuis le PNUD, `XYZW` et <!-- ABCD -->, https://exemple.org/QRST et [lien](https://exemple.org/UVWX).\n\n```\nCODE\n```\n")
        defer { TestFolders.remove(root) }
        let run = try cli.rapport(["glossary", "--root", root.path], in: root)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("content/pages/fr/essai.md:4:4: PNUD (fr, used 2 times) is not in content/glossary.yaml"))
        for hidden in ["XYZW", "ABCD", "QRST", "UVWX", "CODE"] { #expect(!run.stdout.contains(hidden), "\(hidden)") }
        // The repository's own glossary holds the report's main abbreviations.
        for defined in ["APD (fr,", "ODA (en,", "FNUAP (fr,", "UNFPA (en,", "BIT (fr,", "ILO (en,", "ONG (fr,", "NGO (en,"] {
            #expect(!run.stdout.contains(": " + defined), "\(defined)")
        }
        #expect(lines.last?.hasSuffix("to add to content/glossary.yaml or to leave as they are (fr: \(lines.filter { $0.contains(" (fr, ") }.count), en: \(lines.filter { $0.contains(" (en, ") }.count)).") == true)
    }

    @Test("--format json: one object per word, with its language, place and count")
    func json() throws {
        let root = try siteWithPage("Le PNUD agit.\n")
        defer { TestFolders.remove(root) }
        let run = try cli.rapport(["glossary", "--root", root.path, "--format", "json"], in: root)
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first { $0["word"] as? String == "PNUD" })
        #expect(row["language"] as? String == "fr" && row["path"] as? String == "content/pages/fr/essai.md")
        #expect(row["line"] as? Int == 4 && row["column"] as? Int == 4 && row["uses"] as? Int == 1)
    }

    @Test("a glossary with a problem: the problem on stderr, the list still given, exit 0")
    func brokenGlossary() throws {
        let root = try siteWithPage("Le PNUD agit.\n")
        defer { TestFolders.remove(root) }
        try "- key: oda\n  fr: {term: APD, expansion: aide publique au développement}\n".write(to: root.appendingPathComponent("content/glossary.yaml"), atomically: true, encoding: .utf8)
        let run = try cli.rapport(["glossary", "--root", root.path], in: root)
        #expect(run.status == 0)
        #expect(run.stderr == "content/glossary.yaml:1:3: error: the glossary entry 'oda' has no 'en' text: every entry gives every language of the site; add 'en: {term: …, expansion: …}'\n")
        #expect(run.stdout.contains(": APD (fr, used "))
    }
}
