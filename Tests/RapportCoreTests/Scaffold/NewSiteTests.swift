import Foundation
import RapportCore
import RapportTestSupport
import Testing

/// The scaffold `rapport init` writes (scaffold/, embedded), and `NewSite.create` called directly.
@Suite("NewSite")
struct NewSiteTests {
    @Test("the scaffold's files: all under content/, the year in every path and text, no placeholder left")
    func scaffoldFiles() throws {
        let files = NewSite.scaffoldFiles(year: "2031")
        #expect(files.count == 24)
        #expect(files.allSatisfy { $0.path.hasPrefix("content/") })
        #expect(files.contains { $0.path == "content/2031/fr/countries/laos.md" })
        #expect(files.contains { $0.path == "content/2031/data/oda-by-year.csv" })
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!file.path.contains("YEAR"), "\(file.path)")
            #expect(!text.contains("{{year}}"), "\(file.path)")
            #expect(String(validating: file.bytes, as: UTF8.self) != nil, "\(file.path) is UTF-8")
        }
        let home = try #require(files.first { $0.path == "content/2031/fr/index.md" })
        #expect(String(decoding: home.bytes, as: UTF8.self).contains("title: Rapport annuel 2031\n"))
        #expect(files.map(\.path) == files.map(\.path).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test("the scaffold's interface strings have the keys of the repository's report, in both languages")
    func interfaceKeys() throws {
        let files = NewSite.scaffoldFiles(year: "2031")
        func keys(_ text: String) -> [String] {
            text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(":") }.map { String($0.prefix { $0 != ":" }) }.sorted()
        }
        for language in ["fr", "en"] {
            let scaffold = try #require(files.first { $0.path == "content/i18n/\(language).yaml" })
            let report = try String(contentsOf: TestFolders.repositoryRoot.appendingPathComponent("content/i18n/\(language).yaml"), encoding: .utf8)
            #expect(keys(String(decoding: scaffold.bytes, as: UTF8.self)) == keys(report), "\(language)")
        }
    }

    @Test("create: a new folder gets the files; a second create and a file are refused with their reasons")
    func create() throws {
        let place = TestFolders.temporary("rapport-newsite")
        defer { TestFolders.remove(place) }
        let target = place.appendingPathComponent("site").path
        let created = try NewSite.create(at: target, year: "2030").get()
        #expect(created.files.count == 24)
        #expect(created.root.hasSuffix("/site"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["content"])
        let bytes = try #require(FileManager.default.contents(atPath: target + "/content/2030/data/oda-by-year.csv"))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("year,oda_million_eur,oda_gni\n2016,353.143813,1.02\n"))

        guard case .failure(let again) = NewSite.create(at: target, year: "2030") else { Issue.record("a second create wrote"); return }
        #expect(again.reason == .initFolderNotEmpty(entries: ["content"], more: 0))
        try Data().write(to: place.appendingPathComponent("file"))
        guard case .failure(let file) = NewSite.create(at: place.appendingPathComponent("file").path, year: "2030") else { Issue.record("wrote over a file"); return }
        #expect(file.reason == .initNotAFolder("a file"))
        guard case .failure(let year) = NewSite.create(at: place.appendingPathComponent("other").path, year: "99") else { Issue.record("took year 99"); return }
        #expect(year.reason == .initFailed("'99' is not a report year (four digits, such as 2025)"))
        #expect(!FileManager.default.fileExists(atPath: place.appendingPathComponent("other").path))
    }
}
