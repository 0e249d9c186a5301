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
    func themeAndSiteDiagnostics() {
        let country = "content/2020/fr/countries/niger.md"
        let site = TestSite([
            "templates/home.mustache": "{{<base}}{{$main}}Home: {{page.titel}}|{{/main}}{{/base}}",
            country: TestSite.baseline[country]!.replacingOccurrences(of: "region: sahel", with: "region: nowhere"),
        ])
        let messages = site.build().messages
        #expect(messages.contains { $0.hasPrefix("templates/home.mustache:1:") && $0.contains("'page.titel'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("\(country):") && $0.contains("nowhere") }, "\(messages)")
    }
}
