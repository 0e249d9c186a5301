import Foundation
import RapportTemplates

// MARK: - Footnote syntax in the source

/// What libcmark-gfm does not tell about footnotes, read from the source: the label of a reference left as text
/// (it has no note), and the lines where notes are defined (a note that no reference calls leaves the tree).
enum FootnoteSyntax {
    /// Whether a text may hold a `[^label]`: one scan for `[^` (`memchr` for each `[`: every text of every page
    /// is asked).
    static func mayHoldReference(_ literal: ArraySlice<UInt8>) -> Bool {
        literal.withUnsafeBytes(holdsCaretBracket)
    }

    /// Whether `bytes` hold `[^` anywhere: without it in the body's source, no text of the body needs the scan above.
    static func holdsCaretBracket(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "[")), bytes.count - offset) {
            let open = base.distance(to: UnsafeRawPointer(found))
            if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "^") { return true }
            offset = open + 1
        }
        return false
    }

    /// The labels of the `[^label]` in a text (libcmark-gfm leaves a reference without a note as text): a label
    /// is one or more characters, no space and no bracket.
    static func references(in literal: ArraySlice<UInt8>) -> [String] {
        var labels: [String] = []
        var index = literal.startIndex
        while let open = literal[index...].firstIndex(of: UInt8(ascii: "[")) {
            index = open + 1
            guard open + 2 < literal.endIndex, literal[open + 1] == UInt8(ascii: "^"),
                  let close = literal[(open + 2)...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "[") || $0 <= 0x20 && $0 != 0x1B }),
                  literal[close] == UInt8(ascii: "]"), close > open + 2 else { continue }
            labels.append(String(decoding: literal[(open + 2)..<close], as: UTF8.self))
            index = close + 1
        }
        return labels
    }

    /// Every line that opens a note at the top level (`[^label]: …`, at most three spaces before it), with the
    /// label and the byte column of its `[`.
    static func definitionLines(in bytes: [UInt8]) -> [(line: Int, byteColumn: Int, label: String)] {
        var found: [(line: Int, byteColumn: Int, label: String)] = []
        // Most bodies have no footnote: one scan for `[^` decides.
        guard bytes.withUnsafeBytes(holdsCaretBracket) else { return found }
        var line = 1, start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if let definition = definition(in: bytes[start..<end]) { found.append((line, definition.byteColumn, definition.label)) }
            line += 1
            start = end + 1
        }
        return found
    }

    private static func definition(in line: ArraySlice<UInt8>) -> (byteColumn: Int, label: String)? {
        var index = line.startIndex
        while index < line.endIndex, line[index] == 0x20, index - line.startIndex < 3 { index += 1 }
        guard line[index...].starts(with: "[^".utf8),
              let close = line[(index + 2)...].firstIndex(of: UInt8(ascii: "]")), close > index + 2,
              close + 1 < line.endIndex, line[close + 1] == UInt8(ascii: ":") else { return nil }
        let label = line[(index + 2)..<close]
        guard !label.contains(where: { $0 == 0x20 || $0 == 0x09 }) else { return nil }
        return (index - line.startIndex + 1, String(decoding: label, as: UTF8.self))
    }
}

// MARK: - Ids

/// A reference in document order: the number of the note it calls and its own id.
struct FootnoteCall {
    let number: Int
    let id: String
}

/// The ids of notes and references: `fn-1` for note 1, `fnref-1` for its first reference and `fnref-1-2` for the
/// second, `notes` for the notes' heading. The print page puts its prefix before each.
enum FootnoteIDs {
    static let heading = "notes"

    static func note(_ number: Int) -> String { "fn-\(number)" }

    static func reference(_ number: Int, occurrence: Int) -> String {
        occurrence == 1 ? "fnref-\(number)" : "fnref-\(number)-\(occurrence)"
    }

    /// Every id the notes of a body take, for headings to avoid.
    static func all(notes: Int, references: [Int]) -> Set<String> {
        var ids: Set<String> = [heading]
        for number in 1...max(notes, 1) where notes > 0 { ids.insert(note(number)) }
        var seen: [Int: Int] = [:]
        for number in references {
            seen[number, default: 0] += 1
            ids.insert(reference(number, occurrence: seen[number]!))
        }
        return ids
    }

