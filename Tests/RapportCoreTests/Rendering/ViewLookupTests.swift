import RapportTemplates
import Testing
@testable import RapportCore

/// Each view's schema names every stored property, in order, and answers each with a value of the kind it declares:
/// a property missing from the table could not be named by a template.
@Suite("View lookups")
struct ViewLookupTests {
    func assertComplete<V: TemplateView>(_ value: V, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let labels = Mirror(reflecting: value).children.compactMap(\.label)
        let schema = V.templateSchema
        #expect(schema.fields.map(\.name) == labels, "\(V.self)", sourceLocation: sourceLocation)
        for (index, field) in schema.fields.enumerated() {
            let answer = value.templateValue(at: index)
            let matches: Bool = switch (field.kind, answer) {
            case (.text, .text), (.html, .text), (.html, .bytes), (.flag, .flag), (.number, .number), (.view, .view), (.list, .list), (.strings, .strings): true
            default: false
            }
            #expect(matches, "\(V.self).\(field.name) answers \(answer) for \(field.kind)", sourceLocation: sourceLocation)
        }
    }

    static let link = LinkView(label: "l", href: "h", current: true, lang: "en")
    static let chrome: ChromeView = {
        var chrome = plainChrome
        chrome.glossaryHref = "g"
        chrome.openGraph = OpenGraphView(title: "t", description: "d", url: "u", locale: "fr_LU", alternateLocales: ["en_GB"],
                                         siteName: "s", image: "i", imageAlt: "a")
        chrome.logo = ImageView(src: "l", alt: "a")
        chrome.accent = "#1f5f8b"
        chrome.favicon = FaviconView(href: "f", type: "image/png")
        return chrome
    }()
    static let plainChrome = ChromeView(lang: "fr", siteTitle: "s", documentTitle: "d", description: "x", canonical: "c",
                                   alternates: [AlternateView(hreflang: "en", href: "h")], root: "../", homeHref: "h",
                                   switcher: [link], editions: [link], privacyHref: "p", accessibilityHref: "a",
                                   privacyBanner: true, searchIndexHref: "s", breadcrumbs: [link],
                                   neighbours: NeighboursView(previous: link, next: link), pdf: link)

