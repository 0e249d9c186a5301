import Foundation
import RapportTestSupport
import Testing
@testable import RapportCore

/// Search as readers get it: the shipped `templates/assets/rapport.js`, run by Node.js in a minimal DOM
/// (`Fixtures/run-search.js`) on indexes that the real build made.
@Suite("Search in the shipped script")
struct SearchScriptTests {
    /// For each query, the URLs the script shows (at most 20, in index order).
    static func search(_ index: String, _ queries: [String]) throws -> [String: [String]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let indexFile = folder.appendingPathComponent("search.json")
        try index.write(to: indexFile, atomically: true, encoding: .utf8)
        let harness = Fixtures.testsFolder.appendingPathComponent("Fixtures/run-search.js")
        let script = Fixtures.repositoryRoot.appendingPathComponent("templates/assets/rapport.js")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", harness.path, script.path, indexFile.path] + queries
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "node (install it with scripts/install-deps --for-tests): \(problems)")
        return try JSONDecoder().decode([String: [String]].self, from: data)
    }

    @Test("in the repository's report: accents, case, ligatures and elisions typed or not find the same pages")
    func repositoryReport() throws {
        let index = try #require(ReportFeatureTests.report.text("fr/search.json"))
        let found = try Self.search(index, ["developpement", "DÉVELOPPEMENT", "Développement", "oeuvre", "œuvre", "ŒUVRE",
                                            "l’aide", "l'aide", "aide", "cardiovasculaire telemedecine", "santé mali"])
        #expect(found["developpement"]?.isEmpty == false)
        #expect(found["DÉVELOPPEMENT"] == found["developpement"] && found["Développement"] == found["developpement"])
        #expect(found["oeuvre"]?.isEmpty == false)
        #expect(found["œuvre"] == found["oeuvre"] && found["ŒUVRE"] == found["oeuvre"])
        #expect(found["aide"]?.isEmpty == false)
        #expect(found["l’aide"] == found["aide"] && found["l'aide"] == found["aide"])
        #expect(found["cardiovasculaire telemedecine"] == ["fr/2020/pays/mongolie/"] || found["cardiovasculaire telemedecine"]?.contains { $0.hasSuffix("mongolie/") } == true)
        #expect(found["santé mali"] == [], "every word of the query must be found")
    }

    @Test("Vietnamese letters, achievements and summaries: 'noi', 'Hà Nội', 'ha noi' and 'da nang' find the page")
    func vietnamese() throws {
        let niger = "content/2020/fr/countries/niger.md"
        let outcome = TestSite([niger: """
            ---
            title: Niger
            country: NE
            region: sahel
            summary: Une coopération tournée vers l’école.
            achievements:
              - Un échange avec Đà Nẵng
            ---
            Un atelier à Hà Nội.
            """]).build()
        #expect(outcome.messages == [])
        let index = try #require(outcome.text("fr/search.json"))
        let found = try Self.search(index, ["noi", "Hà Nội", "ha noi", "HA NOI", "da nang", "Đà Nẵng", "ecole", "l’école", "hanoi"])
        for query in ["noi", "Hà Nội", "ha noi", "HA NOI", "da nang", "Đà Nẵng", "ecole", "l’école"] {
            #expect(found[query] == ["fr/2020/countries/niger/"], "\(query)")
        }
        #expect(found["hanoi"] == [])
    }

    @Test("the script and the index fold alike: each text, typed as a query, finds its own entry")
    func sameFolding() throws {
        let texts = ["Coopération", "Hà Nội", "Đà Nẵng", "İstanbul", "Straße", "STRASSE", "Œuvre d’art", "ÆSIR", "Øresund", "Łódź",
                     "e\u{301}cole", "Ἀθῆναι", "Москва", "ǅemal", "Ωmega", "中文 texte", "m² carré", "l’aide d’urgence", "aujourd’hui",
                     "ﬁnance", "Ｆｕｌｌ", "ı dotless", "ªb", "xx\u{200D}yy", "Nội\u{323}dung"]
        let entries = texts.enumerated().map { number, text in
            SearchIndex.entry(url: "\(number)/", title: text, summary: nil, text: "")
        }
        let index = String(decoding: SearchIndex.file(entries: entries.map { Array($0.utf8) }), as: UTF8.self)
        let found = try Self.search(index, texts)
        for (number, text) in texts.enumerated() {
            #expect(found[text]?.contains("\(number)/") == true, "\(text): \(found[text] ?? [])")
        }
    }
}
