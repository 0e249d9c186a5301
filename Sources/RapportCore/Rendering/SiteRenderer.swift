import Foundation
import RapportTemplates

/// A file of the built site: its path under the output folder and its bytes.
public struct RenderedFile: Sendable, Equatable {
    public var path: String
    public var contents: SourceFile.Contents

    public init(path: String, text: String) {
        self.path = path
        self.contents = .bytes(Array(text.utf8))
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.contents = .bytes(bytes)
    }

    init(path: String, contents: SourceFile.Contents) {
        self.path = path
        self.contents = contents
    }
}

/// Stage "render": the site graph to files. Pure: no I/O, no globals; every page can be rendered alone.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let theme: Theme
    public let strings: [String: InterfaceStrings]
    /// `content/assets/…` and `templates/assets/…` as they will be published: `assets/…`.
    public let assetPaths: Set<String>
    /// The Markdown options of every body (raw HTML from site.yaml; typography per language).
    let markdownOptions: @Sendable (String) -> MarkdownOptions
    /// Number formatting per language code, made once.
    let formats: [String: NumberFormatting]


    public init(site: Site, theme: Theme, strings: [String: InterfaceStrings], assetPaths: Set<String>) {
        self.site = site
        self.theme = theme
        self.strings = strings
        self.assetPaths = assetPaths
        let allowRawHTML = site.config.allowRawHTML
        self.markdownOptions = { language in
            MarkdownOptions(allowRawHTML: allowRawHTML, typography: Self.usesFrenchTypography(language) ? FrenchTypography.apply : nil)
        }
        self.formats = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0.code, NumberFormatting(localeIdentifier: $0.locale)) })
    }

    /// French rules for French (`fr`, `fr-…`); no other language is touched by them.
    static func usesFrenchTypography(_ language: String) -> Bool { language == "fr" || language.hasPrefix("fr-") || language.hasPrefix("fr_") }

    /// Text shown as text (titles, achievements, labels) in `language`'s typography.
    func text(_ value: String, _ language: String) -> String {
        Self.usesFrenchTypography(language) ? FrenchTypography.apply(value) : value
    }

    /// The same renderer over another graph of the same site (the preview's edits).
    func replacingSite(_ site: Site) -> SiteRenderer {
        SiteRenderer(site: site, theme: theme, strings: strings, assetPaths: assetPaths)
    }

    /// What rendering one page gives: its file, its problems, and what the anchor check needs.
    public struct PageResult: Sendable {
        public var file: RenderedFile
        public var diagnostics: [Diagnostic]
        /// The ids of the page's headings.
        public var headingIDs: Set<String>
        /// `#anchor` links into other pages (or this one), checked once every page is rendered.
        public var anchorLinks: [AnchorLink]
        /// The content files the body links to, found or not: the preview re-renders this page when they change.
        public var linkedFiles: Set<String> = []
        /// The page's section of the edition's print page, rendered (pages of editions only).
        public var printSection: String?
        /// The page's entry in its language's search index (JSON).
        public var searchEntry: String = ""
    }

    /// The prefix of a page's ids on the print page: its kind and slug (`c-niger-`).
    static func printPrefix(of page: Page) -> String {
        switch page.kind {
        case .country: "c-\(page.slug)-"
        case .region: "r-\(page.slug)-"
        case .editionHome: "e-"
        case .standalone: "p-\(page.slug)-"
        }
    }

    public struct AnchorLink: Sendable {
        /// The file of the page the link leads to.
        public var target: String
        public var anchor: String
        public var location: SourceLocation
    }

    // MARK: - Content pages

    /// Renders the content page `id`.
    public func renderPage(_ id: Site.PageID) -> PageResult {
        let page = site.pages[id]
        let url = site.urls[id]
        let linker = Linker(mode: .relative(from: url))
        var log = DiagnosticLog(stage: .markdown)
        var anchors: [AnchorLink] = []
        var linked: Set<String> = []
        let printLinker = page.edition.map { Linker(mode: .relative(from: "\(page.language)/\($0)/print/")) }
        let markdown = Markdown.render(page.body, options: markdownOptions(page.language), reservedIDs: theme.elementIDs,
                                       printIDPrefix: page.edition == nil ? nil : Self.printPrefix(of: page)) { link in
            switch resolve(link, on: page, id: id, log: &log, anchors: &anchors, linked: &linked) {
            case nil: return nil
            case .blocked: return MarkdownLinkRewrite(href: "", printHref: "")
            case .site(let path, let fragment):
                let suffix = fragment.map { "#" + $0 } ?? ""
                return MarkdownLinkRewrite(href: linker.href(path) + suffix, printHref: printLinker.map { $0.href(path) + suffix })
            }
        }
        reportMarkdownProblems(markdown, on: page, log: &log)
        let body = BodyView(intro: markdown.introHTML, rest: markdown.hasMoreMarker ? markdown.restHTML : nil)
        let chrome = makeChrome(for: id, linker: linker)
        let t = strings[page.language]?.strings ?? [:]
        // Formatted once: the page and its print section show the same figures.
        let keyData = page.kind == .country ? makeKeyData(id) : nil
        let html: [UInt8]
        switch page.kind {
        case .country:
            html = render(PageContext(chrome: chrome, t: t, page: makeCountryView(id, body: body, linker: linker, idPrefix: "", keyData: keyData)), "country")
        case .region:
            let countries = (site.countriesOfRegion[id] ?? []).map { LinkView(label: title(of: $0), href: linker.href(site.urls[$0])) }
            let view = RegionView(title: title(of: id), summary: page.summary, body: body, edition: page.edition ?? "", countries: countries)
            html = render(PageContext(chrome: chrome, t: t, page: view), "region")
        case .editionHome:
            html = render(PageContext(chrome: chrome, t: t, page: makeEditionView(id, body: body, linker: linker)), "edition")
        case .standalone:
            let view = StandaloneView(title: title(of: id), summary: page.summary, body: body)
            html = render(PageContext(chrome: chrome, t: t, page: view), "page")
        }
        var printSection: String?
        if let printBody = markdown.printHTML, let printLinker, page.kind != .editionHome {
            let prefix = Self.printPrefix(of: page)
            let country = page.kind == .country
                ? makeCountryView(id, body: BodyView(intro: printBody, rest: nil), linker: printLinker, idPrefix: prefix, keyData: keyData) : nil
            let section = PrintSectionView(id: String(prefix.dropLast()), title: title(of: id), isRegion: page.kind == .region,
                                           body: printBody, country: country)
            printSection = String(decoding: render(PageContext(chrome: chrome, t: t, page: section), "print-section"), as: UTF8.self)
        } else {
            printSection = markdown.printHTML
        }
        let searchEntry = SearchIndex.entry(url: url, title: title(of: id), summary: page.summary, text: markdown.plainText)
        return PageResult(file: RenderedFile(path: url + "index.html", bytes: html), diagnostics: log.items,
                          headingIDs: Set(markdown.headings.map(\.id)), anchorLinks: anchors, linkedFiles: linked,
                          printSection: printSection, searchEntry: searchEntry)
    }

    /// The page's HTML: its context rendered with the compiled template (every template of `Theme.entries` is compiled).
    private func render<Content: TemplateView>(_ context: PageContext<Content>, _ template: String) -> [UInt8] {
        theme.compiled[template]?.render(context) ?? []
    }

    /// A country's key data, formatted for its page's locale; absent figures are left out.
    func makeKeyData(_ id: Site.PageID) -> KeyDataView? {
        let page = site.pages[id]
        let format = formatting(page.language)
        return page.country?.keyData.map { data in
            KeyDataView(
                population: data.populationMillions.map { format.decimal($0) },
                gniPerCapita: data.gniPerCapitaUSD.map { format.integer($0) },
                hdiRank: data.hdiRank.map { rank in data.hdiTotal.map { "\(format.integer(rank))/\(format.integer($0))" } ?? format.integer(rank) },
                lifeExpectancy: data.lifeExpectancy.map { format.decimal($0) },
                programme: { if case .text(let text) = data.cooperationProgramme { return text } else { return nil } }(),
                programmeNotApplicable: data.cooperationProgramme == .notApplicable,
                year: data.year.map(String.init),
                source: data.source.map { text($0, page.language) },
                hasNote: data.year != nil || data.source != nil)
        }
    }

    func makeCountryView(_ id: Site.PageID, body: BodyView, linker: Linker, idPrefix: String, keyData: KeyDataView?) -> CountryView {
        let page = site.pages[id]
        let format = formatting(page.language)
        let country = page.country
        let region = site.regionOfCountry[id].map { LinkView(label: title(of: $0), href: linker.href(site.urls[$0])) }
        let goals = (country?.priorityAreas ?? []).map { goalView($0, language: page.language, edition: page.edition ?? "", linker: linker) }
        let otherEditions = site.sameCountryInOtherEditions(id).map { other in
            LinkView(label: site.pages[other].edition ?? "", href: linker.href(site.urls[other]), current: other == id)
        }
        return CountryView(
            idPrefix: idPrefix, title: title(of: id), summary: page.summary, body: body, edition: page.edition ?? "",
            countryCode: country?.code.value ?? "", region: region, keyData: keyData, priorityAreas: goals,
            achievements: (country?.achievements ?? []).map { text($0, page.language) }, budget: country?.budgetEUR.map { format.euros($0) },
            otherEditions: otherEditions)
    }

    private func makeEditionView(_ id: Site.PageID, body: BodyView, linker: Linker) -> EditionView {
        let page = site.pages[id]
        let edition = page.edition ?? ""
        let link = { (other: Site.PageID) in LinkView(label: title(of: other), href: linker.href(site.urls[other])) }
        let regions = (site.regionsOfEdition[edition]?[page.language] ?? []).map { region in
            RegionGroupView(title: title(of: region), href: linker.href(site.urls[region]),
                            countries: (site.countriesOfRegion[region] ?? []).map(link))
        }
        let countries = site.countriesOfEdition[edition]?[page.language] ?? []
        let unassigned = countries.filter { site.regionOfCountry[$0] == nil }.map(link)
        let goals = Set(countries.flatMap { site.pages[$0].country?.priorityAreas ?? [] }).sorted()
            .map { goalView($0, language: page.language, edition: edition, linker: linker) }
        return EditionView(title: title(of: id), summary: page.summary, body: body, edition: edition,
                           regions: regions, otherCountries: unassigned, goals: goals,
                           chart: makeChart(countries, language: page.language, linker: linker),
                           comparisonHref: linker.href("\(page.language)/\(edition)/key-data/"),
                           printHref: linker.href("\(page.language)/\(edition)/print/"),
                           otherEditions: editionLinks(page.language, current: nil, linker: linker).filter { $0.label != edition })
    }

    private func goalView(_ goal: SDG, language: String, edition: String, linker: Linker) -> GoalView {
        GoalView(number: goal.number, name: goal.name(in: language), colour: goal.colour,
                 href: linker.href("\(language)/\(edition)/goals/\(goal.number)/"))
    }

    /// Bars for the countries with a budget, largest first; geometry in SVG user units.
    private func makeChart(_ countries: [Site.PageID], language: String, linker: Linker) -> ChartView? {
        let budgets = countries.compactMap { id in site.pages[id].country?.budgetEUR.map { (id, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : title(of: $0.0) < title(of: $1.0) }
        guard let largest = budgets.first?.1, largest > 0 else { return nil }
        let format = formatting(language)
        let labelWidth = 200, barSpace = 300, row = 28
        let bars = budgets.enumerated().map { index, entry in
            let width = max(1, Int((Double(entry.1) / Double(largest) * Double(barSpace)).rounded()))
            return BarView(label: title(of: entry.0), value: format.euros(entry.1), href: linker.href(site.urls[entry.0]),
                           y: index * row + 5, textY: index * row + 23, width: width, valueX: labelWidth + width + 8)
        }
        return ChartView(width: labelWidth + barSpace + 140, height: budgets.count * row + 10, bars: bars)
    }

    // MARK: - Generated pages

    /// `/<lang>/`: the language's editions, newest first, and its pages outside editions.
    public func renderLanguageHome(_ language: String) -> RenderedFile {
        let url = site.languageHomeURL(language)
        let linker = Linker(mode: .relative(from: url))
        let chrome = makeChrome(language: language, url: url, translations: languageHomes(), title: siteTitle(language),
                                description: nil, edition: nil, linker: linker)
        let editions = editionLinks(language, current: nil, linker: linker)
        let pages = (site.standalonePages[language] ?? []).map { LinkView(label: title(of: $0), href: linker.href(site.urls[$0])) }
        let view = LanguageHomeView(title: siteTitle(language), latest: editions.first, editions: editions, pages: pages)
        return RenderedFile(path: url + "index.html", bytes: render(PageContext(chrome: chrome, t: t(language), page: view), "home"))
    }

    /// `/index.html`: a page in the default language that leads there without JavaScript.
    public func renderRoot() -> RenderedFile {
        let language = site.config.defaultLanguage
        let linker = Linker(mode: .relative(from: ""))
        let chrome = makeChrome(language: language, url: "", translations: [:], title: siteTitle(language),
                                description: nil, edition: nil, linker: linker)
        // The latest edition is each language's default: the root leads there, and offers every language's.
        func latest(_ code: String) -> String {
            site.editions.reversed().lazy.compactMap { site.editionHomes[$0]?[code].map { site.urls[$0] } }.first
                ?? site.languageHomeURL(code)
        }
        let languages = site.config.languages.map { LinkView(label: $0.name, href: linker.href(latest($0.code)), lang: $0.code) }
        let view = RootView(target: linker.href(latest(language)), languages: languages)
        return RenderedFile(path: "index.html", bytes: render(PageContext(chrome: chrome, t: t(language), page: view), "root"))
    }

    /// `/<lang>/404.html`, and `/404.html` in the default language: served at any URL, so links start at the base path.
    public func renderNotFound(_ language: String, atRoot: Bool) -> RenderedFile {
        let linker = Linker(mode: .absolute(basePath: site.config.basePath))
        let title = t(language)["not_found_title"] ?? ""
        let chrome = makeChrome(language: language, url: nil, translations: [:], title: title, description: nil,
                                edition: nil, linker: linker, notFoundPages: true)
        let path = atRoot ? "404.html" : "\(language)/404.html"
        return RenderedFile(path: path, bytes: render(PageContext(chrome: chrome, t: t(language), page: NotFoundView(title: title)), "404"))
    }

    // MARK: - Pages of an edition made from its countries

    /// `/<lang>/<year>/goals/<n>/` for each goal that a country of the edition works on.
    public func renderGoalPages(edition: String, language: String) -> [RenderedFile] {
        let countries = site.countriesOfEdition[edition]?[language] ?? []
        let goals = Set(countries.flatMap { site.pages[$0].country?.priorityAreas ?? [] }).sorted()
        return goals.map { goal in
            let url = "\(language)/\(edition)/goals/\(goal.number)/"
            let linker = Linker(mode: .relative(from: url))
            let members = countries.filter { site.pages[$0].country?.priorityAreas.contains(goal) == true }
                .map { LinkView(label: title(of: $0), href: linker.href(site.urls[$0])) }
            let view = GoalPageView(number: goal.number, name: goal.name(in: language), colour: goal.colour, edition: edition, countries: members)
            let chrome = makeGeneratedChrome(url: url, language: language, edition: edition, title: "\(goal.number). \(goal.name(in: language))",
                                             linker: linker, translations: editionTranslations(edition) { "\($0)/\(edition)/goals/\(goal.number)/" })
            return RenderedFile(path: url + "index.html", bytes: render(PageContext(chrome: chrome, t: t(language), page: view), "goal"))
        }
    }

    /// `/<lang>/<year>/key-data/`: every country's key data side by side, formatted for the locale.
    public func renderComparison(edition: String, language: String) -> RenderedFile {
        let url = "\(language)/\(edition)/key-data/"
        let linker = Linker(mode: .relative(from: url))
        let format = formatting(language)
        let t = t(language)
        let dash = "—"
        var notes: [String] = []
        let rows = (site.countriesOfEdition[edition]?[language] ?? []).map { id -> ComparisonRowView in
            let country = site.pages[id].country
            let data = country?.keyData
            if let data, data.source != nil || data.year != nil {
                let origin = [data.source, data.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
                notes.append(text("\(site.pages[id].title.value)\(t["colon"] ?? ":") \(origin)", language))
            }
            let programme: String = switch data?.cooperationProgramme ?? .absent {
            case .absent: dash
            case .notApplicable: t["not_applicable"] ?? "N/A"
            case .text(let value): value
            }
            return ComparisonRowView(
                country: LinkView(label: title(of: id), href: linker.href(site.urls[id])),
                population: data?.populationMillions.map { format.decimal($0) } ?? dash,
                populationValue: data?.populationMillions.map { String($0) } ?? "",
                gniPerCapita: data?.gniPerCapitaUSD.map { format.integer($0) } ?? dash,
                gniPerCapitaValue: data?.gniPerCapitaUSD.map(String.init) ?? "",
                hdiRank: data?.hdiRank.map { format.integer($0) } ?? dash,
                hdiRankValue: data?.hdiRank.map(String.init) ?? "",
                lifeExpectancy: data?.lifeExpectancy.map { format.decimal($0) } ?? dash,
                lifeExpectancyValue: data?.lifeExpectancy.map { String($0) } ?? "",
                programme: programme,
                budget: country?.budgetEUR.map { format.euros($0) } ?? dash,
                budgetValue: country?.budgetEUR.map(String.init) ?? "")
        }
        let view = ComparisonView(edition: edition, rows: rows, notes: notes, hasNotes: !notes.isEmpty)
        let chrome = makeGeneratedChrome(url: url, language: language, edition: edition, title: "\(t["comparison_title"] ?? "") \(edition)",
                                         linker: linker, translations: editionTranslations(edition) { "\($0)/\(edition)/key-data/" })
        return RenderedFile(path: url + "index.html", bytes: render(PageContext(chrome: chrome, t: t, page: view), "comparison"))
    }

    /// `/<lang>/<year>/print/`: the edition's home text, then each region followed by its countries, then the
    /// countries of no region, every body whole. `section` gives a rendered page's print section.
    public func renderPrint(edition: String, language: String, section: (Site.PageID) -> String?) -> RenderedFile? {
        guard let home = site.editionHomes[edition]?[language] else { return nil }
        let url = "\(language)/\(edition)/print/"
        let linker = Linker(mode: .relative(from: url))
        var order: [Site.PageID] = []
        for region in site.regionsOfEdition[edition]?[language] ?? [] {
            order.append(region)
            order += site.countriesOfRegion[region] ?? []
        }
        order += (site.countriesOfEdition[edition]?[language] ?? []).filter { site.regionOfCountry[$0] == nil }
        let view = PrintView(title: title(of: home), edition: edition, introduction: section(home) ?? "",
                             sections: order.compactMap(section))
        let chrome = makeGeneratedChrome(url: url, language: language, edition: edition, title: title(of: home), linker: linker,
                                         translations: editionTranslations(edition) { "\($0)/\(edition)/print/" })
        return RenderedFile(path: url + "index.html", bytes: render(PageContext(chrome: chrome, t: t(language), page: view), "print"))
    }

    /// `/<lang>/search.json`: the entries of the language's pages, in page order.
    public func renderSearchIndex(language: String, entry: (Site.PageID) -> String?) -> RenderedFile {
        let entries = site.pages.indices.filter { site.pages[$0].language == language }.compactMap(entry)
        return RenderedFile(path: "\(language)/search.json", text: SearchIndex.file(entries: entries))
    }

    /// The generated page of `edition` in every language that has the edition.
    private func editionTranslations(_ edition: String, url: (String) -> String) -> [String: String] {
        var translations: [String: String] = [:]
        for language in site.editionHomes[edition]?.keys ?? [:].keys { translations[language] = url(language) }
        return translations
    }

    private func makeGeneratedChrome(url: String, language: String, edition: String, title: String, linker: Linker,
                                     translations: [String: String]) -> ChromeView {
        makeChrome(language: language, url: url, translations: translations, title: text(title, language),
                   description: nil, edition: edition, linker: linker)
    }

    /// `sitemap.xml`: every page with its translations as `xhtml:link` alternates.
    public func renderSitemap() -> RenderedFile {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        var entries: [(url: String, alternates: [(String, String)])] = []
        let homes = languageHomes()
        for language in site.config.languageCodes {
            entries.append((homes[language]!, homes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
        for id in site.pages.indices {
            let alternates = site.translations[id].sorted { $0.key < $1.key }.map { ($0.key, site.urls[$0.value]) }
            entries.append((site.urls[id], alternates))
        }
        // The generated pages of each edition: the key-data comparison and the goal pages (not the print page,
        // which repeats the others).
        for edition in site.editions {
            let languages = (site.editionHomes[edition] ?? [:]).keys.sorted()
            let comparison = languages.map { ($0, "\($0)/\(edition)/key-data/") }
            for (_, url) in comparison { entries.append((url, comparison)) }
            var goalsByLanguage: [String: Set<SDG>] = [:]
            for language in languages {
                goalsByLanguage[language] = Set((site.countriesOfEdition[edition]?[language] ?? []).flatMap { site.pages[$0].country?.priorityAreas ?? [] })
            }
            for goal in Set(goalsByLanguage.values.flatMap { $0 }).sorted() {
                let alternates = languages.filter { goalsByLanguage[$0]?.contains(goal) == true }
                    .map { ($0, "\($0)/\(edition)/goals/\(goal.number)/") }
                for (_, url) in alternates { entries.append((url, alternates)) }
            }
        }
        for entry in entries.sorted(by: { $0.url < $1.url }) {
            xml += "  <url>\n    <loc>\(XML.escape(site.config.absoluteURL(entry.url)))</loc>\n"
            if entry.alternates.count > 1 {
                for (language, url) in entry.alternates {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(XML.escape(site.config.absoluteURL(url)))\"/>\n"
                }
            }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return RenderedFile(path: "sitemap.xml", text: xml)
    }

    public func renderRobots() -> RenderedFile {
        RenderedFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.absoluteURL("sitemap.xml"))\n")
    }

    // MARK: - Layout

    private func makeChrome(for id: Site.PageID, linker: Linker) -> ChromeView {
        let page = site.pages[id]
        let translations = site.translations[id].mapValues { site.urls[$0] }
        return makeChrome(language: page.language, url: site.urls[id], translations: translations,
                          title: title(of: id), description: page.summary, edition: page.edition, linker: linker)
    }

    /// The layout of a page at `url` (nil: served anywhere) with `translations` (language → URL path).
    private func makeChrome(language: String, url: String?, translations: [String: String], title: String,
                            description: String?, edition: String?, linker: Linker, notFoundPages: Bool = false) -> ChromeView {
        let config = site.config
        let switcher = config.languages.map { other -> LinkView in
            let target: String
            if notFoundPages { target = "\(other.code)/404.html" }
            else if let translated = translations[other.code] { target = translated }
            else if let edition, let home = site.editionHomes[edition]?[other.code] { target = site.urls[home] }
            else { target = site.languageHomeURL(other.code) }
            return LinkView(label: other.name, href: linker.href(target), current: other.code == language,
                            lang: other.code == language ? nil : other.code)
        }
        let alternates = config.languageCodes.compactMap { code in
            translations[code].map { AlternateView(hreflang: code, href: config.absoluteURL($0)) }
        }
        let siteTitle = siteTitle(language)
        return ChromeView(
            lang: language, siteTitle: siteTitle,
            documentTitle: title == siteTitle ? title : "\(title) – \(siteTitle)",
            description: description, canonical: url.map(config.absoluteURL), alternates: alternates.count > 1 ? alternates : [],
            root: linker.root, homeHref: linker.href(site.languageHomeURL(language)),
            switcher: switcher, editions: editionLinks(language, current: edition, linker: linker),
            privacyHref: site.privacyPages[language].map { linker.href(site.urls[$0]) },
            accessibilityHref: site.accessibilityPages[language].map { linker.href(site.urls[$0]) },
            privacyBanner: config.privacyBanner && site.privacyPages[language] != nil,
            searchIndexHref: linker.href("\(language)/search.json"))
    }

    private func editionLinks(_ language: String, current: String?, linker: Linker) -> [LinkView] {
        site.editions.reversed().compactMap { edition in
            site.editionHomes[edition]?[language].map {
                LinkView(label: edition, href: linker.href(site.urls[$0]), current: edition == current)
            }
        }
    }

    private func languageHomes() -> [String: String] {
        Dictionary(uniqueKeysWithValues: site.config.languageCodes.map { ($0, site.languageHomeURL($0)) })
    }

    private func siteTitle(_ language: String) -> String { text(site.config.title[language] ?? "", language) }
    /// A page's title as shown in its language.
    func title(of id: Site.PageID) -> String { text(site.pages[id].title.value, site.pages[id].language) }
    private func t(_ language: String) -> [String: String] { strings[language]?.strings ?? [:] }
    private func formatting(_ language: String) -> NumberFormatting {
        formats[language] ?? NumberFormatting(localeIdentifier: language)
    }
}

// MARK: - Links in bodies

extension SiteRenderer {
    /// Where a body link leads once resolved.
    enum ResolvedLink {
        /// A link that must not be followed (`javascript:` …): rendered with an empty target.
        case blocked
        /// A path of the built site (relative to its root), and a fragment.
        case site(path: String, fragment: String?)
    }

    /// Where a body link leads, or `nil` to keep it as written; logs links to missing pages and assets.
    private func resolve(_ link: MarkdownLink, on page: Page, id: Site.PageID,
                         log: inout DiagnosticLog, anchors: inout [AnchorLink], linked: inout Set<String>) -> ResolvedLink? {
        let location = SourceLocation(path: page.file, line: page.bodyFirstLine + link.line - 1, column: link.column)
        let destination = link.destination
        if link.kind == .image, link.text.allSatisfy(\.isWhitespace) {
            log.warning(.imageWithoutAlt(destination), at: location)
        }
        if URLSafety.isDangerous(destination) {
            log.error(.unsafeURL(destination), at: location)
            return .blocked
        }
        guard !destination.isEmpty, !LinkTarget.hasScheme(destination), !destination.hasPrefix("//") else { return nil }
        let (path, fragment) = LinkTarget.split(destination)
        if path.isEmpty {
            if let fragment { anchors.append(AnchorLink(target: page.file, anchor: fragment, location: location)) }
            return nil
        }
        let decoded = path.contains("%") ? path.removingPercentEncoding ?? path : path
        if decoded.hasSuffix(".md") {
            let file = LinkTarget.resolve(decoded, from: page.file)
            if let file { linked.insert(file) }
            guard let file, var target = site.pageByFile[file] else {
                if file.map({ !site.unloadedFiles.contains($0) }) ?? true { log.error(.brokenLink(destination), at: location) }
                return nil
            }
            // A link to a page of another language leads to its translation in the page's language.
            if site.pages[target].language != page.language, let translated = site.translations[target][page.language] {
                target = translated
            }
            if let fragment { anchors.append(AnchorLink(target: site.pages[target].file, anchor: fragment, location: location)) }
            return .site(path: site.urls[target], fragment: fragment)
        }
        let assetPath: String?
        if decoded.hasPrefix("/assets/") {
            assetPath = String(decoded.dropFirst())
        } else if let file = LinkTarget.resolve(decoded, from: page.file), file.hasPrefix("content/assets/") {
            assetPath = String(file.dropFirst("content/".count))
        } else {
            assetPath = nil
        }
        guard let assetPath else { return nil }
        guard assetPaths.contains(assetPath) else {
            log.error(.missingAsset(destination), at: location)
            return nil
        }
        return .site(path: assetPath, fragment: fragment)
    }

    private func reportMarkdownProblems(_ markdown: RenderedMarkdown, on page: Page, log: inout DiagnosticLog) {
        func location(_ position: MarkdownPosition) -> SourceLocation {
            SourceLocation(path: page.file, line: page.bodyFirstLine + position.line - 1, column: position.column)
        }
        for position in markdown.rawHTMLWithScriptURLs { log.error(.scriptURLInRawHTML, at: location(position)) }
        guard !site.config.allowRawHTML else { return }
        for position in markdown.rawHTML { log.warning(.rawHTMLIgnored, at: location(position)) }
    }
}

/// Reading link destinations written in bodies.
enum LinkTarget {
    /// `https:`, `mailto:`, `javascript:` …: a destination with a URL scheme.
    static func hasScheme(_ destination: String) -> Bool {
        // On bytes for ASCII schemes; a non-ASCII byte before or just after the first colon takes the rule on Characters.
        var bytes = destination.utf8.makeIterator(), count = 0
        while let byte = bytes.next() {
            if byte >= 0x80 { return hasSchemeByCharacters(destination) }
            if byte == UInt8(ascii: ":") {
                if let after = bytes.next(), after >= 0x80 { return hasSchemeByCharacters(destination) }
                return count > 0
            }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard count == 0 ? isLetter : isLetter || isDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".") else { return false }
            count += 1
        }
        return false
    }

    /// The rule on Characters: `scheme:` where the scheme is an ASCII letter then ASCII letters, digits, `+ - .`.
    static func hasSchemeByCharacters(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        let fragment = String(destination[destination.index(after: hash)...])
        return (String(destination[..<hash]), fragment.isEmpty ? nil : fragment)
    }

    /// `path` relative to the folder of `file` (both relative to the site root), normalised; `nil` above the root.
    static func resolve(_ path: String, from file: String) -> String? {
        // The common case, a sibling file (`niger.md`): no splitting.
        if !path.contains("/"), path != "..", path != ".", let slash = file.lastIndex(of: "/") {
            return file[...slash] + path
        }
        var parts = path.hasPrefix("/") ? [] : file.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return nil }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Escaping for XML text and attribute values (the sitemap, the preview's overlay).
public enum XML {
    public static func escape(_ text: String) -> String { MarkupEscaping.escape(text, xml: true) }
}

extension Site {
    /// The same country (by code) in the other editions, same language, oldest edition first; the page itself included.
    func sameCountryInOtherEditions(_ id: PageID) -> [PageID] {
        let page = pages[id]
        guard let code = page.country?.code.value, let matches = countryAcrossEditions[page.language]?[code] else { return [] }
        return matches.count > 1 ? matches : []
    }
}
