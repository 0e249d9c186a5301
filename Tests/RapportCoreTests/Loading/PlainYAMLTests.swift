import Foundation
import RapportTestSupport
import Testing
import Yams
@testable import RapportCore

/// `PlainYAML` against its judge: whatever it reads, Yams must read to the same tree — every string, style, line
/// and column — and what it leaves, Yams reads as before.
@Suite("Plain YAML, held to Yams")
struct PlainYAMLTests {
    /// Yams' tree in the readers' form; `nil` when Yams finds no node or an error.
    static func yams(_ yaml: String) -> YAMLNode? {
        (try? YAMLFields.composedByYams(yaml)).flatMap { $0.map(YAMLNode.init) }
    }

    static let inSubset: [String] = [
        """
        title: "Kerooria: 2023 cooperation report"
        country: MD
        summary: "2023 review: basic education, with commitments of EUR 41.1 million."
        key_data:
          population_millions: 20.2
          hdi_rank: 7
          cooperation_programme: "\\"Team Europe\\" Programme 2021-2025"
        priority_areas: [3, 5]
        achievements:
          - "16,212 kilometres of drinking-water network laid"
          - 2,154 health centres rehabilitated
        budget_eur: 41093000

        """,
        "title: Mongolie\nsummary: Depuis 2001, le Luxembourg aide la Mongolie à combattre l’infection ; en 2020 aussi.\nkey_data:\n  cooperation_programme: null\n  year: ~\n",
        "achievements:\n- a\n- 'b'\nbudget_eur: 1\n",
        "# a comment first\n\ntitle: x # trailing\n  # indented comment\nsummary: 'it''s' # c\n",
        "title: a [b], {c} \"d\" 'e' \\ f:g #h\nslug: x#y\n",
        "title:    value   \nsummary:\"x\"\n".replacingOccurrences(of: "summary:\"x\"", with: "summary: \"x\"   "),
        "tags: [ \"a, b\" , 'c' ,d e, -1 ]\nnone: []\nspaced: [ ]\n",
        "x: [é, 🌍, z]\ny: « Œuvre » 🌍 é\n",
        "a:\n  b:\n    - x\n    - y\n  c: 1\nd: 2\n",
        "a:\n    deep: 1\n    deeper:\n    - 1\n    other: 2\nb: 3",
        "nav.home: Accueil\nkey-2: v\n_x: 1\n",
        "quoted: \"\\\"Q\\\" \\\\ \\/ \\n \\t end\"\nsingle: 'a \"b\" \\n'\nempty: \"\"\nalso: ''\n",
        "n: -5\nm: -x\nfloat: -3.25\nyes: yes\n",
        "list:\n  -   spaced item\n  - \"q\"   # comment\n",
    ]

    @Test("front-matter shapes are read, to Yams' tree", arguments: inSubset)
    func readsTheSubset(_ yaml: String) throws {
        let ours = try #require(PlainYAML.read(yaml), "outside the subset:\n\(yaml)")
        #expect(ours == Self.yams(yaml), "\(yaml)")
    }

    static let outsideSubset: [String] = [
        "title:\tx\n", "title: |\n  text\n", "title: >-\n  text\n", "a: &a x\nb: *a\n", "a: !!str 5\n", "a: {b: 1}\n",
        "title: first\n  continued\n", "title: \"open\n  closed\"\n", "title:\n", "title:\nnext: 1\n", "a: 1\na: 2\n",
        "? complex\n: key\n", "title: value: more\n", "- top\n- level\n", "\"quoted key\": v\n", "a: \"\\x41\"\n",
        "a: \"\\u00e9\"\n", "a: [1, 2,]\n", "  indented: 1\n", "key:value\n", "a: 1\r\nb: 2\r\n", "a: 1\n...\n", "%YAML 1.1\n",
        "a: \u{FEFF}x\n", "a: x\u{85}y\n", "a: x\u{2028}y\n", "list:\n  - a: 1\n", "a: [[1]]\n", "a: [b: c]\n", "# only a comment\n", "",
        "a: 'open\n", "a: \"x\" y\n", "a: \"x\"# no space\n", "a:\n  - x\n   - y\n", "a:\n  b: 1\n c: 2\n", "a: x:\n", "a: @x\n",
        "a: `x`\n", "a: %x\n", "a: x\u{7F}\n", "list:\n  -\n  - x\n", "a: - x\n", "a: [x\n", "a: [x] y\n",
    ]

