import Foundation
import RapportTemplates

// MARK: - Links in bodies

extension SiteRenderer {
    /// Where a body link leads once resolved.
    enum ResolvedLink {
        /// A link that must not be followed (`javascript:` …): rendered with an empty target.
        case blocked
        /// A path of the built site (relative to its root), and a fragment.
        case site(path: String, fragment: String?)
    }

    /// What the link checks of one page gather: `#anchor` links for the check across pages, and the suggestions
    /// already looked for (a page of 40,000 links to one missing file looks once).
    struct LinkNotes {
        var anchors: [AnchorLink] = []
        /// The first image of the body that is an asset of the site (its path in the site, and its alternative
        /// text): the page's `og:image`.
        var firstImage: (path: String, alt: String)?
        var suggestions: [SuggestionKey: String?] = [:]
    }

    /// A missing path, and the form its suggestion is written in (nil: a page file).
    struct SuggestionKey: Hashable {
        var path: String
        var form: URLForm?
    }

    /// One page's link rewrites by destination. A page names the same files again and again (a sibling country in
    /// every section); a link resolved without a diagnostic, an anchor to check or an image to note leads to the
    /// same place each time, so it is resolved once. Anything else is resolved at each of its places.
    struct LinkRewrites {
        /// By destination: the destination as written (a key matches its canonical equivalents too, `é` and
        /// `e` + U+0301, whose rewrites differ in bytes) and its rewrite.
        private var known: [String: (destination: String, rewrite: MarkdownLinkRewrite?)] = [:]

        /// The rewrite of a link to a destination resolved before, written with the same bytes, if it was kept.
        func rewrite(of link: MarkdownLink) -> MarkdownLinkRewrite?? {
            guard link.kind == .link, let kept = known[link.destination], kept.destination.utf8.elementsEqual(link.destination.utf8)
            else { return nil }
            return .some(kept.rewrite)
        }

        /// Keeps a link's rewrite for its destination when resolving it was `quiet`: no diagnostic, no anchor noted.
        mutating func keep(_ rewrite: MarkdownLinkRewrite?, of link: MarkdownLink, quiet: Bool) {
            if quiet, link.kind == .link { known[link.destination] = (link.destination, rewrite) }
        }
    }

    /// Where a body link leads, or `nil` to keep it as written; logs links to missing pages and assets.
    func resolve(_ link: MarkdownLink, on page: Page, id: Site.PageID,
                 log: inout DiagnosticLog, notes: inout LinkNotes) -> ResolvedLink? {
        let location = SourceLocation(path: page.file, line: page.bodyFirstLine + link.line - 1, column: link.column)
        let destination = link.destination
        if link.kind == .image, link.text.allSatisfy(\.isWhitespace) {
            log.warning(.imageWithoutAlt(destination), at: location)
        }
        if URLSafety.isDangerous(destination) {
            log.error(.unsafeURL(destination), at: location)
            return .blocked
        }
        // `//host/path` leads to another site, like `https://…`; the site's own absolute URLs are checked.
        guard !destination.isEmpty, !destination.hasPrefix("//") else { return nil }
        if LinkTarget.hasScheme(destination) {
            guard let own = site.config.sitePath(ofAbsoluteURL: destination) else { return nil }
            resolveURL(own, written: destination, from: .absolute, on: page, id: id, at: location, log: &log, notes: &notes)
            return nil
        }
        let (path, fragment) = LinkTarget.split(destination)
        if path.isEmpty {
            if let fragment { notes.anchors.append(AnchorLink(target: page.file, anchor: fragment, location: location)) }
            return nil
        }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path
        if decoded.hasSuffix(".md") {
            return resolveFile(decoded, written: destination, fragment: fragment, on: page, at: location, log: &log, notes: &notes)
        }
        let assetPath: String?
        if decoded.hasPrefix("/assets/") {
            assetPath = String(decoded.dropFirst())
        } else if let file = LinkTarget.resolve(decoded, from: page.file), file.hasPrefix("content/assets/") {
            assetPath = String(file.dropFirst("content/".count))
        } else {
            assetPath = nil
        }
        if let assetPath {
            guard assetPaths.contains(assetPath) else {
                log.error(.missingAsset(destination), at: location)
                return nil
            }
            if link.kind == .image, notes.firstImage == nil { notes.firstImage = (assetPath, link.text) }
            return .site(path: assetPath, fragment: fragment)
        }
        let basePath = site.config.basePath
        let from: URLForm = !path.hasPrefix("/") ? .relative : .fromRoot(prefix: decoded.hasPrefix(basePath) ? basePath : "/")
        return resolveURL(destination, written: destination, from: from, on: page, id: id, at: location, log: &log, notes: &notes)
    }

    // MARK: - Links to .md files

    private func resolveFile(_ decoded: String, written destination: String, fragment: String?, on page: Page,
                             at location: SourceLocation, log: inout DiagnosticLog, notes: inout LinkNotes) -> ResolvedLink? {
        let file = LinkTarget.resolve(decoded, from: page.file)
        guard let file, var target = site.pageByFile[file] else {
            if let file, site.draftFiles.contains(file) {
                log.error(.linkToDraft(destination), at: location)
            } else if file.map({ !site.unloadedFiles.contains($0) }) ?? true {
                log.error(.brokenLink(destination, suggestion: suggestFile(for: file, on: page, notes: &notes)), at: location)
            }
            return nil
        }
        // A link to a page of another language leads to its translation in the page's language.
        if site.pages[target].language != page.language, let translated = site.translations[target][page.language] {
            target = translated
        }
        if let fragment { notes.anchors.append(AnchorLink(target: site.pages[target].file, anchor: fragment, location: location)) }
        return .site(path: site.urls[target], fragment: fragment)
    }

