import Foundation
import Testing
import RapportCore
import RapportTestSupport

/// Random damage to the fixture site (front matter, bodies, templates, random bytes, truncation), built through
/// the whole pipeline for a bounded number of iterations. A crash ends the test process; a hang hits the time
/// limit (ten minutes: about two on a quiet two-core machine, over four when other builds share it); after each failed build the last good output must be byte for byte what it was.
@Suite("Fuzzing the whole build", .timeLimit(.minutes(10)))
struct FuzzTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repositoryRoot = TestFolders.repositoryRoot

    /// The fixture site as in-memory files: content from the fixture, templates and strings from the repository.
    static func pristine() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        func add(_ folder: URL, as prefix: String) {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                let relative = url.path.replacingOccurrences(of: folder.path + "/", with: "")
                files[prefix + relative] = Array(FileManager.default.contents(atPath: url.path)!)
            }
        }
        add(testsFolder.appendingPathComponent("RapportCoreTests/Fixtures/minimal-site/content"), as: "content/")
        add(repositoryRoot.appendingPathComponent("templates"), as: "templates/")
        add(repositoryRoot.appendingPathComponent("content/i18n"), as: "content/i18n/")
        return files
    }

    static let hostile: [String] = [
        "---", "\n---\n", "title: [", ": :", "a: &a [*a]", "b: &b [x, x]\nc: [*b, *b, *b]", "<!-- more -->",
        "\t", "[x](../../../../../etc/passwd.md)", "[y](#)", "![](x.png)", "{{", "{{/main}}", "{{#t.nope}}",
        "priority_areas: [99, -1, 3.5]", "country: ZZ", "slug: ../..", "key_data: 3", "region: [a]",
        "<script>alert(1)</script>", "[j](javascript:alert(1))", "\u{FEFF}", "\r\n", "é", "\u{0}",
        String(repeating: "[", count: 300), String(repeating: "> ", count: 300), "!!binary AAAA", "? complex\n: key",
    ]

    @Test("1,000 mutated sites built as the CLI builds them: no crash, no hang, last good output intact")
    func mutatedSites() throws {
        let pristine = Self.pristine()
        let paths = pristine.keys.filter { !$0.hasPrefix("templates/assets/") && !$0.hasPrefix("content/assets/") }.sorted()
        var random = SplitMix64(seed: 20_201_022)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("output")
        var lastGood: [String: Data]?
        var failures = 0, successes = 0

        for _ in 0..<1_000 {
            var files = pristine
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let path = paths.randomElement(using: &random)!
                files[path] = Self.mutate(files[path]!, using: &random)
            }
            let source = SiteSource(
                contentFiles: files.filter { $0.key.hasPrefix("content/") && !$0.key.hasPrefix("content/assets/") }.map { SourceFile(path: $0.key, bytes: $0.value) },
                templates: files.filter { $0.key.hasPrefix("templates/") && $0.key.hasSuffix(".mustache") }.map { SourceFile(path: $0.key, bytes: $0.value) },
                assets: files.filter { $0.key.hasPrefix("content/assets/") || $0.key.hasPrefix("templates/assets/") }
                    .sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, bytes: $0.value) })
            // The CLI's path: pages streamed into a staged sibling of a real output folder, swapped in on success.
            let staged = try StagedOutput(output: output)
            let outcome = SiteBuilder.build(source, output: staged)
            for diagnostic in outcome.diagnostics {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
                #expect(!diagnostic.message.isEmpty)
            }
            if outcome.succeeded {
                successes += 1
                try staged.commit()
                lastGood = try Self.snapshot(output)
            } else {
                failures += 1
                staged.discard()
                if let lastGood { #expect(try Self.snapshot(output) == lastGood) }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "output" && $0 != ".output.lock" } == [],
                    "no staging folder is left behind")
        }
        #expect(successes > 0 && failures > 0, "the mutations should both break and spare the site")
    }

    static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        switch Int.random(in: 0..<7, using: &random) {
        case 0 where !bytes.isEmpty:
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 1:
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 2, 3, 4:
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            let index = Int.random(in: 0..<max(lines.count, 1), using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where index < lines.count: lines.remove(at: index)
            case 1 where index < lines.count: lines.insert(lines[index], at: index)
            default: lines.insert(Array(hostile.randomElement(using: &random)!.utf8), at: min(index, lines.count))
            }
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 5:
            let at = Int.random(in: 0...bytes.count, using: &random)
            bytes.insert(contentsOf: Array(hostile.randomElement(using: &random)!.utf8), at: at)
        default:
            bytes = []
        }
        return bytes
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] { try TestFolders.snapshot(of: folder) }
}
