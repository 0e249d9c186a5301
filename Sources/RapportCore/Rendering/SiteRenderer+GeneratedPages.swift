import Foundation
import RapportTemplates

extension SiteRenderer {
    // MARK: - Generated pages

    /// `/<lang>/`: the language's editions, newest first, and its pages outside editions.
    public func renderLanguageHome(_ language: String) -> RenderedFile {
        let url = site.languageHomeURL(language)
        let linker = Linker(mode: .relative(from: url))
        let chrome = makeChrome(language: language, url: url, translations: languageHomes(), title: siteTitle(language),
                                description: nil, edition: nil, linker: linker)
        let editions = editionLinks(language, current: nil, linker: linker)
        let glossary = site.glossaryRoutes[language].map { LinkView(label: text(string(.glossaryTitle, in: language) ?? "", language), href: linker.href($0.path)) }
        let pages = (site.standalonePages[language] ?? []).map { LinkView(label: title(of: $0), href: linker.href(site.urls[$0])) }
            + [glossary].compactMap { $0 }
        let view = LanguageHomeView(title: siteTitle(language), latest: editions.first, editions: editions, pages: pages)
        return RenderedFile(path: url + "index.html", bytes: render(PageContext(chrome: chrome, t: t(language), page: view), .home))
    }

    /// `/index.html`: a page in the default language that leads there without JavaScript.
    public func renderRoot() -> RenderedFile {
        let language = site.config.defaultLanguage
        let linker = Linker(mode: .relative(from: ""))
        let chrome = makeChrome(language: language, url: "", translations: [:], title: siteTitle(language),
                                description: nil, edition: nil, linker: linker)
        // The latest edition is each language's default: the root leads there, and offers every language's.
        func latest(_ code: String) -> String {
            site.editions.reversed().lazy.compactMap { self.site.editionHomes[$0]?[code].map { self.site.urls[$0] } }.first
                ?? site.languageHomeURL(code)
        }
        let languages = site.config.languages.map { LinkView(label: $0.name, href: linker.href(latest($0.code)), lang: $0.code) }
        let view = RootView(target: linker.href(latest(language)), languages: languages)
        return RenderedFile(path: Route.root.file, bytes: render(PageContext(chrome: chrome, t: t(language), page: view), .root))
    }

    /// `/<lang>/404.html`, and `/404.html` in the default language: served at any URL, so links start at the base path.
    public func renderNotFound(_ language: String, atRoot: Bool) -> RenderedFile {
        let linker = Linker(mode: .absolute(basePath: site.config.basePath))
        let title = string(.notFoundTitle, in: language) ?? ""
        let chrome = makeChrome(language: language, url: nil, translations: [:], title: title, description: nil,
                                edition: nil, linker: linker, notFoundPages: true)
        let path = Route.notFound(language: atRoot ? nil : language).file
        return RenderedFile(path: path, bytes: render(PageContext(chrome: chrome, t: t(language), page: NotFoundView(title: title)), .notFound))
    }

    // MARK: - Pages of an edition made from its countries

    /// `/<lang>/<year>/goals/<n>/` for each goal that a country of the edition works on.
    public func renderGoalPages(edition: String, language: String) -> [RenderedFile] {
        let countries = site.countriesOfEdition[edition]?[language] ?? []
        return site.goals(edition: edition, language: language).map { goal in
            let url = Route.goal(language: language, edition: edition, number: goal.number).path
            let linker = Linker(mode: .relative(from: url))
            let members = countries.filter { site.pages[$0].country?.priorityAreas.contains(goal) == true }
                .map { LinkView(label: title(of: $0), href: linker.href(site.urls[$0])) }
            let view = GoalPageView(number: goal.number, name: goalName(goal, language), colour: goal.colour, edition: edition, countries: members)
            let chrome = makeGeneratedChrome(url: url, language: language, edition: edition, title: "\(goal.number). \(goalName(goal, language))",
                                             linker: linker, translations: editionTranslations(edition) { Route.goal(language: $0, edition: edition, number: goal.number).path })
            return RenderedFile(path: url + "index.html", bytes: render(PageContext(chrome: chrome, t: t(language), page: view), .goal))
        }
    }

