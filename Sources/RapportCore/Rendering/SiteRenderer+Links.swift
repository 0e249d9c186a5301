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

    /// Where a body link leads, or `nil` to keep it as written; logs links to missing pages and assets.
    func resolve(_ link: MarkdownLink, on page: Page, id: Site.PageID,
                         log: inout DiagnosticLog, anchors: inout [AnchorLink]) -> ResolvedLink? {
        let location = SourceLocation(path: page.file, line: page.bodyFirstLine + link.line - 1, column: link.column)
        let destination = link.destination
        if link.kind == .image, link.text.allSatisfy(\.isWhitespace) {
            log.warning(.imageWithoutAlt(destination), at: location)
        }
        if URLSafety.isDangerous(destination) {
            log.error(.unsafeURL(destination), at: location)
            return .blocked
        }
        guard !destination.isEmpty, !LinkTarget.hasScheme(destination), !destination.hasPrefix("//") else { return nil }
        let (path, fragment) = LinkTarget.split(destination)
        if path.isEmpty {
            if let fragment { anchors.append(AnchorLink(target: page.file, anchor: fragment, location: location)) }
            return nil
        }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path
        if decoded.hasSuffix(".md") {
            let file = LinkTarget.resolve(decoded, from: page.file)
            guard let file, var target = site.pageByFile[file] else {
                if let file, site.draftFiles.contains(file) {
                    log.error(.linkToDraft(destination), at: location)
                } else if file.map({ !site.unloadedFiles.contains($0) }) ?? true {
                    log.error(.brokenLink(destination), at: location)
                }
                return nil
            }
            // A link to a page of another language leads to its translation in the page's language.
            if site.pages[target].language != page.language, let translated = site.translations[target][page.language] {
                target = translated
            }
            if let fragment { anchors.append(AnchorLink(target: site.pages[target].file, anchor: fragment, location: location)) }
            return .site(path: site.urls[target], fragment: fragment)
        }
        let assetPath: String?
        if decoded.hasPrefix("/assets/") {
            assetPath = String(decoded.dropFirst())
        } else if let file = LinkTarget.resolve(decoded, from: page.file), file.hasPrefix("content/assets/") {
            assetPath = String(file.dropFirst("content/".count))
        } else {
            assetPath = nil
        }
        guard let assetPath else { return nil }
        guard assetPaths.contains(assetPath) else {
            log.error(.missingAsset(destination), at: location)
            return nil
        }
        return .site(path: assetPath, fragment: fragment)
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
