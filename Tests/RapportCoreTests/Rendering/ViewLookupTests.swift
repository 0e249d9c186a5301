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
                                switcher: [link], editions: [link], privacyHref: "p", accessibilityHref: "a",
                                privacyBanner: true, searchIndexHref: "s")
        assertComplete(chrome)
        assertComplete(link)
        assertComplete(AlternateView(hreflang: "en", href: "h"))
        assertComplete(body)
        let keyData = KeyDataView(population: "1", gniPerCapita: "2", hdiRank: "3", lifeExpectancy: "4", programme: "5",
                                  programmeNotApplicable: false, year: "2019", source: "s", hasNote: true)
        assertComplete(keyData)
        let goal = GoalView(number: 3, name: "n", colour: "#000", href: "h")
        assertComplete(goal)
        let country = CountryView(idPrefix: "p", title: "t", summary: "s", body: body, edition: "2020", countryCode: "MN", region: link,
                                  keyData: keyData, priorityAreas: [goal], achievements: ["a"], budget: "b", otherEditions: [link])
        assertComplete(country)
        assertComplete(RegionView(title: "t", summary: "s", body: body, edition: "e", countries: [link]))
        let bar = BarView(label: "l", value: "v", href: "h", y: 1, textY: 2, width: 3, valueX: 4)
        assertComplete(bar)
        let chart = ChartView(width: 1, height: 2, bars: [bar])
        assertComplete(chart)
        assertComplete(EditionView(title: "t", summary: "s", body: body, edition: "e",
                                   regions: [RegionGroupView(title: "t", href: "h", countries: [link])], otherCountries: [link],
                                   goals: [goal], chart: chart, comparisonHref: "c", printHref: "p", otherEditions: [link]))
        assertComplete(GoalPageView(number: 1, name: "n", colour: "c", edition: "e", countries: [link]))
        let row = ComparisonRowView(country: link, population: "1", populationValue: "1", gniPerCapita: "2", gniPerCapitaValue: "2",
                                    hdiRank: "3", hdiRankValue: "3", lifeExpectancy: "4", lifeExpectancyValue: "4", programme: "p",
                                    budget: "b", budgetValue: "5")
        assertComplete(row)
        assertComplete(ComparisonView(edition: "e", rows: [row], notes: ["n"], hasNotes: true))
        assertComplete(PrintView(title: "t", edition: "e", introduction: "i", sections: ["s"]))
        assertComplete(PrintSectionView(id: "i", title: "t", isRegion: false, body: "b", country: country))
        assertComplete(RegionGroupView(title: "t", href: "h", countries: [link]))
        assertComplete(StandaloneView(title: "t", summary: "s", body: body))
        assertComplete(LanguageHomeView(title: "t", latest: link, editions: [link], pages: [link]))
        assertComplete(RootView(target: "t", languages: [link]))
        assertComplete(NotFoundView(title: "t"))
        assertComplete(PageContext(chrome: chrome, t: ["k": "v"], page: NotFoundView(title: "t")))
    }
}
