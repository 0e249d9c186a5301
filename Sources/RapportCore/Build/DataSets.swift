/// A data file as the loader read it: the CSV or the schema of one data set.
struct DataFile: Sendable, Equatable {
    var edition: String
    var name: String
    var isSchema: Bool
    var file: SourceFile
}

/// Stage "data": the data sets of every edition, each CSV with its schema, by edition and name.
public struct DataSets: Sendable {
    public var byEdition: [String: [String: DataSet]] = [:]
    /// Data sets whose files exist but could not be loaded (their errors are reported): markers naming them
    /// raise nothing more.
    public var unloaded: Set<DataSetKey> = []

    public init() {}

    public subscript(edition: String, name: String) -> DataSet? { byEdition[edition]?[name] }

    /// Every data set, in edition and name order.
    public var all: [DataSet] {
        byEdition.keys.sorted().flatMap { edition in byEdition[edition]!.keys.sorted().map { byEdition[edition]![$0]! } }
    }

    /// Pairs each CSV with its schema and loads them; each problem is at its file, line and column.
    static func load(_ files: [DataFile], languages: [String]) -> (DataSets, [Diagnostic]) {
        var pairs: [DataSetKey: (csv: SourceFile?, schema: SourceFile?)] = [:]
        for file in files {
            let key = DataSetKey(edition: file.edition, name: file.name)
            var pair = pairs[key] ?? (nil, nil)
            if file.isSchema { pair.schema = file.file } else { pair.csv = file.file }
            pairs[key] = pair
        }
        var sets = DataSets(), diagnostics: [Diagnostic] = []
        for key in pairs.keys.sorted() {
            let pair = pairs[key]!
            let (dataSet, found) = DataSetLoader.load(edition: key.edition, name: key.name, csv: pair.csv, schema: pair.schema,
                                                      languages: languages)
            diagnostics += found
            if let dataSet { sets.byEdition[key.edition, default: [:]][key.name] = dataSet } else { sets.unloaded.insert(key) }
        }
        return (sets, diagnostics)
    }
}