    @Test("every view answers every documented name")
    func complete() {
        let link = Self.link, chrome = Self.chrome
        let body = BodyView(intro: Array("i".utf8), rest: Array("r".utf8), notes: Array("n".utf8))
        assertComplete(chrome)
        assertComplete(link)
        assertComplete(AlternateView(hreflang: "en", href: "h"))
        assertComplete(chrome.openGraph!)
        assertComplete(chrome.logo!)
        assertComplete(chrome.favicon!)
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
        let cell = DataCellView(text: "t", isNumeric: true, isHeader: false, href: "h")
        assertComplete(cell)
        assertComplete(DataHeaderView(label: "l", isNumeric: true))
        assertComplete(DataRowView(cells: [cell]))
        let table = DataTableView(id: "i", caption: "c", columns: [DataHeaderView(label: "l", isNumeric: false)], rows: [DataRowView(cells: [cell])],
                                  source: "s", note: "n", preliminary: true, downloadHref: "d", downloadSize: "1")
        assertComplete(table)
        let tick = ChartTickView(label: "l", x1: 1, y1: 2, x2: 3, y2: 4, labelX: 5, labelY: 6, anchor: "a")
        let label = ChartTextView(text: "t", x: 1, y: 2, anchor: "a", href: "h")
        let bar = ChartBarView(x: 1, y: 2, width: 3, height: 4, series: 0, hatched: true, value: "v", valueX: 5, valueY: 6)
        let series = ChartSeriesView(name: "n", index: 0, hatched: false, dashed: true, square: true, segments: ["1,2 3,4"])
        let marker = ChartMarkerView(cx: 1, cy: 2, x: 3, y: 4, square: false, label: "l", labelX: 5, labelY: 6)
        assertComplete(tick)
        assertComplete(label)
        assertComplete(bar)
        assertComplete(series)
        assertComplete(marker)
        let chart = DataChartView(id: "i", title: "t", desc: "d", width: 1, height: 2, isLine: true, ticks: [tick], labels: [label],
                                  bars: [bar], series: [series], markers: [marker], gaps: [label], hasLegend: true, table: table)
        assertComplete(chart)
        assertComplete(EditionView(title: "t", summary: "s", body: body, edition: "e",
                                   regions: [RegionGroupView(title: "t", href: "h", countries: [link])], otherCountries: [link],
                                   goals: [goal], chart: chart, comparisonHref: "c", printHref: "p", otherEditions: [link],
                                   contents: [ContentsEntryView(label: "l", href: "h", children: [])]))
        assertComplete(NeighboursView(previous: link, next: link))
        let entry = ContentsEntryView(label: "l", href: "h", children: [ContentsEntryView(label: "m", href: "i", children: [])])
        assertComplete(entry)
        assertComplete(ChapterView(title: "t", summary: "s", body: body, edition: "e", toc: [entry], contents: [entry]))
        assertComplete(GoalPageView(number: 1, name: "n", colour: "c", edition: "e", countries: [link]))
        let row = ComparisonRowView(country: link, population: "1", populationValue: "1", gniPerCapita: "2", gniPerCapitaValue: "2",
                                    hdiRank: "3", hdiRankValue: "3", lifeExpectancy: "4", lifeExpectancyValue: "4", programme: "p",
                                    budget: "b", budgetValue: "5")
        assertComplete(row)
        assertComplete(ComparisonView(edition: "e", rows: [row], notes: ["n"], hasNotes: true))
        let term = GlossaryTermView(id: "oda", term: "APD", expansion: "e", definition: "d")
        let glossary = GlossaryView(title: "t", id: "glossary", terms: [term])
        assertComplete(term)
        assertComplete(glossary)
        var print = PrintView(title: "t", edition: "e", introduction: Array("i".utf8), sections: [Array("s".utf8)])
        print.glossary = glossary
        assertComplete(print)
        assertComplete(PrintSectionView(id: "i", title: "t", isRegion: false, body: Array("b".utf8), country: country))
        let logo = PDFLogoView(src: "s", alt: "a")
        let contentsEntry = PDFContentsEntryView(title: "t", href: "#h", level: 1, isChapter: true)
        assertComplete(logo)
        assertComplete(contentsEntry)
        var document = PDFDocumentView(documentTitle: "d", siteTitle: "s", editionTitle: "e", edition: "2022", siteStylesheet: "c",
                                       stylesheet: "p", logo: logo, contents: [contentsEntry], introduction: Array("i".utf8),
                                       chart: chart, sections: [Array("s".utf8)])
        document.glossary = GlossaryView(title: "t", id: "glossary", terms: [GlossaryTermView(id: "oda", term: "APD", expansion: "e", definition: nil)])
        assertComplete(document)
        assertComplete(PDFSectionView(id: "i", title: "t", level: 1, isChapter: true, isRegion: false, body: Array("b".utf8), country: country))
        assertComplete(RegionGroupView(title: "t", href: "h", countries: [link]))
        assertComplete(StandaloneView(title: "t", summary: "s", body: body))
        assertComplete(LanguageHomeView(title: "t", latest: link, editions: [link], pages: [link]))
        assertComplete(RootView(target: "t", languages: [link]))
        assertComplete(NotFoundView(title: "t"))
        let context = PageContext(chrome: chrome, t: ["k": "v"], page: NotFoundView(title: "t"))
        #expect(PageContext<NotFoundView>.schema(for: "404").fields.map(\.name) == Mirror(reflecting: context).children.compactMap(\.label))
        #expect((0..<3).map { index -> Bool in
            switch (index, context.templateValue(at: index)) {
            case (0, .view), (1, .strings), (2, .view): true
            default: false
            }
        } == [true, true, true])
    }
}
