// MARK: - Figures agree across languages (the contract's Part 2)

extension Site {
    /// A translated country page states the facts of its default-language counterpart: the country, the region
    /// (as the paired region page), the numbers of `key_data`, `priority_areas` and `budget_eur`. A difference is
    /// an error at the value of the translated page, naming the default language's file and its value. Texts
    /// (`source`, `cooperation_programme`, `achievements`) are translated, so free.
    static func checkFigures(pages: [Page], translations: [[String: PageID]], regionOfCountry: [PageID: PageID],
                             defaultLanguage: String, log: inout DiagnosticLog) {
        for (id, page) in pages.enumerated() where page.language != defaultLanguage {
            guard let country = page.country, let originalID = translations[id][defaultLanguage],
                  let original = pages[originalID].country,
                  !page.hasFrontMatterErrors, !pages[originalID].hasFrontMatterErrors else { continue }
            let file = pages[originalID].file
            func differ(_ key: String, _ here: String?, _ there: String?, at place: SourceLocation? = nil) {
                guard here != there else { return }
                // A figure missing here: a key_data figure at the key_data block, another at the front matter's start.
                let block = PageLoader.keyDataKeys.contains(key) ? country.places["key_data"] : nil
                let location = place ?? country.places[key] ?? block ?? SourceLocation(path: page.file)
                log.error(.figureDisagrees(key: key, value: here, otherValue: there, otherFile: file), at: location)
            }
            differ("country", country.code.value, original.code.value, at: country.code.location)
            // The region: the translation of the counterpart's region page (a region that names no page is
            // already an error of its own).
            let regionHere = regionOfCountry[id], regionThere = regionOfCountry[originalID]
            let unresolved = (country.region != nil && regionHere == nil) || (original.region != nil && regionThere == nil)
            if !unresolved, regionHere != regionThere.flatMap({ translations[$0][page.language] }) {
                log.error(.figureDisagrees(key: "region", value: country.region?.value, otherValue: original.region?.value, otherFile: file),
                          at: country.region?.location ?? SourceLocation(path: page.file))
            }
            // Values compared as they are; written out (as YAML would) only to report a difference. Equal values
            // always write alike, so this reports exactly what comparing the written forms would.
            func differValues<Value: Equatable>(_ key: String, _ here: Value?, _ there: Value?, _ written: (Value) -> String) {
                guard here != there else { return }
                differ(key, here.map(written), there.map(written))
            }
            let mine = country.keyData ?? KeyData(), theirs = original.keyData ?? KeyData()
            differValues("population_millions", mine.populationMillions, theirs.populationMillions, figure)
            differValues("gni_per_capita_usd", mine.gniPerCapitaUSD, theirs.gniPerCapitaUSD, String.init)
            differValues("hdi_rank", mine.hdiRank, theirs.hdiRank, String.init)
            differValues("hdi_total", mine.hdiTotal, theirs.hdiTotal, String.init)
            differValues("life_expectancy", mine.lifeExpectancy, theirs.lifeExpectancy, figure)
            differValues("year", mine.year, theirs.year, String.init)
            let goals = { (areas: [SDG]) in areas.isEmpty ? nil : areas.map(\.number) }
            differValues("priority_areas", goals(country.priorityAreas), goals(original.priorityAreas)) { "[" + $0.map(String.init).joined(separator: ", ") + "]" }
            differValues("budget_eur", country.budgetEUR, original.budgetEUR, String.init)
        }
    }

    /// A number as YAML would write it: `3.3`, `12` (not `12.0`).
    private static func figure(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
