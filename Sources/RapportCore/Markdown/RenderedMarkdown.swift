import Foundation

/// Choices for one Markdown rendering.
public struct MarkdownOptions: Sendable {
    /// Pass raw HTML through (trusted authors only). Off: cmark's safe mode replaces it.
    public var allowRawHTML: Bool
    /// Applied to the text of every prose text node (French typography), or `nil`.
    public var typography: Typography?
    /// Give headings ids (pages do; the CommonMark conformance check does not, to compare with the spec).
    public var headingIDs: Bool
    /// The GitHub extensions read (all on pages; the spec examples name theirs).
    public var extensions: MarkdownExtensions
    /// Where notes go: a section closing the body, or each in place of its reference (for a paged-media engine's
    /// `float: footnote`).
    public var footnotes: FootnotePlacement
    /// The heading of the notes' section (interface string `notes_title`).
    public var notesTitle: String
    /// The accessible name of a note's link back to its reference (interface string `note_back`).
    public var noteBackLabel: String
    /// Tables, footnotes and strikethrough written as libcmark-gfm writes them (`align` attributes, its own ids,
    /// `~one tilde~`), to compare with the GFM spec; pages use Rapport's forms.
    public var specificationHTML: Bool
    /// The glossary's terms of the page's language: the first use of each in the body's prose is marked `<abbr>`
    /// (nil: none is).
    public var abbreviations: Abbreviations?

    public init(allowRawHTML: Bool = false, typography: Typography? = nil, headingIDs: Bool = true,
                extensions: MarkdownExtensions = .all, footnotes: FootnotePlacement = .section,
                notesTitle: String = "Notes", noteBackLabel: String = "Back to the text", specificationHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
        self.typography = typography
        self.headingIDs = headingIDs
        self.extensions = extensions
        self.footnotes = footnotes
        self.notesTitle = notesTitle
        self.noteBackLabel = noteBackLabel
        self.specificationHTML = specificationHTML
    }
}

/// The GitHub extensions of CommonMark that a rendering reads.
public struct MarkdownExtensions: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Pipe tables.
    public static let tables = MarkdownExtensions(rawValue: 1 << 0)
    /// `~~deleted~~`.
    public static let strikethrough = MarkdownExtensions(rawValue: 1 << 1)
    /// Bare `https://…`, `www.…` and e-mail addresses as links.
    public static let autolinks = MarkdownExtensions(rawValue: 1 << 2)
    /// `text[^1]` and `[^1]: The note.`
    public static let footnotes = MarkdownExtensions(rawValue: 1 << 3)
    public static let all: MarkdownExtensions = [.tables, .strikethrough, .autolinks, .footnotes]
}

/// Where a body's notes are written.
public enum FootnotePlacement: Sendable, Equatable {
    /// A numbered link at each reference; the notes in a section closing the body, each linking back.
    case section
    /// At each reference, `<span class="footnote-inline">NOTE</span>`; no section.
    case inline
}

/// A rule for the text of prose text nodes. It is given the node's UTF-8 and the characters just outside the node
/// in its paragraph or heading, and gives the text typeset, or `nil` when the text stays as it is.
public struct Typography: Sendable {
    let apply: @Sendable (UnsafeBufferPointer<UInt8>, TextNeighbours) -> [UInt8]?

    /// A rule on UTF-8 bytes (every text node of a page goes through it: no String is made).
    public init(bytes apply: @escaping @Sendable (UnsafeBufferPointer<UInt8>, TextNeighbours) -> [UInt8]?) {
        self.apply = apply
    }

    /// A rule on texts.
    public init(text apply: @escaping @Sendable (String, TextNeighbours) -> String) {
        self.apply = { bytes, neighbours in
            let text = String(decoding: bytes, as: UTF8.self)
            let typeset = apply(text, neighbours)
            return typeset == text ? nil : Array(typeset.utf8)
        }
    }

    /// French typography (`FrenchTypography`).
    public static let french = Typography(bytes: FrenchTypography.apply(bytes:neighbours:))
}

/// The characters just before and after a text node in its paragraph or heading (across emphasis, links and code
/// spans; not across line breaks or raw HTML), `nil` at its ends.
public struct TextNeighbours: Sendable, Equatable {
    public var before: Unicode.Scalar?
    public var after: Unicode.Scalar?

