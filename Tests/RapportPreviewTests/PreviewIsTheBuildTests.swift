import Foundation
import RapportCore
import RapportTestSupport
@testable import RapportPreview
import Testing

/// The reproductions of issue 26 and the watcher's promises, through a real server on port 0: each ends by
/// comparing what is served with a full build of the files on disk.
extension PreviewTests {
    /// Every HTML, JSON and XML file of a full build (drafts included, the server's own base URL) of the root on
    /// disk, served byte for byte (with the reload script), and no page a full build does not make.
    static func expectServesFullBuild(_ preview: Running, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
        let full = SiteBuilder.build(SiteSource.read(root: preview.root),
                                     options: BuildOptions(baseURL: "http://127.0.0.1:\(preview.port)/", includeDrafts: true))
        #expect(full.succeeded, "\(what): the full build fails: \(full.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        for file in full.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".json") || file.path.hasSuffix(".xml") {
            let response = await preview.http.get("/" + file.path)
            let expected = file.path.hasSuffix(".html") ? LiveReload.inject(into: file.contents.bytes, errors: []) : file.contents.bytes
            #expect(response?.status == 200 && response.map { Array($0.body.utf8) } == expected,
                    "\(what): /\(file.path) is not what a full build gives", sourceLocation: sourceLocation)
        }
    }

    /// Waits for the reload event of the build that follows a change, and for the quiet after it.
    static func settle(_ events: EventStream) async {
        #expect(await events.next() == "reload")
        while await events.next(timeout: 1) != nil {}
    }

    @Test("budget_eur changed in French (the figures disagree: the build fails), then in English: the edition home's chart shows the new figure")
    func budgetInBothLanguages() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let fr = "content/2020/fr/countries/mongolie.md", en = "content/2020/en/countries/mongolia.md"
        let (frText, enText) = (try preview.read(fr), try preview.read(en))
        func withBudget(_ text: String, _ amount: String) -> String { text.replacingOccurrences(of: "country: MN\n", with: "country: MN\nbudget_eur: \(amount)\n") }
        try preview.write(fr, withBudget(frText, "1200000"))
        try preview.write(en, withBudget(enText, "1200000"))
        await Self.settle(events)
        let before = try #require(await preview.http.get("/fr/2020/"))
        #expect(before.body.contains("chart_budget") && !before.body.contains("rapport-overlay"))

        try preview.write(fr, withBudget(frText, "3400000"))
        await Self.settle(events)
        #expect(await preview.http.get("/fr/2020/")?.body.contains("rapport-overlay") == true, "the figures disagree: an error")
        try preview.write(en, withBudget(enText, "3400000"))
        await Self.settle(events)
        let after = try #require(await preview.http.get("/fr/2020/"))
        #expect(!after.body.contains("rapport-overlay"))
        #expect(after.body != before.body, "the chart follows the new budget")
        await Self.expectServesFullBuild(preview, "after the budget edits")
        await preview.stop()
    }

    @Test("a page created (in both languages) while the build fails is served, and in the table of contents, once the failure is fixed")
    func creationDuringFailure() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let original = try preview.read(Self.page)
        try preview.write(Self.page, original.replacingOccurrences(of: "priority_areas: [3, 5, 10, 17]", with: "priority_areas: [3, 5, 10, 42]"))
        await Self.settle(events)
        try preview.write("content/2020/fr/preface-bis.md", "---\ntitle: Deuxième préface\norder: 2\ntranslation_key: bis\n---\nTexte.\n")
        try preview.write("content/2020/en/preface-bis.md", "---\ntitle: Second foreword\norder: 2\ntranslation_key: bis\n---\nText.\n")
        await Self.settle(events)
        #expect(await preview.http.get("/fr/2020/preface-bis/")?.status == 404, "not served while the build fails")
        try preview.write(Self.page, original)
        await Self.settle(events)
        #expect(await preview.http.get("/fr/2020/preface-bis/")?.status == 200)
        #expect(await preview.http.get("/fr/2020/")?.body.contains("Deuxième préface") == true, "in the table of contents")
        await Self.expectServesFullBuild(preview, "after the fix")
        await preview.stop()
    }

    @Test("content/ removed and restored: still watched, later edits are seen")
    func contentRecreated() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let content = preview.root.appendingPathComponent("content"), away = preview.root.appendingPathComponent("content-away")
        try FileManager.default.moveItem(at: content, to: away)
        await Self.settle(events)
        try FileManager.default.moveItem(at: away, to: content)
        await Self.settle(events)
        try preview.write(Self.page, try preview.read(Self.page) + "\nUne phrase ajoutée après le retour.\n")
        await Self.settle(events)
        #expect(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie/")?.body.contains("Une phrase ajoutée après le retour.") == true)
        // A folder below, removed and made again with new files.
        let regional = content.appendingPathComponent("2022/fr/regional")
        let saved = try FileManager.default.contentsOfDirectory(atPath: regional.path).map { ($0, try Data(contentsOf: regional.appendingPathComponent($0))) }
        try FileManager.default.removeItem(at: regional)
        await Self.settle(events)
        try FileManager.default.createDirectory(at: regional, withIntermediateDirectories: false)
        for (name, data) in saved { try data.write(to: regional.appendingPathComponent(name)) }
        await Self.settle(events)
        let index = regional.appendingPathComponent("index.md")
        try (try String(contentsOf: index, encoding: .utf8) + "\nAjouté dans le dossier recréé.\n").write(to: index, atomically: false, encoding: .utf8)
        await Self.settle(events)
        await Self.expectServesFullBuild(preview, "after content/ came back")
        await preview.stop()
    }

    @Test("an editor's atomic save (temporary file renamed over the page) and its backup file behave as in a build")
    func atomicSaveAndBackup() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let page = preview.root.appendingPathComponent(Self.page)
        let temporary = page.deletingLastPathComponent().appendingPathComponent(".mongolie.md.tmp-4711")
        try (try preview.read(Self.page) + "\nSauvé par renommage.\n").write(to: temporary, atomically: false, encoding: .utf8)
        rename(temporary.path, page.path)
        await Self.settle(events)
        #expect(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie/")?.body.contains("Sauvé par renommage.") == true)
        await Self.expectServesFullBuild(preview, "after the atomic save")
        // A backup file beside it: what a build says of it, the preview says.
        try preview.write("content/2020/fr/countries/mongolie.md~", try preview.read(Self.page))
        await Self.settle(events)
        let full = SiteBuilder.build(SiteSource.read(root: preview.root), options: BuildOptions(includeDrafts: true))
        let served = try #require(await preview.http.get("/fr/2020/"))
        for error in full.diagnostics where error.severity == .error {
            #expect(served.body.contains(XML.escape("\(error.location.path):\(error.location.line):\(error.location.column): \(error.message)")), "the overlay shows \(error.description)")
        }
        #expect(full.succeeded == !served.body.contains("rapport-overlay"))
        await preview.stop()
    }

    @Test("a file that cannot be read is an error in the overlay, never a deletion")
    func unreadableIsAnError() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let page = preview.root.appendingPathComponent(Self.page)
        try FileManager.default.removeItem(at: page)
        #expect(mkfifo(page.path, 0o644) == 0)
        await Self.settle(events)
        let served = try #require(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie/"))
        #expect(served.status == 200, "the last good page stays")
        #expect(served.body.contains("rapport-overlay") && served.body.contains("content/2020/fr/countries/mongolie.md"))
        await preview.stop()
    }

    @Test("with --port 0, the site is built with the port the server got")
    func realPortInBaseURL() async throws {
        let preview = try await Running.start()
        let full = SiteBuilder.build(SiteSource.read(root: preview.root),
                                     options: BuildOptions(baseURL: "http://127.0.0.1:\(preview.port)/", includeDrafts: true))
        let sitemap = try #require(full.files.first { $0.path == "sitemap.xml" })
        #expect(await preview.http.get("/sitemap.xml").map { Array($0.body.utf8) } == sitemap.contents.bytes)
        #expect(await preview.http.get("/sitemap.xml")?.body.contains("127.0.0.1:\(preview.port)/") == true)
        await preview.stop()
    }

    @Test("an idle connection, and one that sends its request too slowly, are closed")
    func idleConnectionsTimeOut() async throws {
        let preview = try await Running.start(idleTimeout: .seconds(1))
        let port = preview.port
        let closed = await RawHTTP.blocking { () -> [Bool] in
            guard let idle = RawHTTP.connect(port: port), let slow = RawHTTP.connect(port: port) else { return [] }
            defer { close(idle); close(slow) }
            _ = RawHTTP.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n", on: slow)
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            var results: [Bool] = []
            for socket in [idle, slow] {
                setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var buffer = [UInt8](repeating: 0, count: 1024)
                // Closed by the server: recv gives 0 (end of stream) before the 5 s timeout.
                results.append(recv(socket, &buffer, buffer.count, 0) == 0)
            }
            return results
        }
        #expect(closed == [true, true])
        await preview.stop()
    }
}
