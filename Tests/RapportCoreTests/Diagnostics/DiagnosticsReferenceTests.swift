import Foundation
@testable import RapportCore
import Testing

/// `docs/reference/diagnostics.md` cannot go stale: it is the text these tests generate from the messages.
@Suite("the diagnostics reference")
struct DiagnosticsReferenceTests {
    @Test("every code has examples of its own kind, and every code is a distinct kebab-case name")
    func examplesMatchTheirCodes() {
        for code in ReasonCode.allCases {
            let entry = DiagnosticsCatalog.entry(for: code)
            #expect(!entry.examples.isEmpty, "\(code.rawValue) has no example")
            for example in entry.examples { #expect(example.code == code, "an example of \(code.rawValue) is \(example.code.rawValue)") }
            #expect(code.rawValue.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(code.rawValue)")
        }
        #expect(Set(ReasonCode.allCases.map(\.rawValue)).count == ReasonCode.allCases.count)
    }

    @Test("the warnings listed are exactly the reasons the sources raise with warning(.…)")
    func warningsMatchTheSources() throws {
        let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources")
        var raised: Set<String> = []
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /warning\(\.(\w+)/) { raised.insert(String(match.1)) }
        }
        let listed = Set(DiagnosticsCatalog.warnings.map { "\($0)" })
        #expect(raised == listed, "raised as warnings but listed as errors: \(raised.subtracting(listed).sorted()); listed but never raised: \(listed.subtracting(raised).sorted())")
    }

    @Test("docs/reference/diagnostics.md is the generated text (RECORD_DOCS=1 writes it)")
    func referenceIsUpToDate() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent(DiagnosticsReference.path)
        let generated = DiagnosticsReference.markdown()
        let written = try? String(contentsOf: url, encoding: .utf8)
        if ProcessInfo.processInfo.environment["RECORD_DOCS"] == "1" || written == nil {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Wrote \(DiagnosticsReference.path); read its diff (git diff docs/) and run the tests again.")
            return
        }
        #expect(written == generated, """
            \(DiagnosticsReference.path) is out of date with Reason.swift: run \
            RECORD_DOCS=1 swift test --filter DiagnosticsReferenceTests, read git diff docs/, commit it.
            \(lineDiff(expected: written ?? "", actual: generated))
            """)
    }
}