    public init(before: Unicode.Scalar? = nil, after: Unicode.Scalar? = nil) {
        self.before = before
        self.after = after
    }
}

/// What rendering a body gives: HTML in two parts around `<!-- more -->`, and what the walk found. The HTML is
/// cmark's UTF-8 as it wrote it (pages take it as bytes; the `…HTML` texts are for reading it).
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML before the first top-level `<!-- more -->` line (the whole body when there is none).
    public var intro: [UInt8]
    /// The HTML after the marker; empty without a marker.
    public var rest: [UInt8]
    /// The line of the marker in the body, when there is one.
    public var moreMarkerLine: Int?
    public var headings: [MarkdownHeading] = []
    public var links: [MarkdownLink] = []
    /// Positions of raw HTML that is not the marker.
    public var rawHTML: [MarkdownPosition] = []
    /// The body's text without markup (text and code, each followed by a space), for the search index, as UTF-8.
    public var plainTextBytes: [UInt8] = []
    public var plainText: String { String(decoding: plainTextBytes, as: UTF8.self) }
    /// The whole body for a page of many bodies (`printIDPrefix`), when asked for.
    public var print: [UInt8]?
    /// Raw HTML let through (`allow_raw_html`) that holds a `javascript:` or `vbscript:` URL.
    public var rawHTMLWithScriptURLs: [MarkdownPosition] = []
    /// The notes, numbered in the order of their first reference.
    public var footnotes: [MarkdownFootnote] = []
    /// The section of notes that closes the body on its page (empty without notes, or with inline placement);
    /// the print rendering holds its own, with prefixed ids.
    public var notes: [UInt8] = []
    /// References without a note, notes never referenced, notes defined twice.
    public var footnoteProblems: [MarkdownFootnoteProblem] = []

    public var hasMoreMarker: Bool { moreMarkerLine != nil }
    public var introHTML: String { String(decoding: intro, as: UTF8.self) }
    public var restHTML: String { String(decoding: rest, as: UTF8.self) }
    public var printHTML: String? { print.map { String(decoding: $0, as: UTF8.self) } }
    public var notesHTML: String { String(decoding: notes, as: UTF8.self) }

    init() {
        intro = []
        rest = []
    }
}

/// Where a body link leads: `href` on the page itself, `printHref` on a page that holds many bodies.
public struct MarkdownLinkRewrite: Sendable, Equatable {
    public var href: String
    public var printHref: String?

    public init(href: String, printHref: String? = nil) {
        self.href = href
        self.printHref = printHref
    }
}

/// A heading of the body with the id it was given.
public struct MarkdownHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int
}

/// A link or image of the body, with its position in the body (line and column from 1, column in characters).
public struct MarkdownLink: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case link, image }
    public var kind: Kind
    public var destination: String
    /// The link's text, or the image's alternative text.
    public var text: String
    public var line: Int
    public var column: Int
}

/// A note of the body: its number, its id on the page, its content and its references.
public struct MarkdownFootnote: Sendable, Equatable {
    /// A place where the note is called: the reference's id on the page and its position in the body.
    public struct Reference: Sendable, Equatable {
        public var id: String
        public var position: MarkdownPosition
    }

    public var number: Int
    /// `fn-1`; the print page puts its prefix before it.
    public var id: String
    /// The note's content as HTML, with the page's links: blocks (`<p>…</p>`) in a section, the text of its
    /// paragraphs with inline placement. Without the links back.
    public var html: String
    /// In document order (the first gives the number).
    public var references: [Reference]
}

/// A footnote that cannot be shown as written.
public struct MarkdownFootnoteProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `[^label]` in the text with no `[^label]: …` line (at the reference).
        case noNote
        /// `[^label]: …` that no reference calls (at the note's line).
        case unusedNote
        /// A second `[^label]: …` of a label already defined (at the second).
        case repeatedNote
    }

    public var kind: Kind
    public var label: String
    public var position: MarkdownPosition
}

/// A `<!-- table: NAME -->` or `<!-- chart: NAME -->` line of a body (top level), where a data set is placed.
public struct MarkdownDataMarker: Sendable, Equatable {
    public enum Kind: String, Sendable { case table, chart }
    public var kind: Kind
    public var name: String
    public var line: Int

