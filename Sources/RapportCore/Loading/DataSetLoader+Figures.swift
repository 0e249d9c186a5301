import RapportTemplates

// MARK: - The CSV: its header against the schema, then each cell against its column's type

extension DataSetLoader {
    static func readFigures(_ csv: SourceFile, columns: [DataSet.Column], chart: DataSet.Chart?, languages: [String],
                            log: inout DiagnosticLog) -> [[DataSet.Value]] {
        let text: String
        switch SourceText.decode(csv.bytes, path: csv.path) {
        case .success(let decoded): text = decoded.text
        case .failure(let diagnostic): log.append(contentsOf: [diagnostic]); return []
        }
        let rows: [CSVReader.Row]
        // A French spreadsheet's export (`;` between cells, decimal commas) is read as it is written, and published so.
        let dialect = CSVReader.dialect(of: text)
        switch CSVReader.rows(text, dialect: dialect) {
        case .success(let read): rows = read
        case .failure(.unclosedQuote(let line, let column)):
            log.error(.csvUnclosedQuote, at: SourceLocation(path: csv.path, line: line, column: column)); return []
        case .failure(.textAfterQuote(let line, let column)):
            log.error(.csvTextAfterQuote, at: SourceLocation(path: csv.path, line: line, column: column)); return []
        }
        guard let header = rows.first else {
            log.error(.csvWithoutHeader, at: SourceLocation(path: csv.path))
            return []
        }
        // The CSV columns each schema column expects: `key`, or `key_<lang>` for each language of a translated text.
        var expected: [String: (column: Int, language: String?)] = [:]
        for (index, column) in columns.enumerated() {
            if column.translated {
                for language in languages { expected["\(column.key)_\(language)"] = (index, language) }
            } else {
                expected[column.key] = (index, nil)
            }
        }
        var place: [Int: (column: Int, language: String?)] = [:]
        var seen: Set<String> = []
        let schemaFile = String(csv.path.dropLast(4)) + ".yaml"
        for (offset, cell) in header.cells.enumerated() {
            let location = SourceLocation(path: csv.path, line: cell.line, column: cell.column)
            guard seen.insert(cell.text).inserted else { log.error(.duplicateKey(cell.text), at: location); continue }
            if let target = expected[cell.text] { place[offset] = target } else {
                log.error(.csvColumnNotDescribed(cell.text, schema: schemaFile,
                                                 suggestion: Suggestions.closest(to: cell.text, among: Array(expected.keys))), at: location)
            }
        }
        for key in expected.keys.sorted() where !seen.contains(key) {
            log.error(.csvColumnMissing(key, schema: schemaFile), at: SourceLocation(path: csv.path, line: header.line))
        }
        var values: [[DataSet.Value]] = []
        var drawn = ChartCheck(chart)
        for row in rows.dropFirst() {
            guard row.cells.count == header.cells.count else {
                log.error(.csvRowLength(cells: row.cells.count, header: header.cells.count), at: SourceLocation(path: csv.path, line: row.line))
                continue
            }
            var record = [DataSet.Value](repeating: .empty, count: columns.count)
            for (offset, cell) in row.cells.enumerated() {
                guard let (index, language) = place[offset] else { continue }
                let column = columns[index]
                let location = SourceLocation(path: csv.path, line: cell.line, column: cell.column)
                if let language {
                    var texts: [String: String] = [:]
                    if case .text(let known) = record[index] { texts = known }
                    if !cell.text.isEmpty { texts[language] = cell.text }
                    record[index] = texts.isEmpty ? .empty : .text(texts)
                    continue
                }
                guard !cell.text.isEmpty else { continue }
                // A semicolon CSV's numbers in the plain form: `119670040,93` is 119670040.93.
                let plain = dialect == .semicolon && column.type.isNumeric ? WrittenNumber.frenchCell(cell.text) : cell.text
                guard let plain, let value = value(of: plain, as: column.type) else {
                    if column.type.isNumeric, let plain, isPlainNumber(plain, fraction: column.type != .integer) {
                        log.error(.csvNumberTooLarge(cell.text, column: column.key), at: location)
                    } else if dialect == .semicolon {
                        log.error(.csvCellTypeSemicolon(cell.text, column: column.key, type: column.type.rawValue), at: location)
                    } else {
                        log.error(.csvCellType(cell.text, column: column.key, type: column.type.rawValue), at: location)
                    }
                    continue
                }
                if let problem = drawn.check(value, column: index, line: cell.line) {
                    log.error(problem(cell.text, column.key), at: location)
                }
                record[index] = value
            }
            values.append(record)
        }
        return values
    }

    /// A cell as its column's type reads it: numbers plain (`-12`, `28.23`: a dot, no grouping), a year of four
    /// digits, a country an assigned ISO 3166-1 alpha-2 code.
    static func value(of text: String, as type: DataSet.ColumnType) -> DataSet.Value? {
        switch type {
        case .text: return .text(["": text])
        case .integer:
            guard isPlainNumber(text, fraction: false), let number = Int(text) else { return nil }
            // `+ 0` makes `-0` plain 0: a table never shows "-0".
            return .number(Double(number) + 0, digits: 0)
        case .decimal, .percent, .eur:
            // A number beyond a Double's range reads as infinity: no figure (the caller says it is too large).
            guard isPlainNumber(text, fraction: true), let number = Double(text), number.isFinite else { return nil }
            let digits = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            return .number(number + 0, digits: digits)
        case .year:
            guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text) else { return nil }
            return .year(year)
        case .country:
            return CountryCodes.isAssigned(text) ? .country(text) : nil
        }
    }

    private static func isPlainNumber(_ text: String, fraction: Bool) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= (fraction ? 2 : 1) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

extension DataSetLoader {
    /// How a type is named in "is not …": "a whole number (integer)".
    static func describe(_ type: String) -> String {
        switch DataSet.ColumnType(rawValue: type) {
        case .integer: "a whole number (integer: -12, 11420)"
        case .decimal: "a number (decimal: 69.9, with a dot, no grouping)"
        case .percent: "a number (percent: 28.23, with a dot, no % sign)"
        case .eur: "an amount (eur: 119670040.93, with a dot, no grouping, no € sign)"
        case .year: "a year (four digits)"
        case .country: "an ISO 3166-1 alpha-2 country code (country)"
        case .text, nil: "a text"
        }
    }

    /// How a type is named in "is not …" for a semicolon CSV, whose numbers take a decimal comma.
    static func describeInSemicolonCSV(_ type: String) -> String {
        switch DataSet.ColumnType(rawValue: type) {
        case .integer: "a whole number (integer: -12, 11420)"
        case .decimal: "a number (decimal: 69,9, with a decimal comma, as this file separates cells with ';')"
        case .percent: "a number (percent: 28,23, with a decimal comma, no % sign)"
        case .eur: "an amount (eur: 119670040,93, with a decimal comma, no € sign)"
        default: describe(type)
        }
    }
}
