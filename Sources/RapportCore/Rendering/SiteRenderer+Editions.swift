import Foundation
import RapportTemplates

// MARK: - Edition homes: their lists, goals and budget chart

extension SiteRenderer {
    func makeEditionView(_ id: Site.PageID, edition: String, body: BodyView, linker: Linker) -> EditionView {
        let page = site.pages[id]
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
                           comparisonHref: linker.href(Route.comparison(language: page.language, edition: edition).path),
                           printHref: linker.href(Route.print(language: page.language, edition: edition).path),
                           otherEditions: editionLinks(page.language, current: nil, linker: linker).filter { $0.label != edition },
                           contents: contentsEntries(site.reading.contents[edition]?[page.language] ?? [], linker: linker))
    }

    func goalView(_ goal: SDG, language: String, edition: String, linker: Linker) -> GoalView {
        GoalView(number: goal.number, name: goal.name(in: language), colour: goal.colour,
                 href: linker.href(Route.goal(language: language, edition: edition, number: goal.number).path))
    }

    /// Bars for the countries with a budget, largest first; geometry in SVG user units.
    func makeChart(_ countries: [Site.PageID], language: String, linker: Linker) -> ChartView? {
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
}
