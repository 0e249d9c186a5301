import Yams

/// Stage "data": a data set's schema (`NAME.yaml`) and its figures (`NAME.csv`) to a typed `DataSet`, with every
/// problem of both files at its line and column.
public enum DataSetLoader {
    static let keys = ["title", "source", "note", "status", "columns", "chart"]
    static let columnKeys = ["key", "label", "type", "translated", "decimals"]
    static let chartKeys = ["kind", "x", "y"]
    /// A Double holds 15 to 17 significant digits: more decimals would show digits the figure does not have.
    static let maximumDecimals = 15

    public static func load(edition: String, name: String, csv: SourceFile?, schema: SourceFile?,
                            languages: [String]) -> (dataSet: DataSet?, diagnostics: [Diagnostic]) {
        let base = "content/\(edition)/data/\(name)"
        guard let schema else {
            var log = DiagnosticLog(stage: .data)
            log.error(.dataSetWithoutSchema(schema: base + ".yaml"), at: SourceLocation(path: base + ".csv"))
            return (nil, log.items)
        }
        guard let csv else {
            var log = DiagnosticLog(stage: .data)
            log.error(.dataSetWithoutFigures(csv: base + ".csv"), at: SourceLocation(path: schema.path))
            return (nil, log.items)
        }
        let reader = YAMLFields(path: schema.path, lineOffset: 0, stage: .data)
        let yamlText: String
        switch SourceText.decode(schema.bytes, path: schema.path) {
        case .success(let text): yamlText = text.text
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let root = reader.compose(yamlText)
        guard reader.log.items.isEmpty,
              let fields = reader.mapping(root, named: "a data set's schema", allowedKeys: keys, context: "a data set's schema") else {
            return (nil, reader.log.items)
        }
        fields.reportUnknownKeys()
        let title = localized(fields, "title", required: true, languages: languages)
        let source = localized(fields, "source", required: false, languages: languages)
        let note = localized(fields, "note", required: false, languages: languages)
        var preliminary = false
        if let status = fields.string("status") {
            switch status.value {
            case "final": break
            case "preliminary": preliminary = true
            default: reader.error(.wrongType(key: "status", expected: "final or preliminary", found: "'\(status.value)'"), at: status.location)
            }
        }
        let columns = readColumns(fields, reader: reader, languages: languages)
        let chart = readChart(fields, columns: columns, reader: reader)

        var log = reader.log
        var rows: [[DataSet.Value]] = []
        if let columns {
            rows = readFigures(csv, columns: columns, chart: chart, languages: languages, log: &log)
        }
        guard !log.items.hasErrors, let columns, let title else { return (nil, log.items) }
        let dataSet = DataSet(edition: edition, name: name, csvFile: csv.path, schemaFile: schema.path, title: title,
                              source: source, note: note, preliminary: preliminary, columns: columns, rows: rows,
                              chart: chart, csvBytes: csv.bytes)
        return (dataSet, log.items)
    }

    /// `{fr: …, en: …}`: a text for every language of site.yaml, and only those.
    static func localized(_ fields: Fields, _ key: String, required: Bool, languages: [String]) -> [String: String]? {
        guard let node = fields.node(key) else {
            if required { fields.reader.error(.missingKey(key), at: fields.location) }
            return nil
        }
        guard let map = fields.reader.mapping(node, named: "'\(key)'", allowedKeys: languages,
                                              context: "'\(key)' (one text per language of site.yaml)") else { return nil }
        map.reportUnknownKeys()
        var texts: [String: String] = [:]
        for language in languages {
            if let text = map.string(language) { texts[language] = text.value } else if map.node(language) == nil {
                fields.reader.error(.missingLanguageText(key: key, language: language), at: node)
            }
        }
        return texts.count == languages.count ? texts : nil
    }

    static func readColumns(_ fields: Fields, reader: YAMLFields, languages: [String]) -> [DataSet.Column]? {
        guard let items = fields.list("columns", required: true) else { return nil }
        var columns: [DataSet.Column] = []
        var ok = true
        for item in items {
            guard let column = reader.mapping(item, named: "a column", allowedKeys: columnKeys, context: "a column") else { ok = false; continue }
            column.reportUnknownKeys()
            let key = column.string("key", required: true)
            if let key, !key.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                reader.error(.wrongType(key: "key", expected: "a column key of letters, digits and underscores", found: "'\(key.value)'"), at: key.location)
            }
            if let key, columns.contains(where: { $0.key == key.value }) { reader.error(.duplicateKey(key.value), at: key.location) }
            let label = localized(column, "label", required: true, languages: languages)
            var type: DataSet.ColumnType?
            if let given = column.string("type", required: true) {
                type = DataSet.ColumnType(rawValue: given.value)
                if type == nil {
                    let known = DataSet.ColumnType.allCases.map(\.rawValue).joined(separator: ", ")
                    reader.error(.wrongType(key: "type", expected: "one of \(known)", found: "'\(given.value)'"), at: given.location)
                }
            }
            let translated = column.bool("translated")
            if let translated, translated.value, type != .text {
                reader.error(.wrongType(key: "translated", expected: "used on text columns only", found: "a \(type?.rawValue ?? "non-text") column"), at: translated.location)
            }
            var decimals = column.integer("decimals", minimum: 0)
            if let given = decimals, given.value > maximumDecimals {
                reader.error(.tooManyDecimals(given.value, maximum: maximumDecimals), at: given.location)
                decimals = nil
            }
            if let decimals, let type, !type.isNumeric || type == .integer {
                reader.error(.wrongType(key: "decimals", expected: "used on decimal, percent and eur columns only", found: "a \(type.rawValue) column"), at: decimals.location)
            }
            guard let key, let label, let type else { ok = false; continue }
            columns.append(DataSet.Column(key: key.value, label: label, type: type, translated: translated?.value ?? false,
                                          decimals: decimals?.value))
        }
        return ok && !columns.isEmpty ? columns : nil
    }

