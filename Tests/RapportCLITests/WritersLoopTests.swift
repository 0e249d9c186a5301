import Foundation
import RapportTestSupport
import Testing

/// French front matter and drafts as a writer meets them, through the real executable on a copy of the repository's
/// report: one front-matter line reader for the build, `translations --accept` and `new-edition`; stale translations
/// of drafts under `check --drafts`; a new edition's home titled with its year.
@Suite("The writer's loop")
struct WritersLoopTests {
    let cli = CommandLineTests()

    func text(_ root: URL, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    func write(_ root: URL, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    static let french = "content/2022/fr/index.md", english = "content/2022/en/index.md"

    @Test("a page that builds passes --accept and new-edition: French lines quoted, a BOM and CRLF, CR alone, fences with spaces")
    func oneReader() throws {
        let root = try cli.siteCopy()
        defer { TestFolders.remove(root) }
        // The French home: BOM, CRLF, a fence with a tab after it, the tricky lines quoted as the messages say.
        let frenchBody = try text(root, Self.french).components(separatedBy: "---\n").last!
        try write(root, Self.french, "\u{FEFF}---\t\r\ntitle: \"Rapport annuel 2022 : priorité #1\"\r\n"
                  + "summary: 'L’action de 2022 : bilan, #2'\r\n---\r\n" + frenchBody.replacingOccurrences(of: "\n", with: "\r\n"))
        // The English home: CR alone, a fence with spaces, a comment line after its digest.
        let english = try text(root, Self.english)
        let digest = try #require(english.components(separatedBy: "\n").first { $0.hasPrefix("source_digest: ") })
        let englishBody = english.components(separatedBy: "---\n").last!
        let before = "---  \rtitle: \"Annual report 2022: priority #1\"\rsummary: 'The work of 2022: a review'\r"
            + "\(digest)\r# relu en mars : ok\r---\r" + englishBody.replacingOccurrences(of: "\n", with: "\r")
        try write(root, Self.english, before)

        let check = try cli.rapport(["check"], in: root)
        #expect(check.status == 0)
        #expect(check.stderr == "\(Self.english):4:16: warning: the French page changed since this translation was made: review it, then run rapport translations --accept \(Self.english)\n")

        let accepted = try cli.rapport(["translations", "--accept", Self.english], in: root)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout == "accepted \(Self.english)\n")
        let after = try text(root, Self.english)
        #expect(after.hasPrefix("---  \rtitle: \"Annual report 2022: priority #1\"\rsummary: 'The work of 2022: a review'\rsource_digest: "))
        #expect(after.components(separatedBy: "\r").count == before.components(separatedBy: "\r").count)
        #expect(after.contains("\r# relu en mars : ok\r---\r") && !after.contains("\n"), "the one line replaced, its CR kept")
        let strict = try cli.rapport(["check", "--strict"], in: root)
        #expect(strict.status == 0 && strict.stderr == "", "\(strict.stderr)")

        let created = try cli.rapport(["new-edition", "2023", "--from", "2022"], in: root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("""
            retitled content/2023/en/index.md: "Annual report 2022: priority #1" → "Annual report 2023: priority #1"
            retitled content/2023/fr/index.md: "Rapport annuel 2022 : priorité #1" → "Rapport annuel 2023 : priorité #1"
            Created the edition 2023 from 2022:
            """))
        let frenchCopy = try text(root, "content/2023/fr/index.md")
        #expect(frenchCopy.hasPrefix("\u{FEFF}---\t\r\ntitle: \"Rapport annuel 2023 : priorité #1\"\r\nsummary: 'L’action de 2022 : bilan, #2'\r\ndraft: true\r\n---\r\n"))
        let englishCopy = try text(root, "content/2023/en/index.md")
        #expect(englishCopy.hasPrefix("---  \rtitle: \"Annual report 2023: priority #1\"\rsummary: 'The work of 2022: a review'\rsource_digest: "))
        #expect(englishCopy.contains("\rdraft: true\r---\r"))
        let status = try cli.rapport(["translations"], in: root)
        #expect(status.stdout.contains("up to date  content/2023/fr/index.md → content/2023/en/index.md\n"), "\(status.stdout)")
        let drafts = try cli.rapport(["check", "--drafts", "--strict"], in: root)
        #expect(drafts.status == 0 && drafts.stderr == "", "\(drafts.stderr)")
    }

    @Test("check --drafts warns about a draft's stale translation; check alone, which leaves drafts out, does not")
    func staleDraftTranslation() throws {
        let root = try cli.siteCopy()
        defer { TestFolders.remove(root) }
        #expect(try cli.rapport(["new-edition", "2023", "--from", "2022"], in: root).status == 0)
        let french = "content/2023/fr/countries/mongolie.md", english = "content/2023/en/countries/mongolia.md"
        try write(root, french, try text(root, french) + "\nUne phrase de plus.\n")
        let plain = try cli.rapport(["check", "--strict"], in: root)
        #expect(plain.status == 0 && plain.stderr == "", "\(plain.stderr)")
        let line = try text(root, english).components(separatedBy: "\n").firstIndex { $0.hasPrefix("source_digest:") }.map { $0 + 1 }
        let drafts = try cli.rapport(["check", "--drafts"], in: root)
        #expect(drafts.status == 0)
        #expect(drafts.stderr == "\(english):\(line ?? 0):16: warning: the French page changed since this translation was made: review it, then run rapport translations --accept \(english)\n")
        #expect(try cli.rapport(["check", "--drafts", "--strict"], in: root).status != 0)
    }

    @Test("check names a French colon and a cut title at their places, with what to type")
    func frenchLines() throws {
        let root = try cli.siteCopy()
        defer { TestFolders.remove(root) }
        try write(root, Self.french, "---\ntitle: Rapport annuel 2022, priorité #1\nsummary: Ukraine : l’aide d’urgence\n---\nTexte.\n")
        let check = try cli.rapport(["check"], in: root)
        #expect(check.status != 0)
        #expect(check.stderr.hasPrefix("""
            \(Self.french):2:38: warning: the text stops here: what follows '#' is a YAML comment; put the whole text in double quotes to keep it
            \(Self.french):3:18: error: this ':' would start a new key (in front matter, a colon followed by a space ends a key's name): put the text in double quotes: summary: "Ukraine : l’aide d’urgence"

            """), "\(check.stderr)")
    }
}
