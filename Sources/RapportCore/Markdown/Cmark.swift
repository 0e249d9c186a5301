// The only file that talks to libcmark-gfm. Every C pointer stays in this file; callers get Swift values.
import CCmark
import Foundation
import RapportTemplates

/// Turns a GitHub-flavoured CommonMark body into HTML with libcmark-gfm, working on its node tree.
///
/// One parse, one walk, then named passes over the tree, then rendering: the walk collects headings, links and
/// images (and lets the caller rewrite their destinations), raw HTML, the `<!-- more -->` marker, tables and
/// footnotes; the passes typeset the text, mark the glossary's terms, check the footnotes, give headings their ids, place the data sets,
/// shape tables and footnotes as the theme wants them, and split the tree at the marker.
public enum Markdown {
    /// Renders `source` (a page body) to HTML.
    ///
    /// - Parameters:
    ///   - source: the Markdown text, LF line endings.
    ///   - options: raw HTML, typography, extensions and footnote choices.
    ///   - reservedIDs: element ids the page template already uses; heading ids avoid them.
    ///   - printIDPrefix: when given, the body is also rendered whole (no fold) for a page that holds many
    ///     bodies: heading and footnote ids get this prefix, same-page `#anchors` too, and links their `printHref`.
    ///   - rewriteLink: called for every link and image, in document order, before rendering;
    ///     returns the destination to render instead, or `nil` to keep it.
    ///   - placeData: called for every top-level `<!-- table: NAME -->` and `<!-- chart: NAME -->` line; returns
    ///     the HTML that takes its place on the page and on the print page, or `nil` to leave it out.
    /// - Returns: the rendered parts and what the walk found.
    public static func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        reservedIDs: Set<String> = [],
        printIDPrefix: String? = nil,
        rewriteLink: (MarkdownLink) -> MarkdownLinkRewrite? = { _ in nil },
        placeData: (MarkdownDataMarker) -> (page: String, print: String)? = { _ in nil }
    ) -> RenderedMarkdown {
        render(source, options: options, reservedIDs: reservedIDs, printIDPrefix: printIDPrefix, rendersOnce: true,
               rewriteLink: rewriteLink, placeData: placeData)
    }

    /// `render`, with the page and the print page written from one rendering (`rendersOnce`, as builds do) or from
    /// two, the reference way (the tests compare them).
    static func render(
        _ source: String,
        options: MarkdownOptions,
        reservedIDs: Set<String>,
        printIDPrefix: String?,
        rendersOnce: Bool,
        rewriteLink: (MarkdownLink) -> MarkdownLinkRewrite?,
        placeData: (MarkdownDataMarker) -> (page: String, print: String)?
    ) -> RenderedMarkdown {
        let bytes = Array(source.utf8)
        guard let parsed = ParsedTree(source: source, byteCount: bytes.count, options: options) else { return RenderedMarkdown() }
        var tree = TreePasses(tree: parsed, bytes: bytes, options: options)
        tree.walk(printIDPrefix: printIDPrefix, rewriteLink: rewriteLink)
        tree.typeset()
        tree.markAbbreviations()
        tree.checkFootnotes()
        tree.nameHeadings(reserved: reservedIDs)
        tree.placeData(placeData)
        if !options.specificationHTML {
            tree.shapeTables()
            tree.shapeFootnotes()
        }
        tree.splitAtMoreMarker()
        return tree.render(printIDPrefix: printIDPrefix, once: rendersOnce)
    }
}

// MARK: - The parse

/// The syntax extensions of libcmark-gfm, registered once for the process (registration is not thread-safe;
/// a global is initialised once, under a lock).
private nonisolated(unsafe) let syntaxExtensions: [MarkdownExtensions: OpaquePointer] = {
    cmark_gfm_core_extensions_ensure_registered()
    var found: [MarkdownExtensions: OpaquePointer] = [:]
    for (flag, name) in [(MarkdownExtensions.tables, "table"), (.strikethrough, "strikethrough"), (.autolinks, "autolink")] {
        if let pointer = cmark_find_syntax_extension(name) { found[flag] = pointer }
    }
    return found
}()

/// libcmark-gfm marks the characters its inline extensions look for (`~`, `:`, `w`…) in a process-wide table
/// while a parser reads inlines (in `cmark_parser_finish`), and unmarks them after: two at once would race on it
/// (a page rendered in parallel could lose its strikethrough or autolinks). Reading the inlines takes turns;
/// reading the blocks (`cmark_parser_feed`) and rendering need no lock.
private let parseLock = NSLock()

/// A parsed document and the parser that keeps its extensions (the renderer needs them).
private final class ParsedTree {
    let parser: OpaquePointer
    let document: OpaquePointer

