import Foundation
import RapportTemplates

// MARK: - Country pages: their key data and view

extension SiteRenderer {
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

    func makeCountryView(_ id: Site.PageID, edition: String, body: BodyView, linker: Linker, idPrefix: String, keyData: KeyDataView?) -> CountryView {
        let page = site.pages[id]
        let format = formatting(page.language)
        let country = page.country
        let region = site.regionOfCountry[id].map { LinkView(label: title(of: $0), href: linker.href(site.urls[$0])) }
        let goals = (country?.priorityAreas ?? []).map { goalView($0, language: page.language, edition: edition, linker: linker) }
        let otherEditions = site.sameCountryInOtherEditions(id).map { other in
            LinkView(label: site.pages[other].edition ?? "", href: linker.href(site.urls[other]), current: other == id)
        }
        return CountryView(
            idPrefix: idPrefix, title: title(of: id), summary: page.summary, body: body, edition: edition,
            countryCode: country?.code.value ?? "", region: region, keyData: keyData, priorityAreas: goals,
            achievements: (country?.achievements ?? []).map { text($0, page.language) }, budget: country?.budgetEUR.map { format.euros($0) },
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
