// The only file that talks to libcmark. Every C pointer stays in this file; callers get Swift values.
import CCmark
import Foundation

/// Turns a CommonMark body into HTML with libcmark, working on cmark's node tree.
///
/// One parse and one walk per document: the walk collects headings (and gives them stable ids),
/// links and images (and lets the caller rewrite their destinations), raw HTML, and the
/// `<!-- more -->` marker, then the tree is rendered in two parts around the marker.
public enum Markdown {
    /// Renders `source` (a page body) to HTML.
    ///
    /// - Parameters:
    ///   - source: the Markdown text, LF line endings.
    ///   - options: raw HTML and typography choices.
    ///   - reservedIDs: element ids the page template already uses; heading ids avoid them.
    ///   - printIDPrefix: when given, the body is also rendered whole (no fold) for a page that holds many
    ///     bodies: heading ids get this prefix, same-page `#anchors` too, and links their `printHref`.
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
        let bytes = Array(source.utf8)
        var positions = SourceColumns(bytes: bytes)
        // No CMARK_OPT_VALIDATE_UTF8: the source is a Swift string, valid UTF-8 already.
        guard let document = cmark_parse_document(source, bytes.count, CMARK_OPT_SOURCEPOS) else {
            return RenderedMarkdown()
        }
        defer { cmark_node_free(document) }

        var result = RenderedMarkdown()
        var ids = HeadingIDs(reserved: reservedIDs)
        var headingNodes: [(node: OpaquePointer, id: String)] = []
        var leaves = InlineLeaves()
        var linkNodes: [(node: OpaquePointer, href: String, printHref: String?)] = []
        var dataNodes: [(node: OpaquePointer, marker: MarkdownDataMarker)] = []
        var placedNodes: [(node: OpaquePointer, page: String, print: String)] = []

        // MARK: - One walk over the tree
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            var event = cmark_iter_next(iterator)
            while event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { break }
                let type = cmark_node_get_type(node)
                let entering = event == CMARK_EVENT_ENTER
                switch type {
                case CMARK_NODE_HEADING where entering:
                    let text = plainText(of: node)
                    let id = ids.makeID(for: text)
                    headingNodes.append((node, id))
                    result.headings.append(MarkdownHeading(
                        level: Int(cmark_node_get_heading_level(node)), text: text, id: id,
                        line: Int(cmark_node_get_start_line(node))))
                case CMARK_NODE_LINK where entering, CMARK_NODE_IMAGE where entering:
                    let line = Int(cmark_node_get_start_line(node))
                    let link = MarkdownLink(
                        kind: type == CMARK_NODE_IMAGE ? .image : .link,
                        destination: string(cmark_node_get_url(node)),
                        text: plainText(of: node),
                        line: line,
                        column: positions.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
                    result.links.append(link)
                    if let replacement = rewriteLink(link) {
                        cmark_node_set_url(node, replacement.href)
                        linkNodes.append((node, replacement.href, replacement.printHref))
                    } else if let printIDPrefix, link.destination.hasPrefix("#") {
                        linkNodes.append((node, link.destination, "#" + printIDPrefix + link.destination.dropFirst()))
                    }
                case CMARK_NODE_HTML_BLOCK where entering, CMARK_NODE_HTML_INLINE where entering:
                    let literal = string(cmark_node_get_literal(node))
                    let line = Int(cmark_node_get_start_line(node))
                    let isMarker = type == CMARK_NODE_HTML_BLOCK
                        && cmark_node_parent(node) == document
                        && isMoreMarker(literal)
                    let dataMarker = type == CMARK_NODE_HTML_BLOCK && cmark_node_parent(node) == document
                        ? MarkdownDataMarker(literal: literal, line: line) : nil
                    if isMarker {
                        if result.moreMarkerLine == nil { result.moreMarkerLine = line }
                    } else if let dataMarker {
                        dataNodes.append((node, dataMarker))
                    } else {
                        let position = MarkdownPosition(
                            line: line,
                            column: positions.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
                        result.rawHTML.append(position)
                        if options.allowRawHTML, URLSafety.mentionsScriptURL(literal) {
                            result.rawHTMLWithScriptURLs.append(position)
                        }
                    }
                    if type == CMARK_NODE_HTML_INLINE, options.typography != nil { leaves.addBoundary() }
                case CMARK_NODE_TEXT where entering, CMARK_NODE_CODE where entering:
                    // The literal's bytes go to the plain text, where the typography reads them too.
                    let start = result.plainTextBytes.count
                    appendLiteral(of: node, to: &result.plainTextBytes)
                    if options.typography != nil {
                        leaves.add(node, literal: start..<result.plainTextBytes.count, typeset: type == CMARK_NODE_TEXT)
                    }
                    result.plainTextBytes.append(0x20)
                case CMARK_NODE_SOFTBREAK where options.typography != nil, CMARK_NODE_LINEBREAK where options.typography != nil:
                    leaves.addBoundary()
                default:
                    break
                }
                event = cmark_iter_next(iterator)
            }
        }

        // MARK: - Changes to the tree (after the walk: the iterator must not see a changing tree)
        if let typography = options.typography {
            // Code spans and blocks are not TEXT nodes and URLs are attributes: only prose is touched,
            // and not the text of an autolink, which is its URL.
            // Each text node is typeset with the characters just outside it in its block (`d'*égalité*`, `« *mot* »`).
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
        // Data markers become custom blocks holding the table or chart (cmark writes a custom block as given, in
        // safe mode too); a marker the caller does not place is left out.
        for (node, marker) in dataNodes {
            if let placed = placeData(marker), let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
                cmark_node_set_on_enter(block, placed.page)
                cmark_node_set_on_exit(block, "")
                cmark_node_replace(node, block)
                placedNodes.append((block, placed.page, placed.print))
            } else {
                cmark_node_unlink(node)
            }
            cmark_node_free(node)
        }
        var headingOpeners: [(node: OpaquePointer, level: Int32, id: String)] = []
        for (heading, id) in headingNodes where options.headingIDs {
            let level = cmark_node_get_heading_level(heading)
            if let opener = giveID(id, toHeading: heading) { headingOpeners.append((opener, level, id)) }
        }