    /// The marker an HTML block holds, if it is one: `<!-- table: oda -->`, spaces free.
    init?(literal: String, line: Int) {
        // Every top-level HTML block comes here: a marker begins with `<!--` and holds a colon, which bytes tell.
        let utf8 = literal.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
              utf8[first...].starts(with: "<!--".utf8), utf8.contains(UInt8(ascii: ":")) else { return nil }
        let trimmed = literal.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), !trimmed.dropFirst(4).dropLast(3).contains("-->") else { return nil }
        let inner = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard let colon = inner.firstIndex(of: ":"),
              let kind = Kind(rawValue: inner[..<colon].trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
        let name = inner[inner.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else { return nil }
        self.kind = kind
        self.name = name
        self.line = line
    }
}

/// A position in a body: line and column from 1, column in characters.
public struct MarkdownPosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
}

// MARK: - Heading ids

/// Stable, unique heading ids: the heading's words in lowercase ASCII joined by hyphens, then `-2`, `-3` …
struct HeadingIDs {
    private var used: Set<String>
    /// Per base, the counter to try first: every smaller one was taken when last tried, and `used` only grows, so
    /// the search starts there (else 20,000 headings of one name try 2, 3, … each: quadratic).
    private var nextCounter: [String: Int] = [:]

    init(reserved: Set<String>) { used = reserved }

    mutating func makeID(for text: String) -> String {
        let slug = Slug.make(from: text)
        let base = slug.isEmpty ? "section" : slug
        var candidate = base
        var counter = nextCounter[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        if candidate != base { nextCounter[base] = counter }
        used.insert(candidate)
        return candidate
    }
}

/// Character columns from cmark's byte columns.
struct SourceColumns {
    let bytes: [UInt8]
    private var lineStarts: [Int]
    /// The last answer: links come in document order, so the next one on the same line counts on from it (else
    /// 40,000 links in one paragraph each count the line from its start: quadratic).
    private var last = (line: 0, byteColumn: 0, count: 0)

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
    }

    /// Where `needle` first stands at or after a 1-based line and byte column: line and byte column.
    func find(_ needle: [UInt8], from start: (line: Int, byteColumn: Int)) -> (line: Int, byteColumn: Int)? {
        guard !needle.isEmpty, start.line >= 1, start.line <= lineStarts.count else { return nil }
        let from = min(lineStarts[start.line - 1] + max(start.byteColumn, 1) - 1, bytes.count)
        let found: Int? = bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress else { return nil }
            var offset = from
            // Each candidate by its first byte (memchr), then the rest compared.
            while offset + needle.count <= haystack.count,
                  let hit = memchr(base + offset, Int32(needle[0]), haystack.count - offset - needle.count + 1) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle, needle.count) == 0 { return at }
                offset = at + 1
            }
            return nil
        }
        guard let found else { return nil }
        // The last line that starts at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= found { low = middle } else { high = middle - 1 }
        }
        return (low + 1, found - lineStarts[low] + 1)
    }

    /// Whether the byte at a 1-based line and byte column follows an odd run of backslashes (`\[` is text).
    func isEscaped(line: Int, byteColumn: Int) -> Bool {
        guard line >= 1, line <= lineStarts.count else { return false }
        var offset = lineStarts[line - 1] + byteColumn - 2, count = 0
        while offset >= lineStarts[line - 1], offset < bytes.count, bytes[offset] == UInt8(ascii: "\\") {
            count += 1
            offset -= 1
        }
        return count % 2 == 1
    }

    /// The 1-based character column of a 1-based byte column on a 1-based line.
    mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let lineStart = lineStarts[line - 1]
        let resumes = last.line == line && last.byteColumn <= byteColumn
        let start = resumes ? min(lineStart + last.byteColumn - 1, bytes.count) : lineStart
        let end = min(lineStart + byteColumn - 1, bytes.count)
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one (a loop without a branch,
        // over the buffer: every link of every body asks, and a paragraph is one long line).
        let count = bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            for offset in start..<end { count &+= buffer[offset] & 0xC0 == 0x80 ? 0 : 1 }
            return count
        } + (resumes ? last.count : 0)
        last = (line, byteColumn, count)
        return count + 1
    }
}
