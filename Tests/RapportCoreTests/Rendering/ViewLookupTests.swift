import Mustache
import Testing
@testable import RapportCore

/// The direct lookups must answer for every stored property, or a template would silently render nothing.
@Suite("View lookups")
struct ViewLookupTests {
    /// Every stored property of `value` (by `Mirror`) is found by `child(named:)`.
    func assertComplete(_ value: some MustacheParent, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let isNilOptional: Bool = {
                let mirror = Mirror(reflecting: child.value)
                return mirror.displayStyle == .optional && mirror.children.isEmpty
            }()
            if !isNilOptional {
                #expect(value.child(named: label) != nil, "\(type(of: value)).\(label)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("every view answers every documented name")
    func complete() {
        let link = LinkView(label: "l", href: "h", current: true, lang: "en")
        let body = BodyView(intro: "i", rest: "r")
        let chrome = ChromeView(lang: "fr", siteTitle: "s", documentTitle: "d", description: "x", canonical: "c",
                                alternates: [AlternateView(hreflang: "en", href: "h")], root: "../", homeHref: "h",
                                switcher: [link], editions: [link], privacyHref: "p")
        assertComplete(chrome)
        assertComplete(link)
        assertComplete(AlternateView(hreflang: "en", href: "h"))
        assertComplete(body)
        let keyData = KeyDataView(population: "1", gniPerCapita: "2", hdiRank: "3", lifeExpectancy: "4", programme: "5",
                                  programmeNotApplicable: false, year: "2019", source: "s", hasNote: true)
        assertComplete(keyData)
        assertComplete(GoalView(number: 3, name: "n", colour: "#000"))
        let country = CountryView(title: "t", summary: "s", body: body, edition: "2020", countryCode: "MN", region: link,
                                  keyData: keyData, priorityAreas: [], achievements: ["a"], budget: "b", otherEditions: [link])
        assertComplete(country)
        assertComplete(RegionView(title: "t", summary: "s", body: body, edition: "e", countries: [link]))
        assertComplete(EditionView(title: "t", summary: "s", body: body, edition: "e",
                                   regions: [RegionGroupView(title: "t", href: "h", countries: [link])], otherCountries: [link]))
        assertComplete(RegionGroupView(title: "t", href: "h", countries: [link]))
        assertComplete(StandaloneView(title: "t", summary: "s", body: body))
        assertComplete(LanguageHomeView(title: "t", latest: link, editions: [link], pages: [link]))
        assertComplete(RootView(target: "t", languages: [link]))
        assertComplete(NotFoundView(title: "t"))
        assertComplete(PageContext(chrome: chrome, t: ["k": "v"], page: NotFoundView(title: "t")))
    }
}
