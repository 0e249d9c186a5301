// MARK: - Pipe tables: what a cell holds and how the theme writes it

/// The HTML of a body's pipe table around cmark's cells, and the rule that right-aligns a column of numbers.
enum TableCells {
    /// A scrolling box like the data sets' tables (focusable, so a keyboard can scroll it at 390 px).
    static let tableOpening = "<div class=\"table-scroll body-table\" tabindex=\"0\">\n<table>"

    static func cellOpening(header: Bool, class name: String?) -> String {
        let classAttribute = name.map { " class=\"\($0)\"" } ?? ""
        return header ? "<th scope=\"col\"\(classAttribute)>" : "<td\(classAttribute)>"
    }

    /// The class of a column's cells: the writer's alignment (`:-:` centre, `-:` right) first, else `number` for a
    /// column of numbers, else none (left, as text reads).
    static func cellClass(alignment: UInt8, numeric: Bool) -> String? {
        switch alignment {
        case UInt8(ascii: "c"): return "align-center"
        case UInt8(ascii: "r"): return numeric ? "number" : "align-right"
        case UInt8(ascii: "l"): return nil
        default: return numeric ? "number" : nil
        }
    }

    /// Whether every body cell of a column is a number (empty cells aside), and at least one is.
    static func isNumericColumn(_ cells: [String]) -> Bool {
        var numbers = 0
        for cell in cells {
            let text = cell.trimmingSpaces
            if text.isEmpty { continue }
            guard isNumber(text) else { return false }
            numbers += 1
        }
        return numbers > 0
    }

    /// A number as report writers type it, in French or English: `1 234,5`, `21 500 000`, `1,234.5`, `−3`,
    /// `12 %`, `4,5 M€`, `$30`. Digits first after an optional sign or currency; then digits, group and decimal
    /// separators; then at most a short unit.
    static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, "+-−±".unicodeScalars.contains(first) { scalars = scalars.dropFirst() }
        if let first = scalars.first, currencies.contains(first) { scalars = scalars.dropFirst() }
        guard let first = scalars.first, first.properties.numericType == .decimal, first.isASCII else { return false }
        var digits = 0
        while let scalar = scalars.first, scalar.isASCII && scalar.properties.numericType == .decimal || separators.contains(scalar) {
            if scalar.isASCII, scalar.properties.numericType == .decimal { digits += 1 }
            scalars = scalars.dropFirst()
        }
        let unit = String(String.UnicodeScalarView(scalars)).trimmingSpaces
        return digits > 0 && (unit.isEmpty || units.contains(unit))
    }

    private static let currencies: Set<Unicode.Scalar> = ["€", "$", "£", "¥"]
    /// Spaces (plain, no-break, narrow no-break, thin), commas, full stops and apostrophes between digits.
    private static let separators: Set<Unicode.Scalar> = [" ", "\u{A0}", "\u{202F}", "\u{2009}", ",", ".", "'", "’"]
    private static let units: Set<String> = ["%", "‰", "€", "$", "£", "k€", "M€", "Md€", "Mrd€", "m€", "k", "M", "Md", "Mrd", "bn", "m", "pp", "pts", "USD", "EUR"]
}

private extension String {
    var trimmingSpaces: String {
        let spaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}", "\t"]
        var text = Substring(self)
        while let first = text.first, spaces.contains(first) { text = text.dropFirst() }
        while let last = text.last, spaces.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
