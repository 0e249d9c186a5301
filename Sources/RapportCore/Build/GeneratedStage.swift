import Foundation

/// Stage "generated pages": the pages that are not content files — language homes, glossaries and search
/// indexes, 404 pages, the root, the sitemap, robots.txt, the data files, and per edition and language the goal pages, the
/// key-data comparison and the print page.
///
/// With a memo, what is provably unchanged is taken from the last build instead of being rendered again. Most of
/// these files read only what every content page's rendering reads besides its own file (the site graph, strings,
/// theme, data sets, config: the digest `BuildMemo.renderInputs`): they are kept while that digest is unchanged.
/// A language's search index and an edition's print page also read the renderings of that language's (edition's)
/// pages: they are kept while the digest is unchanged and none of those pages was rendered again (a page's
/// rendering is reused only when its inputs are unchanged, so its section and search entry are the same bytes).
enum GeneratedStage {
    /// Independent groups of files, rendered on every core and joined in this order.
    enum Group: Hashable, Sendable { case language(String), site, edition(String, language: String) }

    /// With a sink, each file is written as soon as its group is rendered, and not returned.
    /// - Parameters:
    ///   - memo, siteInputs: where the files that read no page's rendering were kept, and the digest they were
    ///     made from (nil: render everything).
    ///   - renderedAgain: the pages whose rendering was made again in this build (nil: all of them).
    static func run(_ renderer: SiteRenderer, to sink: StagedOutput? = nil, pages: PageOutputs,
                    memo: BuildMemo? = nil, siteInputs: [UInt8]? = nil, renderedAgain: Set<Site.PageID>? = nil,
                    log: inout BuildLog) -> [RenderedFile] {
        let site = renderer.site
        let config = site.config
        let groups = config.languageCodes.map(Group.language) + [.site] + site.editions.flatMap { edition in
            config.languageCodes.filter { site.editionHomes[edition]?[$0] != nil }.map { Group.edition(edition, language: $0) }
        }
        let kept = siteInputs.flatMap { memo?.generatedFiles(for: $0) } ?? [:]
        // The groups whose gathered pages were all reused: their search index or print page is the same too.
        let unchangedGroups: Set<Group> = renderedAgain.map { again in
            Set(groups).subtracting(again.map { site.pages[$0] }.flatMap { page -> [Group] in
                [.language(page.language)] + (page.edition.map { [.edition($0, language: page.language)] } ?? [])
            })
        } ?? []
        let slots = ResultSlots<(files: [RenderedFile], kept: GeneratedFiles, diagnostics: [Diagnostic])>(count: groups.count)
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            let group = groups[index]
            let sitewide = kept[group]?.sitewide ?? sitewideFiles(of: group, renderer)
            var gathered: [RenderedFile]
            if unchangedGroups.contains(group), let known = kept[group]?.gathered {
                gathered = known
            } else {
                gathered = []
                switch group {
                case .language(let language): gathered.append(renderer.renderSearchIndex(language: language, entry: pages.searchEntry))
                case .site: break
                case .edition(let edition, let language):
                    if let print = renderer.renderPrint(edition: edition, language: language, section: pages.printSection) {
                        gathered.append(print)
                    }
                }
            }
            let files = sitewide + gathered
            guard let sink else { slots[index] = (files, GeneratedFiles(sitewide: sitewide, gathered: gathered), []); return }
            slots[index] = ([], GeneratedFiles(sitewide: [], gathered: []), files.compactMap { sink.tryWrite($0) })
        }
        if let siteInputs, let memo {
            memo.rememberGeneratedFiles(Dictionary(uniqueKeysWithValues: zip(groups, slots.values.map(\.kept))), for: siteInputs)
        }
        log.add(slots.values.flatMap(\.diagnostics))
        return slots.values.flatMap(\.files)
    }

    /// A group's files as the memo keeps them: those that read no page's rendering, and those that gather them.
    struct GeneratedFiles: Sendable {
        var sitewide: [RenderedFile]
        var gathered: [RenderedFile]
    }

    /// The files of `group` that read no page's rendering, only the renderer's site-wide state.
    static func sitewideFiles(of group: Group, _ renderer: SiteRenderer) -> [RenderedFile] {
        switch group {
        case .language(let language):
            return [renderer.renderLanguageHome(language), renderer.renderNotFound(language, atRoot: false)]
                + [renderer.renderGlossary(language: language)].compactMap { $0 }
        case .site:
            return [renderer.renderNotFound(renderer.site.config.defaultLanguage, atRoot: true), renderer.renderRoot(),
                    renderer.renderSitemap(), renderer.renderRobots()] + renderer.renderDataFiles()
        case .edition(let edition, let language):
            return renderer.renderGoalPages(edition: edition, language: language) + [renderer.renderComparison(edition: edition, language: language)]
        }
    }
}
