/// A node of an edition's table of contents: a page and the pages under it.
public struct ContentsNode: Sendable, Equatable {
    public let page: Site.PageID
    public let children: [ContentsNode]
}

/// How an edition reads, as the contract orders it: its home; then its top-level sections by `order` — chapters
/// (a folder with its `index.md`, or a page at the top of the edition) and the country section (`countries/index.md`,
/// `regions/index.md`, each region followed by its countries, then the countries of no region); sections without
/// `order` last, by folder or file name. Inside a chapter: its `index.md`, then its pages and sub-chapters by
/// `order`, then by name, depth first.
public struct ReadingOrder: Sendable {
    /// The table of contents under each edition home, by edition and language.
    public let contents: [String: [String: [ContentsNode]]]
    /// Every page of each edition and language in reading order, the home first.
    public let sequence: [String: [String: [Site.PageID]]]
    public let previous: [Site.PageID: Site.PageID]
    public let next: [Site.PageID: Site.PageID]
    /// The pages that enclose a page, from its edition's home down to its parent.
    public let trail: [Site.PageID: [Site.PageID]]
    /// The nodes under a page (a chapter's pages and sub-chapters, a region's countries).
    public let children: [Site.PageID: [ContentsNode]]

    /// The reading order of every edition of `pages`. `regions` and `countriesOfRegion` are sorted as lists show them.
    static func make(pages: [Page], editionHomes: [String: [String: Site.PageID]], regions: [String: [String: [Site.PageID]]],
                     countriesOfRegion: [Site.PageID: [Site.PageID]], countries: [String: [String: [Site.PageID]]],
                     regionOfCountry: [Site.PageID: Site.PageID]) -> ReadingOrder {
        var folders: [EditionScope: Folder] = [:]
        for (id, page) in pages.enumerated() {
            guard let edition = page.edition else { continue }
            let scope = EditionScope(edition: edition, language: page.language)
            // Every page of an edition opens its scope, so that an edition without chapters has its country section.
            // (Inserted in place: no copy of a folder per page.)
            switch page.kind {
            case .chapter(_, let path): folders[scope, default: Folder(name: "")].insert(id, at: path[...], isIndex: true)
            case .chapterPage(_, let path):
                folders[scope, default: Folder(name: "")].insert(id, at: path[...], isIndex: false, name: page.fileStem)
            default: if folders[scope] == nil { folders[scope] = Folder(name: "") }
            }
        }

        var contents: [String: [String: [ContentsNode]]] = [:]
        for (scope, root) in folders.sorted(by: { $0.key < $1.key }) {
            let (edition, language) = (scope.edition, scope.language)
            var sections = root.items(pages, excluding: ["countries", "regions"])
            let countrySection = countrySection(
                head: root.subfolders["countries"]?.index, regionsHead: root.subfolders["regions"]?.index,
                regions: regions[edition]?[language] ?? [], pages: pages, countriesOfRegion: countriesOfRegion,
                unassigned: (countries[edition]?[language] ?? []).filter { regionOfCountry[$0] == nil })
            if let countrySection { sections.append(countrySection) }
            contents[edition, default: [:]][language] = sections.sorted(by: Item.precedes).flatMap(\.nodes)
        }
        var sequence: [String: [String: [Site.PageID]]] = [:]
        var previous: [Site.PageID: Site.PageID] = [:], next: [Site.PageID: Site.PageID] = [:]
        var trail: [Site.PageID: [Site.PageID]] = [:], children: [Site.PageID: [ContentsNode]] = [:]
        for (edition, byLanguage) in contents {
            for (language, nodes) in byLanguage {
                let home = editionHomes[edition]?[language]
                var order: [Site.PageID] = home.map { [$0] } ?? []
                func walk(_ nodes: [ContentsNode], above: [Site.PageID]) {
                    for node in nodes {
                        order.append(node.page)
                        trail[node.page] = above
                        if !node.children.isEmpty { children[node.page] = node.children }
                        walk(node.children, above: above + [node.page])
                    }
                }
                walk(nodes, above: home.map { [$0] } ?? [])
                for (a, b) in zip(order, order.dropFirst()) {
                    next[a] = b
                    previous[b] = a
                }
                sequence[edition, default: [:]][language] = order
            }
        }
        return ReadingOrder(contents: contents, sequence: sequence, previous: previous, next: next, trail: trail, children: children)
    }

