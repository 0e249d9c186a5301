// MARK: - Figures agree across languages (the contract's Part 2)

extension Site {
    /// A translated country page states the facts of its default-language counterpart: the country, the region
    /// (as the paired region page), every figure (`CountryFigure`: the numbers of `key_data`, `budget_eur`) and
    /// `priority_areas`. A difference is an error at the value of the translated page, naming the default
    /// language's file and its value. Texts (`source`, `cooperation_programme`, `achievements`) are translated,
    /// so free.
    static func checkFigures(pages: [Page], translations: [[String: PageID]], regionOfCountry: [PageID: PageID],
                             defaultLanguage: String, log: inout DiagnosticLog) {
        for (id, page) in pages.enumerated() where page.language != defaultLanguage {
            guard let country = page.country, let originalID = translations[id][defaultLanguage],
                  let original = pages[originalID].country,
                  !page.hasFrontMatterErrors, !pages[originalID].hasFrontMatterErrors else { continue }
            let file = pages[originalID].file
            func differ(_ key: String, _ here: String?, _ there: String?, at place: SourceLocation?) {
                guard here != there else { return }
                log.error(.figureDisagrees(key: key, value: here, otherValue: there, otherFile: file), at: place ?? SourceLocation(path: page.file))
            }
            differ("country", country.code.value, original.code.value, at: country.code.location)
            // The region: the translation of the counterpart's region page (a region that names no page is
            // already an error of its own).
            let regionHere = regionOfCountry[id], regionThere = regionOfCountry[originalID]
            let unresolved = (country.region != nil && regionHere == nil) || (original.region != nil && regionThere == nil)
            if !unresolved, regionHere != regionThere.flatMap({ translations[$0][page.language] }) {
                differ("region", country.region?.value, original.region?.value, at: country.region?.location)
            }
            // Every figure of the table, compared as a value; written out (as YAML would) only to report a
            // difference. A figure missing here is reported at its block (`key_data`) or the front matter's start.
            for figure in CountryFigure.allCases {
                let (here, there) = (country.figures[figure], original.figures[figure])
                guard here?.value != there?.value else { continue }
                let block = figure.block == .keyData ? country.keyData?.place : nil
                differ(figure.key, here?.value.written, there?.value.written, at: here?.location ?? block)
            }
            if country.priorityAreas != original.priorityAreas {
                let goals = { (areas: [SDG]) in areas.isEmpty ? nil : "[" + areas.map { String($0.number) }.joined(separator: ", ") + "]" }
                differ("priority_areas", goals(country.priorityAreas), goals(original.priorityAreas), at: country.priorityAreasPlace)
            }
        }
    }
}
