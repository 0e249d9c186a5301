import RapportCore

/// A change to one file of the site root, as the preview's watcher read it.
public enum SourceChange: Sendable, Equatable {
    /// A file written (created or changed), with its new contents.
    case write(SourceFile)
    /// A file removed (or one a build never reads).
    case remove(path: String)

    public var path: String {
        switch self {
        case .write(let file): file.path
        case .remove(let path): path
        }
    }
}