    init?(source: String, byteCount: Int, options: MarkdownOptions) {
        // No CMARK_OPT_VALIDATE_UTF8: the source is a Swift string, valid UTF-8 already. Strikethrough takes two
        // tildes on pages: a writer's single `~` means "about" (`~12 %`), never a deletion.
        var parseOptions = CMARK_OPT_SOURCEPOS
        if options.extensions.contains(.footnotes) { parseOptions |= CMARK_OPT_FOOTNOTES }
        if !options.specificationHTML { parseOptions |= CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE }
        guard let parser = cmark_parser_new(parseOptions) else { return nil }
        for (flag, pointer) in syntaxExtensions where options.extensions.contains(flag) {
            cmark_parser_attach_syntax_extension(parser, pointer)
        }
        cmark_parser_feed(parser, source, byteCount)
        parseLock.lock()
        let finished = cmark_parser_finish(parser)
        parseLock.unlock()
        guard let document = finished else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.document = document
    }

    deinit {
        cmark_node_free(document)
        cmark_parser_free(parser)
    }

    /// cmark's HTML as it wrote it: UTF-8 (cmark validates the source it parses), copied, not decoded.
    func html(of node: OpaquePointer, options: Int32) -> [UInt8] {
        guard let rendered = cmark_render_html(node, options, cmark_parser_get_syntax_extensions(parser)) else { return [] }
        defer { free(rendered) }
        return rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(rendered))) }
    }
}

/// What the extensions' node types are, told by their names (libcmark-gfm gives their numbers only at run time).
private enum NodeKind {
    case table, tableRow, tableCell, strikethrough, other

    init(extensionType type: cmark_node_type, of node: OpaquePointer, cache: inout [UInt32: NodeKind]) {
        if let known = cache[type.rawValue] { self = known; return }
        switch string(cmark_node_get_type_string(node)) {
        case "table": self = .table
        case "table_header", "table_row": self = .tableRow
        case "table_cell": self = .tableCell
        case "strikethrough": self = .strikethrough
        default: self = .other
        }
        cache[type.rawValue] = self
    }
}

// MARK: - The passes

/// The tree and what the walk found in it, and the passes that change it. Each pass is one method.
private struct TreePasses {
    let tree: ParsedTree
    let options: MarkdownOptions
    var positions: SourceColumns
    var result = RenderedMarkdown()
    var leaves = InlineLeaves()
    var headingNodes: [(node: OpaquePointer, text: String, line: Int)] = []
    var dataNodes: [(node: OpaquePointer, marker: MarkdownDataMarker)] = []
    var tableNodes: [OpaquePointer] = []
    var definitionNodes: [OpaquePointer] = []
    var referenceNodes: [(node: OpaquePointer, number: Int, position: MarkdownPosition)] = []
    /// Lines of every top-level block but footnote definitions (a note line inside one is not a note).
    var topLevelLines: [ClosedRange<Int>] = []
    /// Nodes rendered one way on the page and another on the print page (links, heading openers, placed data).
    var variants: [NodeVariant] = []
    var rest: OpaquePointer?
    var noteDocuments: [OpaquePointer] = []
    /// The references in document order: the note each calls and its id.
    var calls: [FootnoteCall] = []
    /// Prose text nodes outside headings, links, images and tables, in document order: where glossary terms are marked.
    var abbreviationNodes: [OpaquePointer] = []
    /// Whether the source holds `[^`: if not, no text node can hold a footnote reference left without its note.
    let sourceHoldsCaretBracket: Bool

    init(tree: ParsedTree, bytes: [UInt8], options: MarkdownOptions) {
        self.tree = tree
        self.options = options
        positions = SourceColumns(bytes: bytes)
        result.plainTextBytes.reserveCapacity(bytes.count)
        sourceHoldsCaretBracket = options.extensions.contains(.footnotes) && bytes.withUnsafeBytes(FootnoteSyntax.holdsCaretBracket)
    }

    // MARK: Walk

