/// One problem found in a run, at a place in a source file.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case warning, error
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// The pipeline stage that found the problem.
    public enum Stage: String, Hashable, Sendable {
        case read, frontMatter, config, i18n, glossary, templates, data, site, markdown, output
    }

    public var location: SourceLocation
    public var severity: Severity
    public var stage: Stage
    public var reason: Reason

    public init(_ severity: Severity, _ reason: Reason, at location: SourceLocation, stage: Stage) {
        self.location = location
        self.severity = severity
        self.stage = stage
        self.reason = reason
    }

    /// The message, with any control character that came from content escaped (see `PrintableText`).
    public var message: String { PrintableText.escaped(reason.description) }

    /// The file's path as printed: control characters in a file name escaped.
    public var printablePath: String { PrintableText.escaped(location.path) }

    /// `PATH:LINE:COL: error: MESSAGE`, the compiler convention that editors and CI read; nothing from content can
    /// break it over two lines or drive the terminal.
    public var description: String { "\(printablePath):\(location.line):\(location.column): \(severity.rawValue): \(message)" }
}

extension Diagnostic: Comparable {
    /// A stable order: by file, line, column, then message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return lhs.severity < rhs.severity
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Warnings become errors: what `--strict` asks for.
    public func strict() -> [Diagnostic] {
        map { var copy = $0; copy.severity = .error; return copy }
    }
}

/// Collects diagnostics during a stage.
struct DiagnosticLog: Sendable {
    private(set) var items: [Diagnostic] = []
    let stage: Diagnostic.Stage

    init(stage: Diagnostic.Stage) { self.stage = stage }

    mutating func error(_ reason: Reason, at location: SourceLocation) {
        items.append(Diagnostic(.error, reason, at: location, stage: stage))
    }

    mutating func warning(_ reason: Reason, at location: SourceLocation) {
        items.append(Diagnostic(.warning, reason, at: location, stage: stage))
    }

    mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }
}
