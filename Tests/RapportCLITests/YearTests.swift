import Foundation
import RapportTestSupport
import Testing

/// The report's year, as a team walks it, through the real executable on a copy of the repository's report:
/// a new edition from the last one, the site unchanged while it is all drafts, one page published, a French edit
/// that the translation status notices, and the translation accepted.
@Suite("The report's year")
struct YearTests {
    let cli = CommandLineTests()

    func output(_ root: URL) throws -> [String: Data] { try TestFolders.snapshot(of: root.appendingPathComponent("output")) }

    func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ root: URL, _ path: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    @Test("new-edition 2023 --from 2022, then publish, edit, check and accept")
    func walkTheYear() throws {
        let root = try cli.siteCopy()
        defer { TestFolders.remove(root) }
        #expect(try cli.rapport(["build"], in: root).status == 0)
        let before = try output(root)

        // 1. The new edition: every page a draft, achievements emptied, data sets copied.
        let created = try cli.rapport(["new-edition", "2023", "--from", "2022"], in: root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created content/2023/fr/index.md\n"))
        #expect(created.stdout.contains("created content/2023/data/oda-by-year.csv\n"))
        #expect(created.stdout.hasSuffix("Created the edition 2023 from 2022: 22 pages, all drafts, and 4 data files.\n"))
        let mongolia = try text(root, "content/2023/fr/countries/mongolie.md")
        #expect(mongolia.contains("\ndraft: true\n---\n"))
        #expect(try text(root, "content/2023/data/oda-by-year.csv") == text(root, "content/2022/data/oda-by-year.csv"))
        // Refused a second time, nothing touched.
        let again = try cli.rapport(["new-edition", "2023", "--from", "2022"], in: root)
        #expect(again.status != 0)
        #expect(again.stderr == "content/2023:1:1: error: the edition exists already at content/2023: new-edition never overwrites one\n")
        #expect(try text(root, "content/2023/fr/countries/mongolie.md") == mongolia)

        // 2. All drafts: the built site is the one before, byte for byte; every translation starts up to date.
        #expect(try cli.rapport(["build", "--strict"], in: root).status == 0)
        #expect(try output(root) == before)
        let status = try cli.rapport(["translations"], in: root)
        #expect(status.stdout.contains("up to date  content/2023/fr/index.md → content/2023/en/index.md\n"))
        #expect(!status.stdout.contains("source changed  "))

        // 3. The edition's home published in both languages (its link to a country still a draft taken out, or the
        // build would stop at it): it appears, with its lists, and no other 2023 page.
        for (language, link, name) in [("fr", "[Mongolie](countries/mongolie.md)", "Mongolie"), ("en", "[Mongolia](countries/mongolia.md)", "Mongolia")] {
            let path = "content/2023/\(language)/index.md"
            let page = try text(root, path)
            #expect(page.contains(link))
            try write(root, path, page.replacingOccurrences(of: "draft: true\n", with: "").replacingOccurrences(of: link, with: name))
        }
        let linked = try cli.rapport(["check"], in: root)
        #expect(linked.status == 0 && !linked.stderr.contains("error:"), "\(linked.stderr)")
        let published = try cli.rapport(["build"], in: root)
        #expect(published.status == 0, "\(published.stderr)")
        let after = try output(root)
        let new = Set(after.keys).subtracting(before.keys).filter { $0.contains("2023") }
        #expect(new == ["/fr/2023/index.html", "/en/2023/index.html", "/fr/2023/key-data/index.html", "/en/2023/key-data/index.html",
                        "/fr/2023/print/index.html", "/en/2023/print/index.html", "/data/2023/oda-by-year.csv", "/data/2023/oda-by-ministry.csv"])
        let home = String(decoding: after["/fr/2023/index.html"]!, as: UTF8.self)
        #expect(!home.contains("mongolie/\""), "the drafts stay out of its table of contents")
        #expect(home.contains("<h2 id=\"contents-title\">Sommaire</h2>"))
        #expect(String(decoding: after["/fr/2022/index.html"]!, as: UTF8.self).contains("Rapport annuel 2023"), "the navigation lists it")

        // 4. The French home changes: check warns at the English page's source_digest line.
        let french = "content/2023/fr/index.md", english = "content/2023/en/index.md"
        try write(root, french, try text(root, french) + "\nUne phrase de plus.\n")
        let check = try cli.rapport(["check"], in: root)
        #expect(check.status == 0)
        let line = try text(root, english).components(separatedBy: "\n").firstIndex { $0.hasPrefix("source_digest:") }.map { $0 + 1 }
        #expect(check.stderr == "\(english):\(line ?? 0):16: warning: the French page changed since this translation was made: review it, then run rapport translations --accept \(english)\n")
        let json = try cli.rapport(["translations", "--format", "json"], in: root)
        #expect(json.stdout.contains("\"source\" : \"content/2023/fr/index.md\",\n    \"state\" : \"source changed\",\n    \"translation\" : \"content/2023/en/index.md\""))

        // 5. Accepted: the warning goes, and the file differs by that one line.
        let old = try text(root, english)
        let accepted = try cli.rapport(["translations", "--accept", english], in: root)
        #expect(accepted.status == 0)
        #expect(accepted.stdout == "accepted \(english)\n")
        let new5 = try text(root, english)
        let differing = zip(old.components(separatedBy: "\n"), new5.components(separatedBy: "\n")).filter { $0 != $1 }
        #expect(differing.count == 1 && differing.first?.0.hasPrefix("source_digest: ") == true)
        #expect(old.components(separatedBy: "\n").count == new5.components(separatedBy: "\n").count)
        #expect(try cli.rapport(["check", "--strict"], in: root).stderr == "")
    }

    @Test("--accept refuses what is not a translation, naming why")
    func acceptRefuses() throws {
        let root = try cli.siteCopy()
        defer { TestFolders.remove(root) }
        let run = try cli.rapport(["translations", "--accept", "content/2020/fr/index.md", "content/2020/en/nowhere.md"], in: root)
        #expect(run.status != 0)
        #expect(run.stderr == """
            content/2020/fr/index.md:1:1: error: cannot accept content/2020/fr/index.md as a translation: it is in the default language 'fr': translations record their source
            content/2020/en/nowhere.md:1:1: error: cannot accept content/2020/en/nowhere.md as a translation: it is not a page of this site

            """)
    }

    @Test("shell completion scripts name the new commands")
    func completion() throws {
        let root = TestFolders.temporary()
        defer { TestFolders.remove(root) }
        for shell in ["bash", "zsh", "fish"] {
            let run = try cli.rapport(["--generate-completion-script", shell], in: root)
            #expect(run.status == 0)
            #expect(run.stdout.contains("new-edition") && run.stdout.contains("translations"), "\(shell)")
        }
    }
}