    /// `/<lang>/<year>/key-data/`: every country's key data side by side, formatted for the locale.
    public func renderComparison(edition: String, language: String) -> RenderedFile {
        let url = Route.comparison(language: language, edition: edition).path
        let linker = Linker(mode: .relative(from: url))
        let t = t(language)
        let dash = "—"
        var notes: [String] = []
        let rows = (site.countriesOfEdition[edition]?[language] ?? []).map { id -> ComparisonRowView in
            let country = site.pages[id].country
            let data = country?.keyData
            let year = country?.figures[.year]?.value.raw
            if let data, data.source != nil || year != nil {
                let origin = [data.source, year].compactMap { $0 }.joined(separator: ", ")
                notes.append(text("\(site.pages[id].title.value)\(string(.colon, in: language) ?? ":") \(origin)", language))
            }
            let programme: String = switch data?.cooperationProgramme ?? .absent {
            case .absent: dash
            case .notApplicable: string(.notApplicable, in: language) ?? "N/A"
            case .text(let value): value
            }
            let shown = { (figure: CountryFigure) in country.flatMap { self.formatted(figure, of: $0, language: language) } ?? dash }
            let raw = { (figure: CountryFigure) in country?.figures[figure]?.value.raw ?? "" }
            return ComparisonRowView(
                country: LinkView(label: title(of: id), href: linker.href(site.urls[id])),
                population: shown(.populationMillions), populationValue: raw(.populationMillions),
                gniPerCapita: shown(.gniPerCapitaUSD), gniPerCapitaValue: raw(.gniPerCapitaUSD),
                hdiRank: shown(.hdiRank), hdiRankValue: raw(.hdiRank),
                lifeExpectancy: shown(.lifeExpectancy), lifeExpectancyValue: raw(.lifeExpectancy),
                programme: programme,
                budget: shown(.budgetEUR), budgetValue: raw(.budgetEUR))
        }
        let view = ComparisonView(edition: edition, rows: rows, notes: notes, hasNotes: !notes.isEmpty)
        let chrome = makeGeneratedChrome(url: url, language: language, edition: edition, title: "\(string(.comparisonTitle, in: language) ?? "") \(edition)",
                                         linker: linker, translations: editionTranslations(edition) { Route.comparison(language: $0, edition: edition).path })
        return RenderedFile(path: url + "index.html", bytes: render(PageContext(chrome: chrome, t: t, page: view), .comparison))
    }

    /// `/<lang>/<year>/print/`: the edition's home text, then every page of the edition in reading order (chapters,
    /// the country section), every body whole, then the glossary. `section` gives a rendered page's print section.
    public func renderPrint(edition: String, language: String, section: (Site.PageID) -> [UInt8]?) -> RenderedFile? {
        guard let home = site.editionHomes[edition]?[language] else { return nil }
        let url = Route.print(language: language, edition: edition).path
        let linker = Linker(mode: .relative(from: url))
        let order = (site.reading.sequence[edition]?[language] ?? []).filter { $0 != home }
        var view = PrintView(title: title(of: home), edition: edition, introduction: section(home) ?? [],
                             sections: order.compactMap(section))
        view.glossary = makeGlossaryView(language: language, idPrefix: "g-")
        let chrome = makeGeneratedChrome(url: url, language: language, edition: edition, title: title(of: home), linker: linker,
                                         translations: editionTranslations(edition) { Route.print(language: $0, edition: edition).path })
        return RenderedFile(path: url + "index.html", bytes: render(PageContext(chrome: chrome, t: t(language), page: view), .print))
    }

    /// `/<lang>/search.json`: the entries of the language's pages, in page order, then the glossary's.
    public func renderSearchIndex(language: String, entry: (Site.PageID) -> [UInt8]?) -> RenderedFile {
        let entries = site.pages.indices.filter { site.pages[$0].language == language }.compactMap(entry)
            + [glossarySearchEntry(language: language)].compactMap { $0 }
        return RenderedFile(path: Route.searchIndex(language: language).file, bytes: SearchIndex.file(entries: entries))
    }

    /// The generated page of `edition` in every language that has the edition.
    func editionTranslations(_ edition: String, url: (String) -> String) -> [String: String] {
        var translations: [String: String] = [:]
        for language in site.editionHomes[edition]?.keys ?? [:].keys { translations[language] = url(language) }
        return translations
    }

    func makeGeneratedChrome(url: String, language: String, edition: String, title: String, linker: Linker,
                                     translations: [String: String]) -> ChromeView {
        var chrome = makeChrome(language: language, url: url, translations: translations, title: text(title, language),
                                description: nil, edition: edition, linker: linker)
        if let home = site.editionHomes[edition]?[language] {
            chrome.breadcrumbs = [LinkView(label: self.title(of: home), href: linker.href(site.urls[home])),
                                  LinkView(label: text(title, language), href: linker.href(url), current: true)]
        }
        return chrome
    }
}
