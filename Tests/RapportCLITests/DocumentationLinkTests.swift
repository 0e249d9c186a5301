import Foundation
import RapportTestSupport
import Testing

/// Every relative link of the documentation (README.md, ARCHITECTURE.md, CONTRIBUTING.md, bench/README.md, docs/)
/// leads to a file of the repository, and its `#anchor` to a heading of that file, as GitHub makes heading ids.
@Suite("the documentation's links")
struct DocumentationLinkTests {
    /// Pages other branches write (issue 29): a link to one is accepted while it does not exist yet, and checked
    /// like any other once it does.
    static let pagesWrittenElsewhere: Set<String> = ["docs/reference/theme.md", "docs/reference/pdf.md", "docs/reference/install.md"]

    static let root = TestFolders.repositoryRoot

    static func documentationFiles() throws -> [String] {
        var files = ["README.md", "ARCHITECTURE.md", "CONTRIBUTING.md", "bench/README.md"]
        let docs = root.appendingPathComponent("docs")
        let walker = try #require(FileManager.default.enumerator(atPath: docs.path))
        for case let path as String in walker where path.hasSuffix(".md") { files.append("docs/" + path) }
        return files.sorted()
    }

    /// GitHub's heading ids: lowercased, punctuation but `-` and `_` dropped, spaces to `-`, repeats numbered.
    static func anchors(of text: String) -> Set<String> {
        var seen: [String: Int] = [:], anchors: Set<String> = []
        var inCode = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inCode.toggle() }
            guard !inCode, let match = line.wholeMatch(of: /#{1,6} (.+)/) else { continue }
            let slug = String(match.1.lowercased().compactMap { character -> Character? in
                if character == " " { return "-" }
                return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
            })
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        return anchors
    }

    @Test("every relative link leads to a file, and every anchor to a heading")
    func relativeLinks() throws {
        var broken: [String] = []
        for file in try Self.documentationFiles() {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            let folder = (file as NSString).deletingLastPathComponent
            var inCode = false
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                if line.hasPrefix("```") { inCode.toggle() }
                if inCode { continue }
                // Links shown as examples, in code spans, are not links.
                let prose = line.replacing(/`[^`]*`/, with: "")
                for match in prose.matches(of: /\]\(([^)\s]+)\)/) {
                    let target = String(match.1)
                    if target.contains("://") || target.hasPrefix("mailto:") || target.hasPrefix("../../releases") { continue }
                    let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    let url = parts[0].isEmpty ? Self.root.appendingPathComponent(file)
                        : Self.root.appendingPathComponent(folder).appendingPathComponent(parts[0]).standardized
                    let path = String(url.path.dropFirst(Self.root.standardized.path.count + 1))
                    guard FileManager.default.fileExists(atPath: url.path) else {
                        if !Self.pagesWrittenElsewhere.contains(path) { broken.append("\(file):\(number + 1): \(target) (no file \(path))") }
                        continue
                    }
                    if parts.count == 2, path.hasSuffix(".md") {
                        let anchors = Self.anchors(of: try String(contentsOf: url, encoding: .utf8))
                        if !anchors.contains(parts[1]) { broken.append("\(file):\(number + 1): \(target) (no heading #\(parts[1]))") }
                    }
                }
            }
        }
        #expect(broken == [], "\(broken.joined(separator: "\n"))")
    }
}
