/// A file of the built site: its path under the output folder and its bytes.
public struct RenderedFile: Sendable, Equatable {
    public var path: String
    public var contents: SourceFile.Contents

    public init(path: String, text: String) {
        self.path = path
        self.contents = .bytes(Array(text.utf8))
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.contents = .bytes(bytes)
    }

    init(path: String, contents: SourceFile.Contents) {
        self.path = path
        self.contents = contents
    }
}

/// Stage "render": the site graph to files. Pure: no I/O, no globals; every page can be rendered alone.
