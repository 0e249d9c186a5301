import Foundation
import RapportTemplates

// MARK: - Edition homes: their lists, goals and budget chart

extension SiteRenderer {
    func makeEditionView(_ id: Site.PageID, edition: String, body: BodyView, linker: Linker) -> EditionView {
        let page = site.pages[id]
        let link = { (other: Site.PageID) in LinkView(label: self.title(of: other), href: linker.href(self.site.urls[other])) }
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
                           chart: makeChart(countries, language: page.language, edition: edition, linker: linker),
                           comparisonHref: linker.href(Route.comparison(language: page.language, edition: edition).path),
                           printHref: linker.href(Route.print(language: page.language, edition: edition).path),
                           otherEditions: editionLinks(page.language, current: nil, linker: linker).filter { $0.label != edition },
                           contents: contentsEntries(site.reading.contents[edition]?[page.language] ?? [], linker: linker))
    }

    func goalView(_ goal: SDG, language: String, edition: String, linker: Linker) -> GoalView {
        GoalView(number: goal.number, name: goalName(goal, language), colour: goal.colour,
                 href: linker.href(Route.goal(language: language, edition: edition, number: goal.number).path))
    }

    /// The budget per country (countries with `budget_eur`), largest first, drawn by the one chart renderer,
    /// with the same figures as a table.
    func makeChart(_ countries: [Site.PageID], language: String, edition: String, linker: Linker) -> DataChartView? {
        let budgets = countries.compactMap { id in site.pages[id].country?.budgetEUR.map { (id, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : title(of: $0.0) < title(of: $1.0) }
        guard !budgets.isEmpty else { return nil }
        let format = formatting(language)
        let caption = text("\(string(.chartTitle, in: language) ?? "") \(edition)", language)
        let amounts = budgets.map { format.euros($0.1) }
        let table = DataTableView(
            id: "chart_budget_table", caption: caption,
            columns: [DataHeaderView(label: string(.countryColumn, in: language) ?? "", isNumeric: false),
                      DataHeaderView(label: string(.budget, in: language) ?? "", isNumeric: true)],
            rows: budgets.enumerated().map { index, entry in
                DataRowView(cells: [DataCellView(text: self.title(of: entry.0), isNumeric: false, isHeader: true, href: linker.href(site.urls[entry.0])),
                                    DataCellView(text: amounts[index], isNumeric: true, isHeader: false, href: nil)])
            },
            source: nil, note: nil, preliminary: false, downloadHref: nil, downloadSize: "")
        let figures = ChartFigures(
            kind: .bar, id: "chart_budget", title: caption, labels: budgets.map { self.title(of: $0.0) },
            hrefs: budgets.map { linker.href(site.urls[$0.0]) }, years: [], values: budgets.map { [Double($0.1)] },
            valueText: { row, _ in amounts[row] }, seriesNames: [text(string(.budget, in: language) ?? "", language)],
            barText: { row, _ in format.shortLabel(Double(budgets[row].1), unit: .euros) },
            // Short labels ("5 M€"): the full amounts are in the table and the description.
            tickText: { value, largest, step in format.axisLabel(value, largest: largest, step: step, unit: .euros) }, table: table)
        var view = chartView(figures, language: language)
        view.embedsStyle = linker.isDocument
        return view
    }
}
