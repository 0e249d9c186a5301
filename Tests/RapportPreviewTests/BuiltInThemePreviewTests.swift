import Foundation
import RapportCore
import RapportTestSupport
@testable import RapportPreview
import Testing

/// The preview with the built-in theme: a site without `templates/`, then an override added and removed while served.
extension PreviewTests {
    @Test("served without templates/: the built-in theme; an override saved is used, and removed, the built-in file is back", .timeLimit(.minutes(3)))
    func builtInThemeWhileServing() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        let builtIn = String(decoding: try #require(ThemeFiles.builtIn.bytes(of: "assets/rapport.css")), as: UTF8.self)

        try FileManager.default.removeItem(at: preview.root.appendingPathComponent("templates"))
        while await events.next(timeout: 2) != nil {}
        #expect(await preview.http.get("/fr/")?.status == 200)
        #expect(await preview.http.get("/assets/rapport.css")?.body == builtIn)

        try FileManager.default.createDirectory(at: preview.root.appendingPathComponent("templates/assets"), withIntermediateDirectories: true)
        try preview.write("templates/assets/rapport.css", "/* ours */\n")
        while await events.next(timeout: 2) != nil {}
        #expect(await preview.http.get("/assets/rapport.css")?.body == "/* ours */\n")

        try FileManager.default.removeItem(at: preview.root.appendingPathComponent("templates/assets/rapport.css"))
        while await events.next(timeout: 2) != nil {}
        #expect(await preview.http.get("/assets/rapport.css")?.body == builtIn)
        await preview.stop()
    }
}