    /// One walk over the tree, in document order (footnote definitions stand at its end, in the order of their numbers).
    mutating func walk(printIDPrefix: String?, rewriteLink: (MarkdownLink) -> MarkdownLinkRewrite?) {
        guard let iterator = cmark_iter_new(tree.document) else { return }
        defer { cmark_iter_free(iterator) }
        var kinds: [UInt32: NodeKind] = [:]
        var cursor = SourceCursor()
        // How many headings, links, images and tables enclose the node: no term is marked inside one.
        var unmarkedDepth = 0
        let marksTerms = options.abbreviations != nil
        // The blocks the walk is in, innermost last: a text node's paragraph, heading or table cell is the last.
        var blocks: [OpaquePointer] = []
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { break }
            defer { event = cmark_iter_next(iterator) }
            let type = cmark_node_get_type(node)
            if marksTerms, Self.holdsNoAbbreviation(type, node, kinds: &kinds) { unmarkedDepth += event == CMARK_EVENT_ENTER ? 1 : -1 }
            guard event == CMARK_EVENT_ENTER else {
                // Leaving a node: cmark leaves containers only (it enters a leaf and never leaves it).
                if Self.isBlock(type), !blocks.isEmpty { blocks.removeLast() }
                continue
            }
            if Self.isBlock(type), !Self.isLeafBlock(type) { blocks.append(node) }
            if marksTerms, type == CMARK_NODE_TEXT, unmarkedDepth == 0 { abbreviationNodes.append(node) }
            if cmark_node_parent(node) == tree.document {
                if type == CMARK_NODE_FOOTNOTE_DEFINITION { definitionNodes.append(node) } else { topLevelLines.append(lines(of: node)) }
            }
            if Self.isBlock(type) { cursor.enterBlock(at: start(of: node)) } else { cursor.passInline(node) }
            switch type {
            case CMARK_NODE_HEADING:
                headingNodes.append((node, plainText(of: node), Int(cmark_node_get_start_line(node))))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                visitLink(node, type: type, cursor: &cursor, printIDPrefix: printIDPrefix, rewriteLink: rewriteLink)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                visitHTML(node, type: type)
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                visitText(node, in: blocks.last, typeset: type == CMARK_NODE_TEXT, cursor: &cursor)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if options.typography != nil { leaves.addBoundary() }
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                let number = Int(string(cmark_node_get_literal(node))) ?? 0
                referenceNodes.append((node, number, position(of: node, cursor: &cursor, text: nil)))
            default:
                if Self.isExtension(type), NodeKind(extensionType: type, of: node, cache: &kinds) == .table {
                    tableNodes.append(node)
                }
            }
        }
    }

    private mutating func visitLink(_ node: OpaquePointer, type: cmark_node_type, cursor: inout SourceCursor,
                                    printIDPrefix: String?, rewriteLink: (MarkdownLink) -> MarkdownLinkRewrite?) {
        let text = plainText(of: node)
        let destination = string(cmark_node_get_url(node))
        // libcmark-gfm places a `www.` autolink one column early: found in the source instead.
        let isWWW = destination.utf8.starts(with: "http://".utf8) && destination == "http://" + text
        let position = position(of: node, cursor: &cursor, text: text, search: isWWW)
        let link = MarkdownLink(kind: type == CMARK_NODE_IMAGE ? .image : .link, destination: destination,
                                text: text, line: position.line, column: position.column)
        result.links.append(link)
        if let replacement = rewriteLink(link) {
            cmark_node_set_url(node, replacement.href)
            if let printHref = replacement.printHref { variants.append(NodeVariant(node, url: replacement.href, print: printHref)) }
        } else if let printIDPrefix, link.destination.hasPrefix("#") {
            variants.append(NodeVariant(node, url: link.destination, print: "#" + printIDPrefix + link.destination.dropFirst()))
        }
    }

    private mutating func visitHTML(_ node: OpaquePointer, type: cmark_node_type) {
        let literal = string(cmark_node_get_literal(node))
        let line = Int(cmark_node_get_start_line(node))
        let topLevel = type == CMARK_NODE_HTML_BLOCK && cmark_node_parent(node) == tree.document
        if topLevel, isMoreMarker(literal) {
            if result.moreMarkerLine == nil { result.moreMarkerLine = line }
        } else if topLevel, let marker = MarkdownDataMarker(literal: literal, line: line) {
            dataNodes.append((node, marker))
        } else {
            let position = MarkdownPosition(
                line: line, column: positions.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
            result.rawHTML.append(position)
            if options.allowRawHTML, URLSafety.mentionsScriptURL(literal) { result.rawHTMLWithScriptURLs.append(position) }
        }
        if type == CMARK_NODE_HTML_INLINE, options.typography != nil { leaves.addBoundary() }
    }

    private mutating func visitText(_ node: OpaquePointer, in block: OpaquePointer?, typeset: Bool, cursor: inout SourceCursor) {
        // The literal's bytes go to the plain text, where the typography reads them too.
        let start = result.plainTextBytes.count
        appendLiteral(of: node, to: &result.plainTextBytes)
        let literal = start..<result.plainTextBytes.count
        if options.typography != nil { leaves.add(node, in: block, literal: literal, typeset: typeset) }
        result.plainTextBytes.append(0x20)
        // A footnote reference without its note is left by libcmark-gfm as the text `[^label]`, often merged into
        // the text before it; an escaped `\[^label]` is text too, told apart in the source.
        if typeset, sourceHoldsCaretBracket, FootnoteSyntax.mayHoldReference(result.plainTextBytes[literal]) {
            for label in FootnoteSyntax.references(in: result.plainTextBytes[literal]) {
                let text = Array(("[^" + label + "]").utf8)
                guard let found = positions.find(text, from: cursor.position) else { continue }
                cursor.moved(to: (found.line, found.byteColumn + text.count))
                guard !positions.isEscaped(line: found.line, byteColumn: found.byteColumn) else { continue }
                let position = MarkdownPosition(line: found.line, column: positions.characterColumn(line: found.line, byteColumn: found.byteColumn))
                result.footnoteProblems.append(MarkdownFootnoteProblem(kind: .noNote, label: label, position: position))
            }
        }
    }

    /// A node's position, found in the source after the last positioned node of its block when libcmark-gfm
    /// gave it none (the links of bare URLs, references without a note).
    private mutating func position(of node: OpaquePointer, cursor: inout SourceCursor, text: String?, search: Bool = false) -> MarkdownPosition {
        var line = Int(cmark_node_get_start_line(node)), byteColumn = Int(cmark_node_get_start_column(node))
        if line == 0 || search, let text, let found = positions.find(Array(text.utf8), from: cursor.position) {
            (line, byteColumn) = found
            cursor.moved(to: (line, byteColumn + text.utf8.count))
        }
        return MarkdownPosition(line: max(line, 1), column: positions.characterColumn(line: line, byteColumn: byteColumn))
    }

    // MARK: Typography

    /// Typesets each prose text node with the characters just outside it in its block (`d'*égalité*`,
    /// `« *mot* »`). Code spans and blocks are not text nodes and URLs are attributes: only prose is touched,
    /// and not the text of an autolink, which is its URL.
    mutating func typeset() {
        guard let typography = options.typography else { return }
        let leaves = leaves
        result.plainTextBytes.withUnsafeBufferPointer { text in
            for (index, leaf) in leaves.items.enumerated() where leaf.typeset {
                let literal = UnsafeBufferPointer(rebasing: text[leaf.literal])
                guard !isAutolinkText(leaf.node!, literal: literal),
                      var typeset = typography.apply(literal, leaves.neighbours(of: index, in: text)) else { continue }
                typeset.append(0)
                typeset.withUnsafeBufferPointer { cmark_node_set_literal(leaf.node, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
            }
        }
    }

    // MARK: Abbreviations

    /// Marks the first use of each glossary term in the body's prose `<abbr title="EXPANSION">TERM</abbr>`
    /// (`Abbreviations` decides where): a text node holding one is replaced by its pieces, in place. After the
    /// typography, which reads the text nodes the walk found.
    mutating func markAbbreviations() {
        guard let abbreviations = options.abbreviations else { return }
        var used: Set<String> = []
        for node in abbreviationNodes {
            guard let literal = cmark_node_get_literal(node),
                  let pieces = abbreviations.markedPieces(in: UnsafeRawBufferPointer(start: literal, count: strlen(literal)), used: &used)
            else { continue }
            for piece in pieces {
                switch piece {
                case .text(let text):
                    guard let inserted = textNode(text) else { continue }
                    cmark_node_insert_before(node, inserted)
                case .abbreviation(let term, let expansion):
                    let enter = "<abbr title=\"\(MarkupEscaping.escape(expansion))\">"
                    guard let abbreviation = customNode(block: false, enter: enter, exit: "</abbr>"), let text = textNode(term) else { continue }
                    cmark_node_append_child(abbreviation, text)
                    cmark_node_insert_before(node, abbreviation)
                }
            }
            cmark_node_free(node)
        }
    }

    /// Headings, links, images and tables: no glossary term is marked in their text.
    private static func holdsNoAbbreviation(_ type: cmark_node_type, _ node: OpaquePointer, kinds: inout [UInt32: NodeKind]) -> Bool {
        switch type {
        case CMARK_NODE_HEADING, CMARK_NODE_LINK, CMARK_NODE_IMAGE: return true
        default: return isExtension(type) && NodeKind(extensionType: type, of: node, cache: &kinds) == .table
        }
    }

    // MARK: Footnotes checked

    /// The notes that no reference calls (libcmark-gfm drops them from the tree: their lines are found in the source).
    mutating func checkFootnotes() {
        guard options.extensions.contains(.footnotes) else { return }
        let kept = Set(definitionNodes.map { Int(cmark_node_get_start_line($0)) })
        let lines = FootnoteSyntax.definitionLines(in: positions.bytes)
        let keptLabels = Set(lines.filter { kept.contains($0.line) }.map { $0.label.lowercased() })
        for definition in lines where !kept.contains(definition.line) && !topLevelLines.contains(where: { $0.contains(definition.line) }) {
            let kind: MarkdownFootnoteProblem.Kind = keptLabels.contains(definition.label.lowercased()) ? .repeatedNote : .unusedNote
            let column = positions.characterColumn(line: definition.line, byteColumn: definition.byteColumn)
            result.footnoteProblems.append(MarkdownFootnoteProblem(
                kind: kind, label: definition.label, position: MarkdownPosition(line: definition.line, column: column)))
        }
    }

    // MARK: Headings

    /// Gives every heading a stable id that no template element and no footnote uses.
    mutating func nameHeadings(reserved: Set<String>) {
        var reserved = reserved
        if !definitionNodes.isEmpty, !options.specificationHTML {
            reserved.formUnion(FootnoteIDs.all(notes: definitionNodes.count, references: referenceNodes.map(\.number)))
        }
        var ids = HeadingIDs(reserved: reserved)
        for (heading, text, line) in headingNodes {
            let id = ids.makeID(for: text)
            let level = Int(cmark_node_get_heading_level(heading))
            result.headings.append(MarkdownHeading(level: level, text: text, id: id, line: line))
            if options.headingIDs, let opener = giveID(id, toHeading: heading) {
                variants.append(NodeVariant(opener, onEnter: "<h\(level) id=\"\(id)\">", print: { "<h\(level) id=\"\($0)\(id)\">" }))
            }
        }
    }

    // MARK: Data sets

    /// Data markers become custom blocks holding the table or chart (cmark writes a custom block as given, in safe
    /// mode too); a marker the caller does not place is left out.
    mutating func placeData(_ place: (MarkdownDataMarker) -> (page: String, print: String)?) {
        for (node, marker) in dataNodes {
            if let placed = place(marker), let block = customNode(block: true, enter: placed.page, exit: "") {
                cmark_node_replace(node, block)
                variants.append(NodeVariant(block, onEnter: placed.page, print: { _ in placed.print }))
            } else {
                cmark_node_unlink(node)
            }
            cmark_node_free(node)
        }
    }

    // MARK: Tables

    /// Each pipe table becomes custom nodes: a scrolling box, header cells `scope="col"`, and the class `number`
    /// on a column whose every body cell is a number (no inline style: a strict style policy allows classes).
    mutating func shapeTables() {
        for table in tableNodes {
            let columns = Int(cmark_gfm_extensions_get_table_columns(table))
            let alignments = cmark_gfm_extensions_get_table_alignments(table).map { Array(UnsafeBufferPointer(start: $0, count: columns)) } ?? []
            var rows: [[OpaquePointer]] = []
            var row = cmark_node_first_child(table)
            while let current = row {
                rows.append(children(of: current))
                row = cmark_node_next(current)
            }
            let numeric = (0..<columns).map { column in
                TableCells.isNumericColumn(rows.dropFirst().map { $0.count > column ? plainText(of: $0[column]) : "" })
            }
            let classes = (0..<columns).map { TableCells.cellClass(alignment: alignments.count > $0 ? alignments[$0] : 0, numeric: numeric[$0]) }
            rebuild(table, rows: rows, classes: classes)
        }
    }

    private func rebuild(_ table: OpaquePointer, rows: [[OpaquePointer]], classes: [String?]) {
        let hasBody = rows.count > 1
        guard let box = customNode(block: true, enter: TableCells.tableOpening, exit: hasBody ? "</tbody>\n</table>\n</div>" : "</table>\n</div>")
        else { return }
        for (index, cells) in rows.enumerated() {
            let isHeader = index == 0
            let exit = isHeader ? (hasBody ? "</tr>\n</thead>\n<tbody>" : "</tr>\n</thead>") : "</tr>"
            guard let row = customNode(block: true, enter: isHeader ? "<thead>\n<tr>" : "<tr>", exit: exit) else { continue }
            for (column, cell) in cells.enumerated() {
                let opening = TableCells.cellOpening(header: isHeader, class: column < classes.count ? classes[column] : nil)
                guard let shaped = customNode(block: false, enter: opening, exit: isHeader ? "</th>" : "</td>") else { continue }
                moveChildren(of: cell, to: shaped)
                cmark_node_append_child(row, shaped)
            }
            cmark_node_append_child(box, row)
        }
        cmark_node_replace(table, box)
        cmark_node_free(table)
    }

    // MARK: Footnotes shaped

    /// Each reference becomes a custom inline (a numbered link, or the note itself in `.inline` placement); each
    /// note's content moves to a document of its own, rendered apart and placed after the body.
    mutating func shapeFootnotes() {
        for definition in definitionNodes {
            guard let note = cmark_node_new(CMARK_NODE_DOCUMENT) else { continue }
            moveChildren(of: definition, to: note)
            if options.footnotes == .inline { unwrapParagraphs(of: note) }
            noteDocuments.append(note)
            cmark_node_unlink(definition)
            cmark_node_free(definition)
        }
        for index in referenceNodes.indices {
            guard let shaped = customNode(block: false, enter: "", exit: "") else { continue }
            cmark_node_replace(referenceNodes[index].node, shaped)
            cmark_node_free(referenceNodes[index].node)
            referenceNodes[index].node = shaped
        }
        (result.footnotes, calls) = FootnoteIDs.footnotes(notes: noteDocuments.count, references: referenceNodes.map { ($0.number, $0.position) })
    }

    /// In a note placed inline, paragraphs are runs of text (a `<p>` cannot stand in a sentence).
    private func unwrapParagraphs(of note: OpaquePointer) {
        for child in children(of: note) where cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH {
            guard let run = customNode(block: true, enter: "", exit: "") else { continue }
            moveChildren(of: child, to: run)
            cmark_node_replace(child, run)
            cmark_node_free(child)
        }
    }

    // MARK: The fold

    /// Splits at the first top-level marker: the document keeps the introduction, `rest` the fold.
    mutating func splitAtMoreMarker() {
        guard result.moreMarkerLine != nil, let rest = cmark_node_new(CMARK_NODE_DOCUMENT) else { return }
        self.rest = rest
        var child = cmark_node_first_child(tree.document)
        var seenMarker = false
        while let current = child {
            child = cmark_node_next(current)
            if !seenMarker {
                if cmark_node_get_type(current) == CMARK_NODE_HTML_BLOCK, isMoreMarker(string(cmark_node_get_literal(current))) {
                    seenMarker = true
                    cmark_node_unlink(current)
                    cmark_node_free(current)
                }
                continue
            }
            cmark_node_unlink(current)
            cmark_node_append_child(rest, current)
        }
    }

    // MARK: Rendering

    /// The page's HTML, and with `printIDPrefix` the print page's: prefixed ids, print links, its own notes. Written
    /// `once` when it can be (`renderOnce`), else by rendering the tree for the print page, then again for the page.
    mutating func render(printIDPrefix: String?, once: Bool) -> RenderedMarkdown {
        // Without CMARK_OPT_UNSAFE cmark writes `<!-- raw HTML omitted -->` for raw HTML and empties
        // `javascript:`, `vbscript:`, `file:` and most `data:` link targets.
        let renderOptions = options.allowRawHTML ? CMARK_OPT_UNSAFE : 0
        defer {
            if let rest { cmark_node_free(rest) }
            for note in noteDocuments { cmark_node_free(note) }
        }
        if let printIDPrefix, once, renderOnce(printIDPrefix: printIDPrefix, options: renderOptions) { return result }
        if let printIDPrefix {
            for variant in variants { variant.apply(printIDPrefix: printIDPrefix) }
            let notes = renderNotes(prefix: printIDPrefix, options: renderOptions)
            result.print = tree.html(of: tree.document, options: renderOptions) + (rest.map { tree.html(of: $0, options: renderOptions) } ?? [])
                + notes.section(level: 3)
            for variant in variants { variant.apply(printIDPrefix: nil) }
        }
        let notes = renderNotes(prefix: "", options: renderOptions)
        for index in result.footnotes.indices { result.footnotes[index].html = notes.noteHTML(index) }
        result.notes = notes.section(level: 2)
        if let rest { result.rest = tree.html(of: rest, options: renderOptions) }
        result.intro = tree.html(of: tree.document, options: renderOptions)
        return result
    }

    /// The page's and the print page's HTML from one rendering of each part (`VariantMarkers`): the same output as
    /// `render`'s two renderings. False, having written nothing, when a part cannot be rendered this way (a URL
    /// with a `:`, which cmark could judge unsafe; a value with a NUL, which cmark would cut; a reference inside a
    /// note; a marker not where it was put).
    private mutating func renderOnce(printIDPrefix: String, options renderOptions: Int32) -> Bool {
        guard referenceNodes.count == calls.count else { return false }
        var pageValues: [[UInt8]] = [], printValues: [[UInt8]] = [], markers: [String] = []
        for (index, variant) in variants.enumerated() {
            let page = variant.page, print = variant.print(printIDPrefix)
            // cmark keeps a value as a C string, up to its first NUL: such a value is set the reference way.
            guard !page.utf8.contains(0), !print.utf8.contains(0) else { return false }
            if variant.isURL {
                guard let page = HrefEscaping.escapeWithoutScheme(page), let print = HrefEscaping.escapeWithoutScheme(print) else { return false }
                pageValues.append(page)
                printValues.append(print)
                markers.append(VariantMarkers.marker(index))
            } else if cmark_node_get_type(variant.node) == CMARK_NODE_CUSTOM_BLOCK {
                // cmark ends a block's opening with a line break unless it ends with one: the marker ends as the
                // text it stands for does, and that break stays in place.
                guard page.hasSuffix("\n"), print.hasSuffix("\n") else { return false }
                pageValues.append(Array(page.utf8.dropLast()))
                printValues.append(Array(print.utf8.dropLast()))
                markers.append(VariantMarkers.marker(index) + "\n")
            } else {
                pageValues.append(Array(page.utf8))
                printValues.append(Array(print.utf8))
                markers.append(VariantMarkers.marker(index))
            }
        }
        let firstReference = variants.count
        for (variant, marker) in zip(variants, markers) { variant.apply(value: marker) }
        for (index, reference) in referenceNodes.enumerated() { cmark_node_set_on_enter(reference.node, VariantMarkers.marker(firstReference + index)) }
        // The pieces: each note, the introduction, the fold.
        var pieces = noteDocuments.map { tree.html(of: $0, options: renderOptions) }
        let introPiece = pieces.count
        pieces.append(tree.html(of: tree.document, options: renderOptions))
        pieces.append(rest.map { tree.html(of: $0, options: renderOptions) } ?? [])
        // Rendered twice instead: the references as `shapeFootnotes` left them (`render` sets every variant again).
        func renderTwice() -> Bool {
            for reference in referenceNodes { cmark_node_set_on_enter(reference.node, "") }
            return false
        }
        let count = firstReference + referenceNodes.count
        guard let placement = VariantMarkers.locate(in: pieces, count: count, allowed: { piece, slot in piece >= introPiece || slot < firstReference })
        else { return renderTwice() }
        func fill(_ piece: Int, _ values: [[UInt8]]) -> [UInt8] {
            VariantMarkers.fill(pieces[piece], spots: placement.spots[piece], values: values)
        }
        func section(prefix: String, values: [[UInt8]]) -> FootnoteSection {
            FootnoteSection(prefix: prefix, footnotes: result.footnotes,
                            contents: noteDocuments.indices.map { String(decoding: fill($0, values), as: UTF8.self) }, options: options)
        }
        let printNotes = section(prefix: printIDPrefix, values: printValues)
        let pageNotes = section(prefix: "", values: pageValues)
        printValues += calls.map { Array(printNotes.referenceHTML($0).utf8) }
        pageValues += calls.map { Array(pageNotes.referenceHTML($0).utf8) }
        guard !(printValues[firstReference...] + pageValues[firstReference...]).contains(where: { $0.contains(0) }) else { return renderTwice() }
        result.print = fill(introPiece, printValues) + fill(introPiece + 1, printValues) + printNotes.section(level: 3)
        for index in result.footnotes.indices { result.footnotes[index].html = pageNotes.noteHTML(index) }
        result.notes = pageNotes.section(level: 2)
        if rest != nil { result.rest = fill(introPiece + 1, pageValues) }
        result.intro = fill(introPiece, pageValues)
        return true
    }

    /// The notes as the tree now stands (page or print links), and the references' HTML set to match.
    private func renderNotes(prefix: String, options renderOptions: Int32) -> FootnoteSection {
        let contents = noteDocuments.map { String(decoding: tree.html(of: $0, options: renderOptions), as: UTF8.self) }
        let section = FootnoteSection(prefix: prefix, footnotes: result.footnotes, contents: contents, options: options)
        for (reference, call) in zip(referenceNodes, calls) {
            cmark_node_set_on_enter(reference.node, section.referenceHTML(call))
        }
        return section
    }

    // MARK: Node kinds

    /// Syntax extensions number their node types after the core's last (`CMARK_NODE_TYPE_BLOCK | n`, n past the
    /// footnote definition's; the same for inlines).
    static func isExtension(_ type: cmark_node_type) -> Bool {
        type.rawValue & UInt32(CMARK_NODE_VALUE_MASK) > CMARK_NODE_FOOTNOTE_DEFINITION.rawValue & UInt32(CMARK_NODE_VALUE_MASK)
    }

    static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
    }

    /// The blocks cmark's iterator enters but never leaves (its `S_is_leaf`).
    static func isLeafBlock(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_CODE_BLOCK
    }

    private func start(of node: OpaquePointer) -> (line: Int, byteColumn: Int) {
        (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
    }

    private func lines(of node: OpaquePointer) -> ClosedRange<Int> {
        let first = Int(cmark_node_get_start_line(node))
        return first...max(first, Int(cmark_node_get_end_line(node)))
    }
}

/// Where the walk stands in the source: after the last node with a position, in the current block.
private struct SourceCursor {
    var position = (line: 1, byteColumn: 1)

    mutating func enterBlock(at start: (line: Int, byteColumn: Int)) {
        if start.line > 0 { position = start }
    }

    mutating func passInline(_ node: OpaquePointer) {
        let line = Int(cmark_node_get_start_line(node))
        guard line > 0 else { return }
        position = (line, Int(cmark_node_get_start_column(node)))
    }

    mutating func moved(to position: (line: Int, byteColumn: Int)) { self.position = position }
}

/// A node written one way on the page and another on the print page: a link's URL or a custom node's opening.
private struct NodeVariant {
    let node: OpaquePointer
    let isURL: Bool
    let page: String
    let print: (String) -> String

    init(_ node: OpaquePointer, url: String, print: String) {
        self.node = node
        isURL = true
        page = url
        self.print = { _ in print }
    }

    init(_ node: OpaquePointer, onEnter: String, print: @escaping (String) -> String) {
        self.node = node
        isURL = false
        page = onEnter
        self.print = print
    }

    func apply(printIDPrefix: String?) {
        apply(value: printIDPrefix.map(print) ?? page)
    }

    func apply(value: String) {
        if isURL { cmark_node_set_url(node, value) } else { cmark_node_set_on_enter(node, value) }
    }
}

// MARK: - Helpers on cmark nodes (private: no pointer leaves the file)

/// The text and code nodes of a body in document order, with the block each belongs to: emphasis, strong text,
/// links and code spans end a node, not a sentence, so typography looks across them. Breaks and raw HTML do end
/// the run of text.
private struct InlineLeaves {
    struct Leaf {
        let node: OpaquePointer?
        /// The paragraph, heading or table cell holding the node, `nil` for a boundary.
        let block: OpaquePointer?
        /// Where the node's text (as it was parsed) stands in the body's plain text.
        let literal: Range<Int>
        let typeset: Bool
    }

    private(set) var items: [Leaf] = []

    /// A text or code node, in `block`: the nearest block holding it (the walk knows it: in emphasis nested
    /// 100,000 deep, a walk up from every text node would take quadratic time).
    mutating func add(_ node: OpaquePointer, in block: OpaquePointer?, literal: Range<Int>, typeset: Bool) {
        items.append(Leaf(node: node, block: block, literal: literal, typeset: typeset))
    }

    mutating func addBoundary() { items.append(Leaf(node: nil, block: nil, literal: 0..<0, typeset: false)) }

    /// The last scalar of the leaf before and the first of the leaf after, in the same block; `text` is the plain text.
    func neighbours(of index: Int, in text: UnsafeBufferPointer<UInt8>) -> TextNeighbours {
        let block = items[index].block
        func sameBlock(_ other: Int) -> Range<Int>? {
            guard other >= 0, other < items.count, let block, items[other].block == block else { return nil }
            return items[other].literal
        }
        return TextNeighbours(before: sameBlock(index - 1).flatMap { UTF8Scalars.last(of: UnsafeBufferPointer(rebasing: text[$0])) },
                              after: sameBlock(index + 1).flatMap { UTF8Scalars.first(of: UnsafeBufferPointer(rebasing: text[$0])) })
    }
}

private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
}

/// A text node holding `text`.
private func textNode(_ text: String) -> OpaquePointer? {
    guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
    cmark_node_set_literal(node, text)
    return node
}

/// A custom block or inline that writes `enter` and `exit` around its children.
private func customNode(block: Bool, enter: String, exit: String) -> OpaquePointer? {
    guard let node = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE) else { return nil }
    cmark_node_set_on_enter(node, enter)
    cmark_node_set_on_exit(node, exit)
    return node
}