    /// The notes with their references, and the references in document order.
    static func footnotes(notes: Int, references: [(number: Int, position: MarkdownPosition)]) -> ([MarkdownFootnote], [FootnoteCall]) {
        var footnotes = (0..<notes).map { MarkdownFootnote(number: $0 + 1, id: note($0 + 1), html: "", references: []) }
        var calls: [FootnoteCall] = []
        for (number, position) in references {
            guard number >= 1, number <= notes else { calls.append(FootnoteCall(number: number, id: "")); continue }
            let id = reference(number, occurrence: footnotes[number - 1].references.count + 1)
            footnotes[number - 1].references.append(MarkdownFootnote.Reference(id: id, position: position))
            calls.append(FootnoteCall(number: number, id: id))
        }
        return (footnotes, calls)
    }
}

// MARK: - HTML

/// The notes of a body as HTML, for the page or (with a prefix) the print page: the references' links and the
/// notes' section, or each note in place of its reference (`FootnotePlacement.inline`).
struct FootnoteSection {
    let prefix: String
    let footnotes: [MarkdownFootnote]
    /// Each note's content as cmark wrote it.
    let contents: [String]
    let options: MarkdownOptions

    /// What stands at a reference: a numbered link to the note, or the note itself.
    func referenceHTML(_ call: FootnoteCall) -> String {
        guard call.number >= 1, call.number <= contents.count else { return "" }
        if options.footnotes == .inline {
            return "<span class=\"footnote-inline\">" + Self.trimmed(contents[call.number - 1]) + "</span>"
        }
        return "<sup class=\"footnote-ref\"><a href=\"#\(prefix)\(FootnoteIDs.note(call.number))\" id=\"\(prefix)\(call.id)\" "
            + "aria-describedby=\"\(prefix)\(FootnoteIDs.heading)\">\(call.number)</a></sup>"
    }

    /// The section that closes the body: a heading of `level`, then the notes in order, each with its links back.
    func section(level: Int) -> [UInt8] {
        guard options.footnotes == .section, !footnotes.isEmpty else { return [] }
        let title = MarkupEscaping.escape(options.notesTitle)
        var html = "<section class=\"footnotes\" aria-labelledby=\"\(prefix)\(FootnoteIDs.heading)\">\n"
            + "<h\(level) id=\"\(prefix)\(FootnoteIDs.heading)\">\(title)</h\(level)>\n<ol>\n"
        for (footnote, content) in zip(footnotes, contents) {
            html += "<li id=\"\(prefix)\(footnote.id)\">\n" + withLinksBack(content, footnote) + "</li>\n"
        }
        html += "</ol>\n</section>\n"
        return Array(html.utf8)
    }

    /// The links back to each reference, inside the note's last paragraph when it ends with one.
    private func withLinksBack(_ content: String, _ footnote: MarkdownFootnote) -> String {
        let label = MarkupEscaping.escape(options.noteBackLabel)
        let links = footnote.references.enumerated().map { index, reference in
            let mark = index == 0 ? "↩" : "↩<sup>\(index + 1)</sup>"
            let name = index == 0 ? label : "\(label) (\(index + 1))"
            return "<a href=\"#\(prefix)\(reference.id)\" class=\"footnote-back\" aria-label=\"\(name)\">\(mark)</a>"
        }.joined(separator: " ")
        guard !links.isEmpty else { return content }
        if content.hasSuffix("</p>\n") { return content.dropLast("</p>\n".count) + " " + links + "</p>\n" }
        return content + "<p>" + links + "</p>\n"
    }

    /// A note's HTML as the placement writes it (without links back).
    func noteHTML(_ index: Int) -> String {
        options.footnotes == .inline ? Self.trimmed(contents[index]) : contents[index]
    }

    private static func trimmed(_ html: String) -> String {
        var text = Substring(html)
        while text.first == "\n" { text = text.dropFirst() }
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
