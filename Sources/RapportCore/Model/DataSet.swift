/// A data set of an edition (`content/<year>/data/<name>.csv` and its `<name>.yaml`): typed columns and rows,
/// shared by every language; labels, title, source and note per language.
public struct DataSet: Sendable {
    public enum ColumnType: String, Sendable, CaseIterable {
        case text, integer, decimal, percent, eur, year, country

        var isNumeric: Bool { [.integer, .decimal, .percent, .eur].contains(self) }
    }

    public struct Column: Sendable {
        public var key: String
        /// By language code.
        public var label: [String: String]
        public var type: ColumnType
        /// A `text` column written once per language (`sector_fr`, `sector_en`).
        public var translated: Bool
        /// Digits after the decimal sign (rounded); nil: as written in each cell.
        public var decimals: Int?
    }

    public enum Value: Sendable, Equatable {
        /// An empty cell: no value.
        case empty
        /// Text, by language code (one entry under "" for a column that is not translated).
        case text([String: String])
        /// A number and the digits written after its dot.
        case number(Double, digits: Int)
        case year(Int)
        /// An ISO 3166-1 alpha-2 code.
        case country(String)

        var number: Double? {
            switch self {
            case .number(let value, _): value
            case .year(let year): Double(year)
            default: nil
            }
        }
    }

    public struct Chart: Sendable {
        public enum Kind: String, Sendable, CaseIterable { case bar, line }
        public var kind: Kind
        /// Column indexes.
        public var x: Int
        public var y: [Int]
    }

    public var edition: String
    public var name: String
    /// `content/2020/data/oda.csv` and `content/2020/data/oda.yaml`.
    public var csvFile: String
    public var schemaFile: String
    public var title: [String: String]
    public var source: [String: String]?
    public var note: [String: String]?
    /// `status: preliminary`: the figures are provisional.
    public var preliminary: Bool
    public var columns: [Column]
    public var rows: [[Value]]
    public var chart: Chart?
    /// The CSV as written: published unchanged at `data/<year>/<name>.csv`.
    public var csvBytes: [UInt8]
}
