/// The figures of a country page, in one table: each row says where the figure is written (in `key_data` or at
/// the front matter's top level), how it is read, and how it is shown. The loader reads every row
/// (`PageLoader.loadCountry`), the check across languages compares every row (`Site.checkFigures`), and the
/// views format every row (`SiteRenderer.formatted`): a new figure is one new case here, plus its place in a
/// template.
public enum CountryFigure: String, CaseIterable, Sendable {
    case populationMillions = "population_millions"
    case gniPerCapitaUSD = "gni_per_capita_usd"
    case hdiRank = "hdi_rank"
    case hdiTotal = "hdi_total"
    case lifeExpectancy = "life_expectancy"
    case year
    case budgetEUR = "budget_eur"

    /// The front-matter key.
    public var key: String { rawValue }

    /// Where the figure is written.
    public enum Block: Sendable { case keyData, page }

    public var block: Block { self == .budgetEUR ? .page : .keyData }

    /// How the figure is read: a decimal number, or a whole number no smaller than `minimum`.
    public enum Reading: Sendable, Equatable { case decimal, integer(minimum: Int) }

    public var reading: Reading {
        switch self {
        case .populationMillions, .lifeExpectancy: .decimal
        case .gniPerCapitaUSD, .year, .budgetEUR: .integer(minimum: 0)
        case .hdiRank, .hdiTotal: .integer(minimum: 1)
        }
    }

    /// How the figure is shown: a number in the page's locale, an amount in euros, or as written (a year).
    public enum Display: Sendable { case number, euros, asWritten }

    public var display: Display {
        switch self {
        case .budgetEUR: .euros
        case .year: .asWritten
        case .populationMillions, .gniPerCapitaUSD, .hdiRank, .hdiTotal, .lifeExpectancy: .number
        }
    }

    /// The figures written in `block`, in this table's order.
    public static func written(in block: Block) -> [CountryFigure] { allCases.filter { $0.block == block } }
}

/// A figure's value, as its row reads it.
public enum FigureValue: Sendable, Equatable {
    case integer(Int)
    case decimal(Double)

    /// As YAML writes it, for messages: `3.3`, `12` (not `12.0`).
    public var written: String {
        switch self {
        case .integer(let value): String(value)
        case .decimal(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }

    /// The value as a machine reads it (a table's sort key): `3.3`, `12.0`, `12`.
    public var raw: String {
        switch self {
        case .integer(let value): String(value)
        case .decimal(let value): String(value)
        }
    }
}

/// A country page's figures, each with the place it is written, by row of the table (an array indexed by row:
/// the graph stage compares every row of every country page at every build).
public struct CountryFigures: Sendable {
    private var values = [Located<FigureValue>?](repeating: nil, count: CountryFigure.allCases.count)

    public init() {}

    public subscript(figure: CountryFigure) -> Located<FigureValue>? {
        get { values[figure.row] }
        set { values[figure.row] = newValue }
    }

    /// A whole-number figure's value.
    public func integer(_ figure: CountryFigure) -> Int? {
        if case .integer(let value)? = values[figure.row]?.value { return value }
        return nil
    }

    /// A decimal figure's value.
    public func decimal(_ figure: CountryFigure) -> Double? {
        if case .decimal(let value)? = values[figure.row]?.value { return value }
        return nil
    }
}

extension CountryFigure {
    /// The row's place in the table.
    var row: Int {
        switch self {
        case .populationMillions: 0
        case .gniPerCapitaUSD: 1
        case .hdiRank: 2
        case .hdiTotal: 3
        case .lifeExpectancy: 4
        case .year: 5
        case .budgetEUR: 6
        }
    }
}
