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
    ///   - rewriteLink: called for every link and image, in document order, before rendering;
    ///     returns the destination to render instead, or `nil` to keep it.
    /// - Returns: the rendered parts and what the walk found.
    public static func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        reservedIDs: Set<String> = [],
        rewriteLink: (MarkdownLink) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        let bytes = Array(source.utf8)
        let positions = SourceColumns(bytes: bytes)
        guard let document = cmark_parse_document(source, bytes.count, CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8) else {
            return RenderedMarkdown(introHTML: "", restHTML: "", hasMoreMarker: false)
        }
        defer { cmark_node_free(document) }

        var result = RenderedMarkdown(introHTML: "", restHTML: "", hasMoreMarker: false)
        var ids = HeadingIDs(reserved: reservedIDs)
        var headingNodes: [(node: OpaquePointer, id: String)] = []
        var textNodes: [OpaquePointer] = []

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
                        cmark_node_set_url(node, replacement)
                    }
                case CMARK_NODE_HTML_BLOCK where entering, CMARK_NODE_HTML_INLINE where entering:
                    let literal = string(cmark_node_get_literal(node))
                    let line = Int(cmark_node_get_start_line(node))
                    let isMarker = type == CMARK_NODE_HTML_BLOCK
                        && cmark_node_parent(node) == document
                        && isMoreMarker(literal)
                    if isMarker {
                        if result.moreMarkerLine == nil { result.moreMarkerLine = line }
                    } else {
                        let position = MarkdownPosition(
                            line: line,
                            column: positions.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
                        result.rawHTML.append(position)
                        if options.allowRawHTML, URLSafety.mentionsScriptURL(literal) {
                            result.rawHTMLWithScriptURLs.append(position)
                        }
                    }
                case CMARK_NODE_TEXT where entering:
                    if options.typography != nil { textNodes.append(node) }
                default:
                    break
                }
                event = cmark_iter_next(iterator)
            }
        }

        // MARK: - Changes to the tree (after the walk: the iterator must not see a changing tree)
        if let typography = options.typography {
            // Code spans and blocks are not TEXT nodes and URLs are attributes: only prose is touched.
            for node in textNodes {
                let literal = string(cmark_node_get_literal(node))
                let typeset = typography(literal)
                if typeset != literal { cmark_node_set_literal(node, typeset) }
            }
        }
        for (heading, id) in headingNodes {
            giveID(id, toHeading: heading)
        }

        // MARK: - Rendering, split at the first top-level marker
        // Without CMARK_OPT_UNSAFE cmark writes `<!-- raw HTML omitted -->` for raw HTML and empties
        // `javascript:`, `vbscript:`, `file:` and most `data:` link targets.
        let renderOptions = options.allowRawHTML ? CMARK_OPT_UNSAFE : 0
        if result.moreMarkerLine != nil, let rest = cmark_node_new(CMARK_NODE_DOCUMENT) {
            defer { cmark_node_free(rest) }
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
            result.restHTML = html(of: rest, options: renderOptions)
        }
        result.introHTML = html(of: document, options: renderOptions)
        return result
    }

    /// The HTML of a bare Markdown fragment (no marker handling, no ids): for conformance checks.
    public static func renderFragment(_ source: String, allowRawHTML: Bool) -> String {
        let parseOptions = CMARK_OPT_VALIDATE_UTF8
        guard let document = cmark_parse_document(source, source.utf8.count, parseOptions) else { return "" }
        defer { cmark_node_free(document) }
        return html(of: document, options: allowRawHTML ? CMARK_OPT_UNSAFE : 0)
    }
}

// MARK: - Helpers on cmark nodes (private: no pointer leaves the file)

private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
}

private func html(of node: OpaquePointer, options: Int32) -> String {
    guard let rendered = cmark_render_html(node, options) else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
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

private func isMoreMarker(_ literal: String) -> Bool {
    let compact = literal.lowercased().filter { !$0.isWhitespace }
    return compact == "<!--more-->"
}

/// Moves a heading's inline children into a custom inline that prints `<hN id="…">…</hN>`, inside a
/// custom block that takes the heading's place: the HTML renderer then writes the heading with its id
/// while cmark still escapes every piece of text.
private func giveID(_ id: String, toHeading heading: OpaquePointer) {
    let level = cmark_node_get_heading_level(heading)
    guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
          let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
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
}