private func children(of node: OpaquePointer) -> [OpaquePointer] {
    var found: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let current = child {
        found.append(current)
        child = cmark_node_next(current)
    }
    return found
}

private func moveChildren(of node: OpaquePointer, to target: OpaquePointer) {
    while let child = cmark_node_first_child(node) {
        cmark_node_unlink(child)
        cmark_node_append_child(target, child)
    }
}

/// The text a reader sees in a node: its text, code and (as spaces) break descendants.
private func plainText(of node: OpaquePointer) -> String {
    // Most links and headings hold one text node: no iterator.
    if let only = cmark_node_first_child(node), cmark_node_next(only) == nil,
       cmark_node_get_type(only) == CMARK_NODE_TEXT || cmark_node_get_type(only) == CMARK_NODE_CODE {
        return string(cmark_node_get_literal(only))
    }
    var text = ""
    guard let iterator = cmark_iter_new(node) else { return text }
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
        guard let current = cmark_iter_get_node(iterator), current != node else { continue }
        switch cmark_node_get_type(current) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            text += string(cmark_node_get_literal(current))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text += " "
        default:
            break
        }
    }
    return text
}

/// A node's literal, appended as UTF-8 (cmark keeps it NUL-terminated).
private func appendLiteral(of node: OpaquePointer, to text: inout [UInt8]) {
    guard let literal = cmark_node_get_literal(node) else { return }
    literal.withMemoryRebound(to: UInt8.self, capacity: 1) { text.append(contentsOf: UnsafeBufferPointer(start: $0, count: strlen(literal))) }
}