    /// The page file nearest to a missing one, as a link from `page` (`niger.md`, `../regions/sahel.md`).
    private func suggestFile(for file: String?, on page: Page, notes: inout LinkNotes) -> String? {
        guard let file else { return nil }
        let key = SuggestionKey(path: file, form: nil)
        if let known = notes.suggestions[key] { return known }
        let suggestion = pageFiles.nearest(to: file).map { Linker.reference(from: Self.folder(of: page.file), to: $0) }
        notes.suggestions[key] = suggestion
        return suggestion
    }

    static func folder(of file: String) -> String {
        file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
    }

    // MARK: - Links written as URLs of the site

    /// How a link names a URL of the site.
    enum URLForm: Hashable {
        /// `https://example.org/rapport/fr/…`: the site's base URL and a path. Kept as written.
        case absolute
        /// `/fr/2022/…/`: from the site's root, after `prefix` (the base path when the link starts with it, else
        /// `/`). Kept as written, with a warning.
        case fromRoot(prefix: String)
        /// `../mongolie/`, `oda/`: from the page's folder. Written again from the page (print pages hold bodies too).
        case relative
    }

    /// Checks a link to a URL of the site (`target`: what follows the base URL for `.absolute`, else the
    /// destination): an error when it is no page or file of the site, a warning from the root.
    @discardableResult
    private func resolveURL(_ target: String, written destination: String, from form: URLForm, on page: Page, id: Site.PageID,
                            at location: SourceLocation, log: inout DiagnosticLog, notes: inout LinkNotes) -> ResolvedLink? {
        let (beforeFragment, fragment) = LinkTarget.split(target)
        let (rawPath, query) = LinkTarget.splitQuery(beforeFragment)
        let decoded = rawPath.utf8.contains(UInt8(ascii: "%")) ? rawPath.removingPercentEncoding : rawPath
        let resolved: String?
        switch form {
        case .absolute:
            resolved = decoded.flatMap { LinkTarget.resolveURL($0, from: "", stopsAtRoot: true) }
        case .fromRoot(let prefix):
            resolved = decoded.flatMap { LinkTarget.resolveURL(String($0.dropFirst(prefix.count)), from: "", stopsAtRoot: true) }
        case .relative:
            resolved = decoded.flatMap { LinkTarget.resolveURL($0, from: site.urls[id], stopsAtRoot: false) }
        }
        guard let resolved, let (path, target) = addresses.target(of: resolved) else {
            log.error(.brokenSiteURL(destination, suggestion: resolved.flatMap { suggestURL(for: $0, as: form, on: id, notes: &notes) }),
                      at: location)
            return nil
        }
        if case .page(let targetID) = target, let fragment {
            notes.anchors.append(AnchorLink(target: site.pages[targetID].file, anchor: fragment, location: location))
        }
        switch form {
        case .absolute:
            return nil
        case .fromRoot:
            let suffix = fragment.map { "#" + $0 } ?? ""
            // The `.md` link gives the same page unless it is of another language with a translation in this
            // page's (a `.md` link leads to the translation): then the URL from this page.
            if case .page(let targetID) = target,
               site.pages[targetID].language == page.language || site.translations[targetID][page.language] == nil {
                let file = Linker.reference(from: Self.folder(of: page.file), to: site.pages[targetID].file)
                log.warning(.linkFromSiteRoot(destination, fix: file + suffix, fixIsFile: true), at: location)
            } else {
                let href = Linker(mode: .relative(from: site.urls[id])).href(path)
                log.warning(.linkFromSiteRoot(destination, fix: href + query + suffix, fixIsFile: false), at: location)
            }
            return nil
        case .relative:
            return .site(path: path + query, fragment: fragment)
        }
    }

    /// The site path nearest to a missing one, written as the link was (from the root, or from the page).
    private func suggestURL(for path: String, as form: URLForm, on id: Site.PageID, notes: inout LinkNotes) -> String? {
        let key = SuggestionKey(path: path, form: form)
        if let known = notes.suggestions[key] { return known }
        let suggestion = addresses.nearest.nearest(to: path).map { nearest -> String in
            switch form {
            case .absolute: site.config.absoluteURL(nearest)
            case .fromRoot(let prefix): prefix + nearest
            case .relative: Linker(mode: .relative(from: site.urls[id])).href(nearest)
            }
        }
        notes.suggestions[key] = suggestion
        return suggestion
    }

    func reportMarkdownProblems(_ markdown: RenderedMarkdown, on page: Page, log: inout DiagnosticLog) {
        func location(_ position: MarkdownPosition) -> SourceLocation {
            SourceLocation(path: page.file, line: page.bodyFirstLine + position.line - 1, column: position.column)
        }
        for position in markdown.rawHTMLWithScriptURLs { log.error(.scriptURLInRawHTML, at: location(position)) }
        for problem in markdown.footnoteProblems {
            switch problem.kind {
            case .noNote: log.error(.footnoteWithoutNote(problem.label), at: location(problem.position))
            case .unusedNote: log.warning(.footnoteNeverCalled(problem.label), at: location(problem.position))
            case .repeatedNote: log.warning(.footnoteDefinedTwice(problem.label), at: location(problem.position))
            }
        }
        guard !site.config.allowRawHTML else { return }
        for position in markdown.rawHTML { log.warning(.rawHTMLIgnored, at: location(position)) }
    }
}
