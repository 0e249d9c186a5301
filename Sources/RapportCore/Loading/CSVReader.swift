/// Stage "data", first half: RFC 4180 CSV to rows of cells, each cell with the line and column where it starts.
///
/// Neither CSV package of the machine's mirror (SwiftCSV 0.10.0, CSV.swift 2.5.2) gives the place of each cell, which
/// every "not of its column's type" error needs, so Rapport reads CSV itself: UTF-8 (the caller removes a BOM),
/// comma-separated (or semicolon-separated, as a French spreadsheet exports it: `Dialect`), fields quoted with `"`
/// (a `""` inside is one quote), quoted separators and line breaks kept, CRLF or LF line endings, a last line with
/// or without its line break.
public enum CSVReader {
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var line: Int
        /// In characters (Unicode scalars), from 1.
        public var column: Int
    }

    public struct Row: Sendable, Equatable {
        public var cells: [Cell]
        /// The line the row starts on.
        public var line: Int
    }

    public enum Problem: Error, Equatable, Sendable {
        /// A quoted field that is never closed, opened at this place.
        case unclosedQuote(line: Int, column: Int)
        /// Text after a closing quote (`"a"b`), at its place.
        case textAfterQuote(line: Int, column: Int)
    }

    /// How a file separates its cells and writes its numbers.
    public enum Dialect: Sendable, Equatable {
        /// RFC 4180: `,` between cells, numbers with a decimal dot (`119670040.93`).
        case comma
        /// A French spreadsheet's export: `;` between cells, numbers with a decimal comma (`119670040,93`).
        case semicolon

        var separator: Unicode.Scalar { self == .comma ? "," : ";" }
    }

    /// The dialect of `text`, from its first line: semicolons and no comma (outside quotes) make a French
    /// spreadsheet's export; anything else is RFC 4180.
    public static func dialect(of text: String) -> Dialect {
        var semicolons = 0, inQuotes = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): inQuotes.toggle()
            case UInt8(ascii: ","): if !inQuotes { return .comma }
            case UInt8(ascii: ";"): if !inQuotes { semicolons += 1 }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): if !inQuotes { return semicolons > 0 ? .semicolon : .comma }
            default: break
            }
        }
        return semicolons > 0 ? .semicolon : .comma
    }

    /// The rows of `text`; blank lines are skipped.
    public static func rows(_ text: String, dialect: Dialect = .comma) -> Result<[Row], Problem> {
        let separator = dialect.separator
        var rows: [Row] = []
        var cells: [Cell] = []
        var field = String.UnicodeScalarView()
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1, rowLine = 1
        var quoted = false, inQuotes = false, afterQuote = false, rowHasContent = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            cells.append(Cell(text: String(field), line: fieldLine, column: fieldColumn))
            field = String.UnicodeScalarView()
            quoted = false
            afterQuote = false
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                    column += 1
                    pending = next
                    continue
                }
                field.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                continue
            }
            switch scalar {
            case separator:
                endField()
                rowHasContent = true
                column += 1
                fieldLine = line
                fieldColumn = column
            case "\r", "\n":
                if scalar == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                if rowHasContent || !field.isEmpty || quoted {
                    endField()
                    rows.append(Row(cells: cells, line: rowLine))
                }
                cells = []
                rowHasContent = false
                line += 1
                column = 1
                fieldLine = line
                fieldColumn = 1
                rowLine = line
            case "\"" where field.isEmpty && !quoted:
                quoted = true
                inQuotes = true
                rowHasContent = true
                column += 1
            default:
                if afterQuote { return .failure(.textAfterQuote(line: line, column: column)) }
                field.append(scalar)
                rowHasContent = true
                column += 1
            }
        }
        if inQuotes { return .failure(.unclosedQuote(line: fieldLine, column: fieldColumn)) }
        if rowHasContent || !field.isEmpty || quoted {
            endField()
            rows.append(Row(cells: cells, line: rowLine))
        }
        return .success(rows)
    }
}
