import Foundation
@testable import RapportCore
import RapportTestSupport
import Testing

/// The interface strings Rapport's code reads are typed (`InterfaceKey`), and each is required of every language.
@Suite("interface keys")
struct InterfaceKeyTests {
    @Test("no Swift file reads an interface string by a key written as text: only through InterfaceKey")
    func noLiteralKeys() throws {
        let sources = TestFolders.repositoryRoot.appendingPathComponent("Sources")
        // `strings["budget"]`, `t["colon"]`, `t(language)["pdf_link"]`, `table?["pdf_file"]`, `$0["notes_title"]`.
        let read = /(strings|\bt|t\([a-z.]+\)|table\??|\$0|locations)\["[a-z_0-9]+"\]/
        var found: [String] = []
        let walk = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in walk where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(read) {
                found.append("\(url.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found == [])
    }

    @Test("every key Rapport's code reads is required of every language, each missing one an error naming its user",
          arguments: InterfaceKey.required)
    func everyKeyIsRequired(_ key: InterfaceKey) {
        var site = TestSite()
        let en = site.files["content/i18n/en.yaml"]!
        site.files["content/i18n/en.yaml"] = en.split(separator: "\n").filter { !$0.hasPrefix(key.rawValue + ":") }.joined(separator: "\n") + "\n"
        #expect(en != site.files["content/i18n/en.yaml"], "the test site has \(key.rawValue)")
        #expect(site.build().messages.contains(
            "content/i18n/en.yaml:1:1: error: the interface string '\(key.rawValue)' is used by \(key.user) but missing in content/i18n/en.yaml"))
    }

    @Test("the seven keys the code read without requiring them are now required")
    func theSevenKeys() {
        let once = ["budget", "chart_title", "colon", "comparison_title", "country_column", "not_applicable", "not_found_title"]
        #expect(Set(once).isSubset(of: Set(InterfaceKey.required.map(\.rawValue))))
        #expect(InterfaceKey.allCases.filter(\.isForPDF).map(\.rawValue) == ["pdf_file", "pdf_size_mb", "pdf_size_kb", "pdf_link"])
    }

    @Test("template names are typed: each page template the code renders is compiled from the built-in theme")
    func templateNames() {
        let (theme, diagnostics) = Theme.load(templates: ThemeFiles.merged(siteTemplates: [], siteAssets: []).templates)
        #expect(diagnostics == [])
        for name in TemplateName.allCases where name != .base { #expect(theme?.hasTemplate(name) == true, "\(name)") }
        #expect(TemplateName.required.map(\.fileName).allSatisfy(ThemeFiles.builtIn.contains))
    }
}
