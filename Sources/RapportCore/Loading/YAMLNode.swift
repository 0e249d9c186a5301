import Yams

/// A composed YAML node as the field readers see it: scalars with their style, lists and mappings, each with its
/// place in the file. Two readers make it: `PlainYAML` for the plain subset that front matter uses (most pages),
/// and Yams for everything else.
indirect enum YAMLNode: Equatable {
    case scalar(Scalar)
    case sequence([YAMLNode], mark: YAMLMark?)
    case mapping([Pair], mark: YAMLMark?)
    case alias(mark: YAMLMark?)

    struct Scalar: Equatable {
        var string: String
        var style: Style
        var mark: YAMLMark?
    }

    /// The scalar styles of YAML (Yams' `Node.Scalar.Style`).
    enum Style: Equatable { case any, plain, singleQuoted, doubleQuoted, literal, folded }

    struct Pair: Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var mark: YAMLMark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(_, let mark), .mapping(_, let mark), .alias(let mark): mark
        }
    }

    /// The scalar's text, if this is a scalar.
    var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// Whether this is a plain scalar YAML reads as null (`~`, `null`, nothing), as Yams' `Node.null` says.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// A place in a YAML text: 1-based line, and 1-based column counted in Unicode scalars (as libyaml counts).
struct YAMLMark: Equatable {
    var line: Int
    var column: Int
}

extension YAMLNode {
    /// Yams' node tree in this form (after `YAMLFields` has bounded its size and depth).
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(string: scalar.string, style: Style(scalar.style), mark: YAMLMark(scalar.mark)))
        case .sequence(let sequence):
            self = .sequence(sequence.map(YAMLNode.init), mark: YAMLMark(sequence.mark))
        case .mapping(let mapping):
            self = .mapping(mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }, mark: YAMLMark(mapping.mark))
        case .alias(let alias):
            self = .alias(mark: YAMLMark(alias.mark))
        }
    }
}

extension YAMLMark {
    init?(_ mark: Mark?) {
        guard let mark else { return nil }
        self.init(line: mark.line, column: mark.column)
    }
}

extension YAMLNode.Style {
    init(_ style: Node.Scalar.Style) {
        switch style {
        case .any: self = .any
        case .plain: self = .plain
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        }
    }

    var yams: Node.Scalar.Style {
        switch self {
        case .any: .any
        case .plain: .plain
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        }
    }
}
