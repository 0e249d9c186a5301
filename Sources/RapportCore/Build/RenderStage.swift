import Foundation
import RapportTemplates

/// Stage "render": every content page of the graph, on every core, then the check of `#anchor` links across
/// pages (it needs every page's headings).
enum RenderStage {
    /// Renders every page. With a sink, each page is written as soon as it is rendered and its HTML is not kept
    /// (a large site never sits in memory whole); with a spool too, its print section and search entry wait there
    /// instead of in memory, and `SpooledResults` gives them back. `reused`: a page's result from an earlier build
    /// whose rendering inputs are provably the same (`BuildMemo.renderInputs`), not rendered again.
    static func run(_ renderer: SiteRenderer, to sink: StagedOutput?, spool: Spool? = nil, reused: [SiteRenderer.PageResult?] = [],
                    progress: (@Sendable (Int, Int) -> Void)? = nil, log: inout BuildLog) -> SpooledResults {
        let count = renderer.site.pages.count
        let results = ResultSlots<SiteRenderer.PageResult>(count: count)
        let spooled = ResultSlots<SpooledResults.Ranges>(count: count)
        let done = SharedCount()
        // The order matters only to the folders a sink makes; in memory, pages are taken as they come.
        let order = sink == nil ? Array(0..<count) : renderingOrder(renderer.site.urls.prefix(count))
        DispatchQueue.concurrentPerform(iterations: count) { turn in
            let id = order[turn]
            defer {
                // Every 64 pages, and the last one: often enough for a progress line, too rarely to cost anything.
                if let progress, case let finished = done.increment(), finished % 64 == 0 || finished == count { progress(finished, count) }
            }
            if id < reused.count, let known = reused[id] {
                results[id] = known
                return
            }
            var result = renderer.renderPage(id)
            if let sink {
                if let problem = sink.tryWrite(result.file, reportedAt: renderer.site.pages[id].file) {
                    result.diagnostics.append(problem)
                }
                result.file = RenderedFile(path: result.file.path, contents: .bytes([]))
            }
            if let spool { spooled[id] = SpooledResults.setAside(&result, in: spool) }
            results[id] = result
        }
        let rendered = SpooledResults(results: results.values, ranges: spooled.optionalValues, spool: spool)
        for result in rendered.results { log.add(result.diagnostics) }
        let site = renderer.site
        log.add(anchorDiagnostics(headingIDs: { site.pageByFile[$0].map { rendered.results[$0].headingIDs } ?? [] },
                                  links: rendered.results.lazy.flatMap(\.anchorLinks)))
        return rendered
    }

    /// `#anchor` links whose target page has no heading with that id, with the nearest id suggested.
    static func anchorDiagnostics(headingIDs: (String) -> Set<String>, links: some Sequence<SiteRenderer.AnchorLink>) -> [Diagnostic] {
        links.compactMap { link in
            let ids = headingIDs(link.target)
            guard !ids.contains(link.anchor) else { return nil }
            let suggestion = Suggestions.closest(to: link.anchor, among: ids.sorted())
            return Diagnostic(.error, .missingAnchor(link.anchor, inFile: link.target, suggestion: suggestion), at: link.location, stage: .markdown)
        }
    }

    /// The order the threads take pages in: one page of each output folder in turn (`fr/2024/countries/`,
    /// `en/2024/countries/`, … then the second of each), so that pages rendered at the same moment make their
    /// folders in different parents. A filesystem makes the folders of one parent one at a time; on ext4
    /// without a journal, right after a deletion, making one can take a long scan. The results keep page order.
    static func renderingOrder(_ urls: some Collection<String>) -> [Site.PageID] {
        var groups: [[Site.PageID]] = []
        var groupOfParent: [Substring: Int] = [:]
        for (id, url) in urls.enumerated() {
            let folder = url.hasSuffix("/") ? url.dropLast() : Substring(url)
            let parent = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
            if let group = groupOfParent[parent] {
                groups[group].append(id)
            } else {
                groupOfParent[parent] = groups.count
                groups.append([id])
            }
        }
        var order: [Site.PageID] = []
        order.reserveCapacity(urls.count)
        for turn in 0..<(groups.map(\.count).max() ?? 0) {
            for group in groups where turn < group.count { order.append(group[turn]) }
        }
        return order
    }
}