    /// The country section: its chapter page, the regions' chapter page, each region with its countries, then the
    /// countries of no region. Regions go by `order`, then file name; countries by title.
    private static func countrySection(head: Site.PageID?, regionsHead: Site.PageID?, regions: [Site.PageID], pages: [Page],
                                       countriesOfRegion: [Site.PageID: [Site.PageID]], unassigned: [Site.PageID]) -> Item? {
        let leaf = { (id: Site.PageID) in ContentsNode(page: id, children: []) }
        let sortedRegions = regions.sorted { a, b in
            Item.key(pages[a].order, pages[a].fileStem) < Item.key(pages[b].order, pages[b].fileStem)
        }
        let regionNodes = sortedRegions.map { ContentsNode(page: $0, children: (countriesOfRegion[$0] ?? []).map(leaf)) }
        let regionPart = regionsHead.map { [ContentsNode(page: $0, children: regionNodes)] } ?? regionNodes
        let inner = regionPart + unassigned.map(leaf)
        let nodes = head.map { [ContentsNode(page: $0, children: inner)] } ?? inner
        guard !nodes.isEmpty else { return nil }
        return Item(order: (head ?? regionsHead).flatMap { pages[$0].order }, name: "countries", isFolder: true, nodes: nodes)
    }

    /// A section or a page among its siblings, with what orders it.
    struct Item {
        let order: Int?
        let name: String
        /// A folder (or the country section) after a page of the same name, so that the order never depends on
        /// the order in which they were found.
        var isFolder = false
        let nodes: [ContentsNode]

        static func key(_ order: Int?, _ name: String, isFolder: Bool = false) -> (Int, Int, String, Int) {
            (order == nil ? 1 : 0, order ?? 0, name, isFolder ? 1 : 0)
        }

        static func precedes(_ a: Item, _ b: Item) -> Bool {
            key(a.order, a.name, isFolder: a.isFolder) < key(b.order, b.name, isFolder: b.isFolder)
        }
    }

    /// A chapter folder as the pages found in it give it: its `index.md`, its pages and its sub-folders.
    struct Folder {
        let name: String
        var index: Site.PageID?
        var pages: [(id: Site.PageID, name: String)] = []
        var subfolders: [String: Folder] = [:]

        init(name: String) { self.name = name }

        mutating func insert(_ id: Site.PageID, at path: ArraySlice<String>, isIndex: Bool, name pageName: String = "") {
            guard let first = path.first else {
                if isIndex { index = id } else { pages.append((id, pageName)) }
                return
            }
            subfolders[first, default: Folder(name: first)].insert(id, at: path.dropFirst(), isIndex: isIndex, name: pageName)
        }

        /// The folder's pages and sub-folders as items, each with its nodes: a sub-folder is its index with the
        /// folder's items under it (a folder without index, already an error, gives its items in its place).
        func items(_ all: [Page], excluding excluded: Set<String> = []) -> [Item] {
            var items = pages.map { Item(order: all[$0.id].order, name: $0.name, nodes: [ContentsNode(page: $0.id, children: [])]) }
            for (name, folder) in subfolders where !excluded.contains(name) {
                let inner = folder.items(all).sorted(by: Item.precedes).flatMap(\.nodes)
                let nodes = folder.index.map { [ContentsNode(page: $0, children: inner)] } ?? inner
                items.append(Item(order: folder.index.flatMap { all[$0].order }, name: name, isFolder: true, nodes: nodes))
            }
            return items
        }
    }
}
