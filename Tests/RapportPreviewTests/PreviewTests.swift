import Foundation
import Hummingbird
import Logging
import RapportCore
import RapportTestSupport
@testable import RapportPreview
import ServiceLifecycle
import Testing

/// The preview server started in-process on port 0, over real HTTP (plain sockets).
@Suite("rapport serve", .serialized)
struct PreviewTests {
    /// A running preview of a copy of the repository's report.
    struct Running {
        let root: URL
        let port: Int
        let group: ServiceGroup
        let task: Task<Void, Error>
        var http: RawHTTP { RawHTTP(port: port) }

        static func start(idleTimeout: Duration = .seconds(30)) async throws -> Running {
            let root = try TestFolders.copyOfRepositorySite("rapport-preview")
            let server = PreviewServer(root: root, port: 0, idleTimeout: idleTimeout) { _ in }
            let site = server.makeSite()
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let app = server.makeApplication(site: site) { continuation.yield($0) }
            let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "test"))
            let task = Task { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            return Running(root: root, port: port, group: group, task: task)
        }

        func write(_ relative: String, _ text: String) throws {
            try text.write(to: root.appendingPathComponent(relative), atomically: true, encoding: .utf8)
        }

        func read(_ relative: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
        }

        func stop() async {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
            try? FileManager.default.removeItem(at: root)
        }
    }

    static let page = "content/2020/fr/countries/mongolie.md"

    @Test("serves a country page with its charset, validator and the reload script")
    func servesPages() async throws {
        let preview = try await Running.start()
        let response = try #require(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie/"))
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        #expect(response.body.contains("<h1>Mongolie</h1>"))
        #expect(response.body.contains("<script src=\"/__rapport/live.js\"></script>\n</body>"))
        let etag = try #require(response.headers["etag"])
        #expect(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie/", headers: ["If-None-Match": etag])?.status == 304)
        #expect(await preview.http.get("/assets/rapport.css")?.headers["content-type"] == "text/css; charset=utf-8")
        #expect(await preview.http.get("/sitemap.xml")?.headers["content-type"] == "application/xml; charset=utf-8")
        let redirect = try #require(await preview.http.get("/fr/2020"))
        #expect(redirect.status == 301 && redirect.headers["location"] == "/fr/2020/")
        let missing = try #require(await preview.http.get("/en/no-such-page/"))
        #expect(missing.status == 404)
        #expect(missing.body.contains("<html lang=\"en\">") && missing.body.contains("Page not found"))
        #expect(await preview.http.get("/nowhere")?.body.contains("<html lang=\"fr\">") == true)
        await preview.stop()
    }

    @Test("a new edition made while serving shows at once, every page marked as a draft")
    func newEditionShowsAtOnce() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        // What `rapport new-edition 2023 --from 2022` does: the planned files into a staging folder, moved into place.
        let source = SiteSource.read(root: preview.root)
        let files = try NewEdition.plan(year: "2023", from: "2022", files: source.contentFiles, languages: ["fr", "en"], defaultLanguage: "fr").get()
        let staging = preview.root.appendingPathComponent("content/.new-edition-2023-test")
        for file in files {
            let url = staging.appendingPathComponent(String(file.path.dropFirst("content/2023/".count)))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.read() ?? []).write(to: url)
        }
        try FileManager.default.moveItem(at: staging, to: preview.root.appendingPathComponent("content/2023"))
        #expect(await events.next() == "reload")
        let home = try #require(await preview.http.get("/fr/2023/"))
        #expect(home.status == 200)
        #expect(home.body.contains("<p class=\"draft-banner\" role=\"note\">"))
        #expect(home.body.contains("Brouillon"))
        let country = try #require(await preview.http.get("/en/2023/bilateral-cooperation/mongolia/"))
        #expect(country.body.contains("Draft: this page is not published yet"))
        #expect(!(await preview.http.get("/fr/2022/")?.body.contains("draft-banner") ?? true), "the published edition is not marked")
        await preview.stop()
    }

    @Test("an edit sends a reload event and the new text; a bad edit shows the overlay over the last good page; a fix removes it")
    func liveReload() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")

        let original = try preview.read(Self.page)
        try preview.write(Self.page, original.replacingOccurrences(of: "Les maladies cardiovasculaires restent", with: "Les affections cardiovasculaires restent"))
        #expect(await events.next() == "reload")
        let edited = try #require(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie/"))
        #expect(edited.body.contains("Les affections cardiovasculaires restent"))
        #expect(!edited.body.contains("rapport-overlay"))

        try preview.write(Self.page, original.replacingOccurrences(of: "priority_areas: [3, 5, 10, 17]", with: "priority_areas: [3, 5, 10, 42]"))
        #expect(await events.next() == "reload")
        let broken = try #require(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie/"))
        #expect(broken.status == 200)
        #expect(broken.body.contains("Les affections cardiovasculaires restent"), "the last good page stays served")
        #expect(broken.body.contains("id=\"rapport-overlay\""))
        #expect(broken.body.contains("<li>content/2020/fr/countries/mongolie.md:14:28: 42 is not a Sustainable Development Goal (1 to 17)</li>"))
        #expect(await preview.http.get("/en/2020/")?.body.contains("rapport-overlay") == true, "every page shows it")

        try preview.write(Self.page, original)
        #expect(await events.next() == "reload")
        let fixed = try #require(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie/"))
        #expect(!fixed.body.contains("rapport-overlay"))
        #expect(fixed.body.contains("Les maladies cardiovasculaires restent"))
        await preview.stop()
    }

    @Test("a broken template keeps the last good site with the overlay at the template's line; the fix brings the new one")
    func templateError() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let base = try preview.read("templates/base.mustache")
        try preview.write("templates/base.mustache", base.replacingOccurrences(of: "{{/chrome.description}}", with: "{{/chrome.canonical}}"))
        #expect(await events.next() == "reload")
        let broken = try #require(await preview.http.get("/fr/2020/"))
        #expect(broken.status == 200 && broken.body.contains("<h1>Rapport annuel 2020</h1>"))
        #expect(broken.body.contains("<li>templates/base.mustache:9:"))
        try preview.write("templates/base.mustache", base.replacingOccurrences(of: "<main id=\"content\"", with: "<main data-preview=\"1\" id=\"content\""))
        #expect(await events.next() == "reload")
        let fixed = try #require(await preview.http.get("/fr/2020/"))
        #expect(!fixed.body.contains("rapport-overlay") && fixed.body.contains("<main data-preview=\"1\""))
        await preview.stop()
    }

    @Test("a changed slug moves the page: no stale route")
    func slugChange() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let original = try preview.read(Self.page)
        try preview.write(Self.page, original.replacingOccurrences(of: "translation_key: mongolia", with: "translation_key: mongolia\nslug: mongolie-bis"))
        #expect(await events.next() == "reload")
        #expect(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie-bis/")?.status == 200)
        #expect(await preview.http.get("/fr/2020/cooperation-bilaterale/mongolie/")?.status == 404)
        let english = try #require(await preview.http.get("/en/2020/bilateral-cooperation/mongolia/"))
        #expect(english.body.contains("href=\"../../../../fr/2020/cooperation-bilaterale/mongolie-bis/\""), "the translation's switcher follows")
        await preview.stop()
    }

    @Test("nothing outside the built site is served: traversal in any encoding, symbolic links, absolute paths")
    func containment() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let secret = preview.root.deletingLastPathComponent().appendingPathComponent("rapport-secret-\(UUID().uuidString).txt")
        try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        try FileManager.default.createDirectory(at: preview.root.appendingPathComponent("content/assets"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: preview.root.appendingPathComponent("content/assets/leak.txt").path,
                                                   withDestinationPath: secret.path)
        #expect(await events.next() == "reload")
        let attempts = [
            "/assets/leak.txt", "/../\(secret.lastPathComponent)", "/%2e%2e/\(secret.lastPathComponent)",
            "/%2E%2E%2F\(secret.lastPathComponent)", "/%252e%252e/\(secret.lastPathComponent)", "/..%2f..%2fetc/passwd",
            "/fr/..%5c..%5c\(secret.lastPathComponent)", "//etc/passwd", "/assets/../../../etc/passwd",
            "\(secret.path)", "/etc/passwd", "/%00/etc/passwd", "/content/site.yaml", "/templates/base.mustache",
        ]
        for path in attempts {
            let response = await preview.http.get(path)
            #expect(response?.status != 200, "\(path)")
            #expect(response?.body.contains("TOP-SECRET") != true, "\(path)")
            #expect(response?.body.contains("root:x:") != true, "\(path)")
        }
        await preview.stop()
    }

    @Test("the preview answers only to its own name: another Host (DNS rebinding) gets 403")
    func hostNames() async throws {
        let preview = try await Running.start()
        let port = preview.port
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
            #expect(await preview.http.get("/", host: host)?.status == 200, "\(host)")
        }
        for host in ["evil.example:\(port)", "127.0.0.1", "127.0.0.1:\(port + 1)", "localhost.evil.example:\(port)", "", "10.0.0.1:\(port)"] {
            let response = await preview.http.get("/fr/2020/", host: host)
            #expect(response?.status == 403, "\(host)")
            #expect(response?.body.contains("Mongolie") != true)
        }
        await preview.stop()
    }

    @Test("graceful shutdown ends open event streams at once")
    func shutdown() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let started = ContinuousClock.now
        await preview.group.triggerGracefulShutdown()
        #expect(await events.closes(within: 2))
        _ = try? await preview.task.value
        #expect(ContinuousClock.now - started < .seconds(1))
        try? FileManager.default.removeItem(at: preview.root)
    }
}