        // MARK: - Split at the first top-level marker: `document` keeps the introduction, `rest` the fold
        // Without CMARK_OPT_UNSAFE cmark writes `<!-- raw HTML omitted -->` for raw HTML and empties
        // `javascript:`, `vbscript:`, `file:` and most `data:` link targets.
        let renderOptions = options.allowRawHTML ? CMARK_OPT_UNSAFE : 0
        let rest = result.moreMarkerLine != nil ? cmark_node_new(CMARK_NODE_DOCUMENT) : nil
        defer { if let rest { cmark_node_free(rest) } }
        if let rest {
            var child = cmark_node_first_child(document)
            var seenMarker = false
            while let current = child {
                child = cmark_node_next(current)
                if !seenMarker {
                    if cmark_node_get_type(current) == CMARK_NODE_HTML_BLOCK,
                       isMoreMarker(string(cmark_node_get_literal(current))) {
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

        // MARK: - The whole body for a print page: prefixed ids, print links; then back to the page's own
        if let printIDPrefix {
            for (opener, level, id) in headingOpeners { cmark_node_set_on_enter(opener, "<h\(level) id=\"\(printIDPrefix)\(id)\">") }
            for (node, _, printHref) in linkNodes { if let printHref { cmark_node_set_url(node, printHref) } }
            for (block, _, print) in placedNodes { cmark_node_set_on_enter(block, print) }
            result.print = html(of: document, options: renderOptions) + (rest.map { html(of: $0, options: renderOptions) } ?? [])
            for (opener, level, id) in headingOpeners { cmark_node_set_on_enter(opener, "<h\(level) id=\"\(id)\">") }
            for (node, href, _) in linkNodes { cmark_node_set_url(node, href) }
            for (block, page, _) in placedNodes { cmark_node_set_on_enter(block, page) }
        }

        if let rest { result.rest = html(of: rest, options: renderOptions) }
        result.intro = html(of: document, options: renderOptions)
        return result
    }
}

// MARK: - Helpers on cmark nodes (private: no pointer leaves the file)

/// The text and code nodes of a body in document order, with the block each belongs to: emphasis, strong text,
/// links and code spans end a node, not a sentence, so typography looks across them. Breaks and raw HTML do end
/// the run of text.
private struct InlineLeaves {
    struct Leaf {
        let node: OpaquePointer?
        /// The paragraph or heading holding the node, `nil` for a boundary.
        let block: OpaquePointer?
        /// Where the node's text (as it was parsed) stands in the body's plain text.
        let literal: Range<Int>
        let typeset: Bool
    }

    private(set) var items: [Leaf] = []
    /// The block of each inline container met so far: in emphasis nested 100,000 deep, a walk up from every
    /// text node to its block would take quadratic time; each container is walked over once.
    private var blockOfInline: [OpaquePointer: OpaquePointer?] = [:]

    mutating func add(_ node: OpaquePointer, literal: Range<Int>, typeset: Bool) {
        items.append(Leaf(node: node, block: block(holding: node), literal: literal, typeset: typeset))
    }

    /// The nearest ancestor of `node` that is a block (a paragraph or heading).
    private mutating func block(holding node: OpaquePointer) -> OpaquePointer? {
        guard let parent = cmark_node_parent(node) else { return nil }
        // Most text stands right in its paragraph: no table to consult.
        guard Self.isInline(parent) else { return parent }
        if let known = blockOfInline[parent] { return known }
        var chain: [OpaquePointer] = []
        var current: OpaquePointer? = parent
        var found: OpaquePointer?
        while let inline = current, Self.isInline(inline) {
            if let known = blockOfInline[inline] { found = known; break }
            chain.append(inline)
            current = cmark_node_parent(inline)
            found = current
        }
        for inline in chain { blockOfInline[inline] = found }
        return found
    }

    private static func isInline(_ node: OpaquePointer) -> Bool {
        cmark_node_get_type(node).rawValue >= CMARK_NODE_TEXT.rawValue
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

/// cmark's HTML as it wrote it: UTF-8 (cmark validates the source it parses), copied, not decoded.
private func html(of node: OpaquePointer, options: Int32) -> [UInt8] {
    guard let rendered = cmark_render_html(node, options) else { return [] }
    defer { free(rendered) }
    return rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(rendered))) }
}

/// The text a reader sees in a node: its text, code and (as spaces) break descendants.
private func plainText(of node: OpaquePointer) -> String {
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

private func isAutolinkText(_ node: OpaquePointer, literal: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_LINK else { return false }
    let url = string(cmark_node_get_url(parent))
    let text = String(decoding: literal, as: UTF8.self)
    return url == text || url == "mailto:" + text
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
    guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
          let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return nil }
    cmark_node_set_on_enter(block, "")
    cmark_node_set_on_exit(block, "")
    cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\">")
    cmark_node_set_on_exit(inline, "</h\(level)>")
    while let child = cmark_node_first_child(heading) {
        cmark_node_unlink(child)
        cmark_node_append_child(inline, child)
    }
    cmark_node_append_child(block, inline)
    cmark_node_replace(heading, block)
    cmark_node_free(heading)
    return inline
}
