import Foundation
import RapportTemplates

// MARK: - Data sets placed in bodies: tables (charts are placed by the same marker walk)

extension SiteRenderer {
    /// The HTML of a `<!-- table: NAME -->` marker of page `id`, on the page and on the print page; nil (with an
    /// error at the marker's line) when the edition has no such data set.
    /// Ids hold an underscore, which no heading id has (`table_oda`, `chart_oda`, `chart_oda_table`), and a number
    /// from the second time one data set is placed on a page (`table_oda_2`): no id twice on a page.
    func placeData(_ marker: MarkdownDataMarker, on id: Site.PageID, chrome: ChromeView, linker: Linker, printLinker: Linker?,
                   log: inout DiagnosticLog, placed: inout [String: Int]) -> (page: String, print: String)? {
        let page = site.pages[id]
        let location = SourceLocation(path: page.file, line: page.bodyFirstLine + marker.line - 1)
        guard let edition = page.edition else {
            log.error(.unknownDataSet(marker.name, marker: marker.kind.rawValue, known: []), at: location)
            return nil
        }
        guard let dataSet = dataSets[edition, marker.name] else {
            if dataSets.unloaded.contains(DataSetKey(edition: edition, name: marker.name)) { return nil }
            log.error(.unknownDataSet(marker.name, marker: marker.kind.rawValue,
                                      known: (dataSets.byEdition[edition] ?? [:]).keys.sorted()), at: location)
            return nil
        }
        if marker.kind == .chart, dataSet.chart == nil {
            log.error(.dataSetWithoutChart(marker.name), at: location)
            return nil
        }
        let t = t(page.language)
        var base = "\(marker.kind.rawValue)_\(marker.name)"
        placed[base, default: 0] += 1
        if let count = placed[base], count > 1 { base += "_\(count)" }
        func html(_ linker: Linker, _ prefix: String) -> String {
            let bytes = marker.kind == .chart
                ? makeChart(dataSet, language: page.language, linker: linker, id: prefix + base).map {
                    render(PageContext(chrome: chrome, t: t, page: $0), .dataChart)
                } ?? []
                : render(PageContext(chrome: chrome, t: t, page: makeTable(dataSet, language: page.language, linker: linker, id: prefix + base)), .dataTable)
            return String(decoding: bytes, as: UTF8.self)
        }
        let onPage = html(linker, "")
        return (onPage, printLinker.map { html($0, printPrefix(of: id)) } ?? onPage)
    }

    func makeTable(_ dataSet: DataSet, language: String, linker: Linker, id: String) -> DataTableView {
        let headers = dataSet.columns.map { DataHeaderView(label: text($0.label[language] ?? "", language), isNumeric: $0.type.isNumeric) }
        let rows = dataSet.rows.map { record in
            DataRowView(cells: record.enumerated().map { index, value in
                let column = dataSet.columns[index]
                let (shown, href) = cellText(value, column: column, edition: dataSet.edition, language: language, linker: linker)
                return DataCellView(text: shown, isNumeric: column.type.isNumeric,
                                    isHeader: index == 0, href: href)
            })
        }
        let kilobytes = Double(dataSet.csvBytes.count) / 1024
        let size = formatting(language).fixed(max(kilobytes, 0.1), digits: 1)
        return DataTableView(id: id, caption: text(dataSet.title[language] ?? "", language),
                             columns: headers, rows: rows,
                             source: dataSet.source?[language].map { text($0, language) },
                             note: dataSet.note?[language].map { text($0, language) }, preliminary: dataSet.preliminary,
                             downloadHref: linker.href(Route.dataFile(edition: dataSet.edition, name: dataSet.name).path),
                             downloadSize: size)
    }

    /// A cell as the reader sees it in `language`, and where it leads (a country's page); nil text: no value.
    func cellText(_ value: DataSet.Value, column: DataSet.Column, edition: String, language: String,
                  linker: Linker) -> (String?, String?) {
        let format = formatting(language)
        switch value {
        case .empty: return (nil, nil)
        case .text(let texts): return ((texts[language] ?? texts[""]).map { text($0, language) }, nil)
        case .year(let year): return (String(year), nil)
        case .country(let code):
            if let id = (site.countriesOfEdition[edition]?[language] ?? []).first(where: { site.pages[$0].country?.code.value == code }) {
                return (title(of: id), linker.href(site.urls[id]))
            }
            return (format.locale.localizedString(forRegionCode: code) ?? code, nil)
        case .number(let number, let written):
            let digits = column.decimals ?? written
            switch column.type {
            case .percent: return (format.percent(number, digits: digits), nil)
            case .eur: return (format.euros(number, digits: digits), nil)
            default: return (format.fixed(number, digits: digits), nil)
            }
        }
    }

    /// `data/<year>/<name>.csv`: every data set, published unchanged.
    public func renderDataFiles() -> [RenderedFile] {
        // An edition whose pages are all drafts (a new edition) publishes nothing yet.
        Self.publishedDataSets(dataSets, of: site)
            .map { RenderedFile(path: Route.dataFile(edition: $0.edition, name: $0.name).file, bytes: $0.csvBytes) }
    }

    /// The data sets the site publishes: those of its editions.
    static func publishedDataSets(_ dataSets: DataSets, of site: Site) -> [DataSet] {
        dataSets.all.filter { site.editions.contains($0.edition) }
    }
}