    static func readChart(_ fields: Fields, columns: [DataSet.Column]?, reader: YAMLFields) -> DataSet.Chart? {
        guard let node = fields.node("chart"),
              let chart = reader.mapping(node, named: "'chart'", allowedKeys: chartKeys, context: "'chart'") else { return nil }
        chart.reportUnknownKeys()
        var kind: DataSet.Chart.Kind?
        if let given = chart.string("kind", required: true) {
            kind = DataSet.Chart.Kind(rawValue: given.value)
            if kind == nil { reader.error(.wrongType(key: "kind", expected: "bar or line", found: "'\(given.value)'"), at: given.location) }
        }
        let keys = columns?.map(\.key) ?? []
        func index(of name: Located<String>) -> Int? {
            guard columns != nil else { return nil }
            guard let found = keys.firstIndex(of: name.value) else {
                reader.error(.unknownChartColumn(name.value, known: keys), at: name.location)
                return nil
            }
            return found
        }
        let xName = chart.string("x", required: true)
        let x = xName.flatMap(index(of:))
        var y: [Int] = []
        for item in chart.list("y", required: true) ?? [] {
            guard let text = Fields.text(item) else {
                reader.error(.wrongType(key: "y", expected: "a list of column keys", found: YAMLFields.describe(item)), at: item)
                continue
            }
            let name = Located(value: text, location: reader.location(of: item))
            guard let found = index(of: name), let columns else { continue }
            if !columns[found].type.isNumeric {
                reader.error(.chartColumnNotNumeric(text, type: columns[found].type.rawValue), at: name.location)
                continue
            }
            y.append(found)
        }
        if let x, let kind, kind == .line, let columns, columns[x].type != .year {
            reader.error(.lineChartWithoutYears(columns[x].key), at: xName?.location ?? chart.location)
        }
        guard let kind, let x, !y.isEmpty else { return nil }
        return DataSet.Chart(kind: kind, x: x, y: y)
    }
}