    @Test("other YAML is left to Yams", arguments: outsideSubset)
    func leavesTheRest(_ yaml: String) {
        #expect(PlainYAML.read(yaml) == nil)
    }

    @Test("every front matter of the repository's report, and of a generated report, reads as Yams reads it")
    func realFrontMatter() throws {
        let generated = try Self.generatedCorpus()
        defer { try? FileManager.default.removeItem(at: generated) }
        var read = 0
        for (root, mustRead) in [(TestFolders.repositoryRoot.appendingPathComponent("content"), false), (generated, true)] {
            for yaml in try Self.frontMatters(under: root) {
                let ours = PlainYAML.read(yaml)
                if mustRead { #expect(ours != nil, "a generated page outside the subset:\n\(yaml)") }
                guard let ours else { continue }
                read += 1
                #expect(ours == Self.yams(yaml), "\(yaml)")
            }
        }
        #expect(read > 120)
    }

    @Test("50,000 damaged front matters: whatever the plain reader reads, Yams reads to the same tree")
    func damagedFrontMatter() throws {
        let seeds = try Self.inSubset + Self.frontMatters(under: TestFolders.repositoryRoot.appendingPathComponent("content"))
        var random = SplitMix64(seed: 2_026_12_02)
        var read = 0, mismatches = 0
        for _ in 0..<50_000 where mismatches < 5 {
            var yaml = seeds.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...3, using: &random) { yaml = Self.damage(yaml, using: &random) }
            guard let ours = PlainYAML.read(yaml) else { continue }
            read += 1
            let theirs = Self.yams(yaml)
            if ours != theirs { mismatches += 1 }
            #expect(ours == theirs, "\(yaml.debugDescription)\nours:   \(ours)\ntheirs: \(String(describing: theirs))")
        }
        // The damage must leave enough in the subset to test anything.
        #expect(read > 10_000)
    }

    static let pieces = [" ", "  ", "\n", "-", "- ", ":", ": ", "#", " #", "'", "''", "\"", "\\", "\\\"", "[", "]", ",", "{", "}",
                         "é", "🌍", "’", "\t", "null", "~", "&a", "*a", "|", ">", "?", "!", "x", "1", "-1", "\n  ", "\n- ", "\r"]

    /// One random edit: a piece inserted, a stretch deleted, a line doubled or re-indented.
    static func damage(_ yaml: String, using random: inout SplitMix64) -> String {
        var scalars = Array(yaml.unicodeScalars)
        let position = Int.random(in: 0...scalars.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            scalars.insert(contentsOf: pieces.randomElement(using: &random)!.unicodeScalars, at: position)
        case 1:
            let length = min(Int.random(in: 1...4, using: &random), scalars.count - position)
            scalars.removeSubrange(position..<(position + length))
        default:
            var lines = yaml.components(separatedBy: "\n")
            let index = Int.random(in: 0..<lines.count, using: &random)
            if Bool.random(using: &random) { lines.insert(lines[index], at: index) } else { lines[index] = " " + lines[index] }
            return lines.joined(separator: "\n")
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    static func frontMatters(under root: URL) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var found: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "md" {
            let text = try String(contentsOf: url, encoding: .utf8)
            if case .success(let document) = ParsedDocument.split(SourceText(path: url.path, text: text)) { found.append(document.yaml) }
        }
        return found.sorted()
    }

    static func generatedCorpus() throws -> URL {
        let root = TestFolders.temporary("rapport-plain-yaml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestFolders.repositoryRoot.appendingPathComponent("bench/make_corpus.py").path,
                             "--countries", "40", "--years", "2023", "--out", root.path, "--force"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return root
    }
}
