import Foundation
import RapportTemplates

// MARK: - Country pages: their key data and view

extension SiteRenderer {
    /// A country's key data, formatted for its page's locale; absent figures are left out.
    func makeKeyData(_ id: Site.PageID) -> KeyDataView? {
        let page = site.pages[id]
        guard let country = page.country, let data = country.keyData else { return nil }
        let shown = { (figure: CountryFigure) in self.formatted(figure, of: country, language: page.language) }
        return KeyDataView(
            population: shown(.populationMillions),
            gniPerCapita: shown(.gniPerCapitaUSD),
            hdiRank: shown(.hdiRank).map { rank in shown(.hdiTotal).map { "\(rank)/\($0)" } ?? rank },
            lifeExpectancy: shown(.lifeExpectancy),
            programme: { if case .text(let text) = data.cooperationProgramme { return text } else { return nil } }(),
            programmeNotApplicable: data.cooperationProgramme == .notApplicable,
            year: shown(.year),
            source: data.source.map { text($0, page.language) },
            hasNote: country.figures[.year] != nil || data.source != nil)
    }

    /// A figure of `country` as its row of `CountryFigure` shows it in `language`; nil when it is not given.
    func formatted(_ figure: CountryFigure, of country: CountryData, language: String) -> String? {
        guard let value = country.figures[figure]?.value else { return nil }
        let format = formatting(language)
        switch (figure.display, value) {
        case (.asWritten, _): return value.raw
        case (.number, .integer(let number)): return format.integer(number)
        case (.number, .decimal(let number)): return format.decimal(number)
        case (.euros, .integer(let amount)): return format.euros(amount)
        case (.euros, .decimal(let amount)): return format.euros(amount, digits: 0)
        }
    }

    func makeCountryView(_ id: Site.PageID, edition: String, body: BodyView, linker: Linker, idPrefix: String, keyData: KeyDataView?) -> CountryView {
        let page = site.pages[id]
        let country = page.country
        let region = site.regionOfCountry[id].map { LinkView(label: title(of: $0), href: linker.href(site.urls[$0])) }
        let goals = (country?.priorityAreas ?? []).map { goalView($0, language: page.language, edition: edition, linker: linker) }
        let otherEditions = site.sameCountryInOtherEditions(id).map { other in
            LinkView(label: site.pages[other].edition ?? "", href: linker.href(site.urls[other]), current: other == id)
        }
        return CountryView(
            idPrefix: idPrefix, title: title(of: id), summary: page.summary, body: body, edition: edition,
            countryCode: country?.code.value ?? "", region: region, keyData: keyData, priorityAreas: goals,
            achievements: (country?.achievements ?? []).map { text($0, page.language) },
            budget: country.flatMap { formatted(.budgetEUR, of: $0, language: page.language) },
            otherEditions: otherEditions)
    }
}

extension Site {
    /// The same country (by code) in the other editions, same language, oldest edition first; the page itself included.
    func sameCountryInOtherEditions(_ id: PageID) -> [PageID] {
        let page = pages[id]
        guard let code = page.country?.code.value, let matches = countryAcrossEditions[page.language]?[code] else { return [] }
        return matches.count > 1 ? matches : []
    }
}
