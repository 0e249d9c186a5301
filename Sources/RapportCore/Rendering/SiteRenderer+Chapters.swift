import RapportTemplates

// MARK: - Chapters, tables of contents, and where each page of an edition is

extension SiteRenderer {
    func makeChapterView(_ id: Site.PageID, edition: String, body: BodyView, headings: [MarkdownHeading],
                         linker: Linker) -> ChapterView {
        let page = site.pages[id]
        return ChapterView(title: title(of: id), summary: page.summary, body: body, edition: edition,
                           toc: page.toc ? headingEntries(headings, language: page.language) : [],
                           contents: contentsEntries(site.reading.children[id] ?? [], linker: linker))
    }

    /// Entries for the pages of `nodes` and those under them, as deep as a template can nest them.
    func contentsEntries(_ nodes: [ContentsNode], linker: Linker, level: Int = 1) -> [ContentsEntryView] {
        nodes.map { node in
            ContentsEntryView(label: title(of: node.page), href: linker.href(site.urls[node.page]),
                              children: level < ContentsEntryView.levels ? contentsEntries(node.children, linker: linker, level: level + 1) : [])
        }
    }

    /// A page's `##` headings, each with the `###` headings under it (a `###` before any `##` stands alone).
    func headingEntries(_ headings: [MarkdownHeading], language: String) -> [ContentsEntryView] {
        var entries: [(heading: MarkdownHeading, children: [ContentsEntryView])] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry = ContentsEntryView(label: text(heading.text, language), href: "#" + heading.id, children: [])
            if heading.level == 3, let last = entries.last, last.heading.level == 2 {
                entries[entries.count - 1].children.append(entry)
            } else {
                entries.append((heading, []))
            }
        }
        return entries.map { ContentsEntryView(label: text($0.heading.text, language), href: "#" + $0.heading.id, children: $0.children) }
    }

    /// The breadcrumb trail and neighbours of a page of an edition, set on its chrome.
    func place(_ id: Site.PageID, in chrome: inout ChromeView, linker: Linker) {
        let page = site.pages[id]
        guard page.edition != nil else { return }
        let link = { (other: Site.PageID) in LinkView(label: self.title(of: other), href: linker.href(self.site.urls[other])) }
        if !page.kind.isEditionHome {
            chrome.breadcrumbs = (site.reading.trail[id] ?? []).map(link)
                + [LinkView(label: title(of: id), href: linker.href(site.urls[id]), current: true)]
        }
        let previous = site.reading.previous[id].map(link), next = site.reading.next[id].map(link)
        if previous != nil || next != nil { chrome.neighbours = NeighboursView(previous: previous, next: next) }
    }

    /// The prefix of a page's ids on the print page: its kind and place (`c-niger-`, `s-partenaires_fnuap-`).
    func printPrefix(of id: Site.PageID) -> String {
        let page = site.pages[id]
        switch page.kind {
        case .country: return "c-\(page.slug)-"
        case .region: return "r-\(page.slug)-"
        case .editionHome: return "e-"
        case .standalone: return "p-\(page.slug)-"
        case .chapter, .chapterPage:
            guard case .editionPage(_, _, let segments) = site.routes[id] else { return "s-\(page.slug)-" }
            // Slugs hold no underscore: the joined segments name one page.
            return "s-" + segments.joined(separator: "_") + "-"
        }
    }
}
