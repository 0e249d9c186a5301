import Foundation
import RapportCore
import RapportTestSupport
@testable import RapportPreview
import Testing

/// Storms of edits on a served site (seeded): pages, templates, interface strings and site.yaml written, created,
/// deleted and renamed on disk, valid and invalid, several at once. After each storm settles, what the preview
/// serves is byte for byte a full build of the same files (with the reload script), or, when the files are
/// invalid, the last good site with the overlay of the full build's errors.
extension PreviewTests {
    /// One change on disk; `breaks` when it makes the site invalid (it is undone by a later step).
    struct Edit {
        let describe: String
        let breaks: Bool
        let apply: (URL) throws -> Void
    }

    static func edits(step: Int, random: inout SplitMix64) -> [Edit] {
        let fr = "content/2020/fr/countries/mongolie.md", en = "content/2020/en/countries/mongolia.md"
        func append(_ path: String, _ text: String) -> (URL) throws -> Void {
            { root in
                let url = root.appendingPathComponent(path)
                try (try String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
            }
        }
        func replace(_ path: String, _ old: String, _ new: String) -> (URL) throws -> Void {
            { root in
                let url = root.appendingPathComponent(path)
                let text = try String(contentsOf: url, encoding: .utf8)
                guard let range = text.range(of: old) else { return }
                try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
            }
        }
        let extra = "content/2020/fr/countries/storm-\(step % 3).md"
        let choices: [Edit] = [
            Edit(describe: "body of \(fr)", breaks: false, apply: append(fr, "\nUn paragraphe de plus (\(step)).\n")),
            Edit(describe: "body of \(en)", breaks: false, apply: append(en, "\nOne more paragraph (\(step)).\n")),
            Edit(describe: "a bad key in \(fr)", breaks: true, apply: replace(fr, "country: MN\n", "country: MN\ncolour: [\n")),
            Edit(describe: "create \(extra)", breaks: false, apply: { root in
                try "---\ntitle: Pays \(step)\ncountry: \(["TD", "ML", "NE"][step % 3])\n---\nTexte \(step).\n".write(to: root.appendingPathComponent(extra), atomically: true, encoding: .utf8)
            }),
            Edit(describe: "delete \(extra)", breaks: false, apply: { root in try? FileManager.default.removeItem(at: root.appendingPathComponent(extra)) }),
            Edit(describe: "rename \(extra)", breaks: false, apply: { root in
                let from = root.appendingPathComponent(extra), to = root.appendingPathComponent("content/2020/fr/countries/storm-renamed-\(step).md")
                if FileManager.default.fileExists(atPath: from.path) { try? FileManager.default.moveItem(at: from, to: to) }
            }),
            Edit(describe: "a template", breaks: false, apply: replace("templates/region.mustache", "<h1>{{page.title}}</h1>", "<h1>{{page.title}}</h1>\n<!-- \(step) -->")),
            Edit(describe: "a broken template", breaks: true, apply: append("templates/page.mustache", "{{#page.title}}\n")),
            Edit(describe: "an interface string", breaks: false, apply: replace("content/i18n/fr.yaml", "read_more: ", "read_more: \(step) ")),
            Edit(describe: "a broken interface-string file", breaks: true, apply: append("content/i18n/en.yaml", "\n: : [\n")),
            Edit(describe: "site.yaml's title", breaks: false, apply: replace("content/site.yaml", "  fr: ", "  fr: \(step) ")),
            Edit(describe: "a broken site.yaml", breaks: true, apply: append("content/site.yaml", "\nunknown_key: 1\n")),
        ]
        return (0..<(1 + Int(random.next() % 3))).map { _ in choices[Int(random.next() % UInt64(choices.count))] }
    }

    /// The files of the site root that the storm may change, as they were before it: to undo a breaking edit.
    static let restorable = ["content/2020/fr/countries/mongolie.md", "templates/page.mustache", "content/i18n/en.yaml", "content/site.yaml"]

    @Test("40 storms of edits (seeded): after each settles, the preview serves what a full build gives", .timeLimit(.minutes(15)))
    func storms() async throws {
        let preview = try await Running.start()
        let events = try #require(EventStream(port: preview.port))
        #expect(await events.next() == "hello")
        var random = SplitMix64(seed: 2026_12_01)
        var pristine: [String: Data] = [:]
        for path in Self.restorable { pristine[path] = try Data(contentsOf: preview.root.appendingPathComponent(path)) }
        var lastGood: [String: [UInt8]] = [:]
        var applied = 0, broken = 0, checkedFiles = 0
        for step in 0..<40 {
            var edits = Self.edits(step: step, random: &random)
            // Half of the time, the breaking edits of earlier steps are undone.
            if random.next() % 2 == 0 {
                edits.append(Edit(describe: "undo", breaks: false, apply: { root in
                    for (path, data) in pristine where (try? Data(contentsOf: root.appendingPathComponent(path))) != data {
                        try data.write(to: root.appendingPathComponent(path))
                    }
                    let countries = root.appendingPathComponent("content/2020/fr/countries")
                    for name in try FileManager.default.contentsOfDirectory(atPath: countries.path) where name.hasPrefix("storm-") {
                        try FileManager.default.removeItem(at: countries.appendingPathComponent(name))
                    }
                }))
            }
            for edit in edits { try edit.apply(preview.root) }
            applied += edits.count
            // Settled: a reload event, then a quiet moment with none.
            while await events.next(timeout: 1) != nil {}
            // The preview builds with its own address as base URL (the port the server got).
            let full = SiteBuilder.build(SiteSource.read(root: preview.root), options: BuildOptions(baseURL: "http://127.0.0.1:\(preview.port)/", includeDrafts: true))
            let errors = full.diagnostics.filter { $0.severity == .error }
            if full.succeeded {
                lastGood = Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, $0.contents.bytes) })
            } else {
                broken += 1
            }
            guard !lastGood.isEmpty else { continue }
            // On a loaded machine a rebuild can start after the quiet second: a difference only counts when no
            // reload follows it within 30 seconds (a stale page with no rebuild coming is the failure).
            var differing = await Self.differences(preview, lastGood, errors)
            while !differing.isEmpty, await events.next(timeout: 30) == "reload" {
                while await events.next(timeout: 1) != nil {}
                differing = await Self.differences(preview, lastGood, errors)
            }
            #expect(differing.isEmpty, "step \(step) (\(edits.map(\.describe))): \(differing) not what a full build gives")
            checkedFiles += lastGood.keys.filter(Self.compared).count
        }
        print("storms: 40 storms, \(applied) edits applied, \(broken) left the site invalid, \(checkedFiles) served files compared")
        #expect(broken > 3 && broken < 37, "the storms must both break and mend the site: \(broken) broken")
        await preview.stop()
    }

    static func compared(_ path: String) -> Bool { path.hasSuffix(".html") || path.hasSuffix(".json") || path.hasSuffix(".xml") }

    /// The served paths whose bytes are not the full build's.
    static func differences(_ preview: Running, _ built: [String: [UInt8]], _ errors: [Diagnostic]) async -> [String] {
        var differing: [String] = []
        for (path, bytes) in built.sorted(by: { $0.key < $1.key }) where compared(path) {
            let response = await preview.http.get("/" + path)
            let expected = path.hasSuffix(".html") ? LiveReload.inject(into: bytes, errors: errors) : bytes
            if !(response?.status == 200 && response.map { Array($0.body.utf8) } == expected) { differing.append("/" + path) }
        }
        return differing
    }
}
