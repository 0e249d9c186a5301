import Foundation
import Testing
@testable import RapportCore

@Suite("Background value")
struct BackgroundValueTests {
    @Test("the value is computed on another thread while the caller goes on, and read as often as wanted")
    func concurrent() {
        let callerWentOn = DispatchSemaphore(value: 0)
        // Waits for a signal the caller gives only after the initializer returned: computed inline, it would time out.
        let background = BackgroundValue { callerWentOn.wait(timeout: .now() + 5) == .success ? "in the background" : "inline" }
        callerWentOn.signal()
        #expect(background.value == "in the background")
        #expect(background.value == "in the background")
    }

    @Test("a build reports the theme's errors and the site graph's together")
    func themeAndSiteDiagnostics() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        defer { Fixtures.cleanUp(root) }
        let template = root.appendingPathComponent("templates/country.mustache")
        let original = try String(contentsOf: template, encoding: .utf8)
        try (original + "{{page.titel}}\n").write(to: template, atomically: true, encoding: .utf8)
        let country = try #require(FileManager.default.enumerator(atPath: root.appendingPathComponent("content").path)?
            .compactMap { $0 as? String }.first { $0.contains("/countries/") && $0.hasSuffix(".md") })
        let countryURL = root.appendingPathComponent("content").appendingPathComponent(country)
        let page = try String(contentsOf: countryURL, encoding: .utf8)
        try page.replacingOccurrences(of: "region: ", with: "region: nowhere-").write(to: countryURL, atomically: true, encoding: .utf8)
        let messages = Fixtures.build(root: root, options: BuildOptions()).messages
        #expect(messages.contains { $0.hasPrefix("templates/country.mustache:") && $0.contains("page.titel") }, "\(messages)")
        #expect(messages.contains { $0.contains("nowhere-") }, "\(messages)")
    }
}