/// The text of a link written as its URL (`<https://…>`, a bare `https://…` or `www.…`, an e-mail address).
private func isAutolinkText(_ node: OpaquePointer, literal: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_LINK else { return false }
    let url = string(cmark_node_get_url(parent))
    let text = String(decoding: literal, as: UTF8.self)
    return url == text || url == "mailto:" + text || url == "http://" + text
}

private func isMoreMarker(_ literal: String) -> Bool {
    // On bytes for ASCII text (every HTML block comes here); other text the way Character sees whitespace.
    guard literal.utf8.allSatisfy({ $0 < 0x80 }) else {
        return literal.lowercased().filter { !$0.isWhitespace } == "<!--more-->"
    }
    let marker = Array("<!--more-->".utf8)
    var matched = 0
    for byte in literal.utf8 {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
        default:
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            guard matched < marker.count, lower == marker[matched] else { return false }
            matched += 1
        }
    }
    return matched == marker.count
}

/// Moves a heading's inline children into a custom inline that prints `<hN id="…">…</hN>`, inside a
/// custom block that takes the heading's place: the HTML renderer then writes the heading with its id
/// while cmark still escapes every piece of text. Returns the custom inline, whose opening tag can change.
private func giveID(_ id: String, toHeading heading: OpaquePointer) -> OpaquePointer? {
    let level = cmark_node_get_heading_level(heading)
    guard let block = customNode(block: true, enter: "", exit: ""),
          let inline = customNode(block: false, enter: "<h\(level) id=\"\(id)\">", exit: "</h\(level)>") else { return nil }
    moveChildren(of: heading, to: inline)
    cmark_node_append_child(block, inline)
    cmark_node_replace(heading, block)
    cmark_node_free(heading)
    return inline
}
