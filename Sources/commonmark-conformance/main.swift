// Runs the CommonMark spec examples through Rapport's Markdown stage (raw HTML allowed, no typography, no heading
// ids) and prints `N passed, N failed`. Usage: commonmark-conformance SPEC.json [-v]
import Foundation
import RapportCore

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]),
      let examples = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
    FileHandle.standardError.write(Data("usage: commonmark-conformance SPEC.json [-v]\n".utf8))
    exit(2)
}
let verbose = arguments.contains("-v")
let options = MarkdownOptions(allowRawHTML: true, typography: nil, headingIDs: false)
var passed = 0, failed = 0
for example in examples {
    guard let markdown = example["markdown"] as? String, let expected = example["html"] as? String else { continue }
    let result = Markdown.render(markdown, options: options)
    let html = result.introHTML + result.restHTML
    if html == expected {
        passed += 1
    } else {
        failed += 1
        print("FAIL example \(example["example"] ?? "?") (\(example["section"] ?? ""))")
        if verbose { print("  markdown: \(markdown.debugDescription)\n  expected: \(expected.debugDescription)\n  got:      \(html.debugDescription)") }
    }
}
print("\(passed) passed, \(failed) failed")
exit(failed == 0 ? 0 : 1)
