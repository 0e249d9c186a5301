import Foundation
import Testing

/// Golden files, after swift-argument-parser's helper: compares `actual` with `Snapshots/<name>`.
///
/// A missing snapshot, or any snapshot under `RECORD_SNAPSHOTS=1`, is written and the test fails, so that
/// a recording is never mistaken for a pass: read the diff, then run again.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = Fixtures.testsFolder.appendingPathComponent("Snapshots").appendingPathComponent(name)
    let actual = actual.replacingOccurrences(of: "\r\n", with: "\n")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Recorded snapshot \(name); check it and run the tests again.", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    Issue.record("Snapshot \(name) differs:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
}

/// The lines that differ, `-` expected and `+` actual, with their line numbers.
func lineDiff(expected: String, actual: String) -> String {
    let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
    var out: [String] = []
    for index in 0..<max(old.count, new.count) {
        let a = index < old.count ? old[index] : nil, b = index < new.count ? new[index] : nil
        if a != b {
            if let a { out.append("\(index + 1) - \(a)") }
            if let b { out.append("\(index + 1) + \(b)") }
        }
        if out.count > 40 { out.append("…"); break }
    }
    return out.joined(separator: "\n")
}
