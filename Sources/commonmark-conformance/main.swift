// Runs the examples of a CommonMark spec (JSON as the spec's tools write it) or of the GFM spec (its spec.txt, where
// each example names the extensions it needs) through Rapport's Markdown stage: raw HTML allowed, no typography,
// no heading ids, tables and footnotes as libcmark-gfm writes them. Prints `N passed, N failed` per section kind.
// Usage: commonmark-conformance SPEC.json|spec.txt [--expect-fail N,N…] [-v]
import Foundation
import RapportCore

struct Example {
    var number: Int
    var section: String
    var markdown: String
    var html: String
    /// The extensions the example is written for (`table`, `strikethrough`, `autolink`…); empty for CommonMark.
    var extensions: [String]
}

/// The examples of a spec text: fences of 32 backticks followed by `example` and its extensions, the Markdown, a
/// line `.`, the HTML; `→` stands for a tab.
func examples(ofSpecText text: String) -> [Example] {
    let fence = String(repeating: "`", count: 32) + " example"
    var found: [Example] = []
    var section = "", markdown: [Substring] = [], html: [Substring] = [], extensions: [String] = []
    var state = 0  // 0 outside, 1 in the Markdown, 2 in the HTML
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        switch state {
        case 0 where line.hasPrefix(fence):
            extensions = line.dropFirst(fence.count).split(separator: " ").map(String.init)
            markdown = []; html = []; state = 1
        case 0 where line.hasPrefix("#"):
            section = line.drop { $0 == "#" || $0 == " " }.description
        case 1 where line == ".":
            state = 2
        case 1:
            markdown.append(line)
        case 2 where line == String(repeating: "`", count: 32):
            func joined(_ lines: [Substring]) -> String { lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t") }
            found.append(Example(number: found.count + 1, section: section, markdown: joined(markdown), html: joined(html), extensions: extensions))
            state = 0
        case 2:
            html.append(line)
        default:
            break
        }
    }
    return found
}

func examples(ofJSON data: Data) -> [Example]? {
    guard let objects = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return nil }
    return objects.compactMap { object in
        guard let markdown = object["markdown"] as? String, let html = object["html"] as? String else { return nil }
        return Example(number: object["example"] as? Int ?? 0, section: object["section"] as? String ?? "", markdown: markdown, html: html, extensions: [])
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]),
      let all = arguments[1].hasSuffix(".json") ? examples(ofJSON: data) : examples(ofSpecText: String(decoding: data, as: UTF8.self)) else {
    FileHandle.standardError.write(Data("usage: commonmark-conformance SPEC.json|spec.txt [--expect-fail N,N…] [-v]\n".utf8))
    exit(2)
}
let verbose = arguments.contains("-v")
let expectedFailures: Set<Int> = arguments.firstIndex(of: "--expect-fail").flatMap { index in
    index + 1 < arguments.count ? Set(arguments[index + 1].split(separator: ",").compactMap { Int($0) }) : nil
} ?? []

/// The extension names of spec.txt; `disabled` examples are not run by libcmark-gfm's own runner either, and
/// `tagfilter` filters raw HTML that Rapport leaves to `allow_raw_html` (off by default: safe mode).
let extensionNames: [String: MarkdownExtensions] = ["table": .tables, "strikethrough": .strikethrough, "autolink": .autolinks, "footnotes": .footnotes]
var counts: [String: (passed: Int, failed: Int, skipped: Int)] = [:]
var unexpected = 0
for example in all {
    let kind = example.extensions.isEmpty ? "CommonMark" : "extensions"
    let known = example.extensions.compactMap { extensionNames[$0] }
    guard known.count == example.extensions.count else {
        counts[kind, default: (0, 0, 0)].skipped += 1
        if verbose { print("SKIP example \(example.number) (\(example.extensions.joined(separator: " ")))") }
        continue
    }
    let options = MarkdownOptions(allowRawHTML: true, typography: nil, headingIDs: false,
                                  extensions: MarkdownExtensions(known), specificationHTML: true)
    let result = Markdown.render(example.markdown, options: options)
    let html = result.introHTML + result.restHTML
    if html == example.html {
        counts[kind, default: (0, 0, 0)].passed += 1
        if expectedFailures.contains(example.number) {
            unexpected += 1
            print("PASS example \(example.number), expected to fail: take it off the list")
        }
    } else {
        counts[kind, default: (0, 0, 0)].failed += 1
        if !expectedFailures.contains(example.number) {
            unexpected += 1
            print("FAIL example \(example.number) (\(example.section))")
        }
        if verbose { print("  markdown: \(example.markdown.debugDescription)\n  expected: \(example.html.debugDescription)\n  got:      \(html.debugDescription)") }
    }
}
let summary = counts.sorted { $0.key < $1.key }.map { kind, count in
    "\(kind): \(count.passed) passed, \(count.failed) failed" + (count.skipped > 0 ? ", \(count.skipped) skipped" : "")
}
print(summary.joined(separator: "; ") + (expectedFailures.isEmpty ? "" : " (\(expectedFailures.count) known to fail)"))
exit(unexpected == 0 ? 0 : 1)
