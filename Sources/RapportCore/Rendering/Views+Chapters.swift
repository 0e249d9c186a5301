import RapportTemplates

// The views of chapters and of the tables of contents (docs/reference/templates.md).

/// A chapter page (`<folder>/index.md`) or a page of a chapter.
public struct ChapterView: Sendable {
    public let title: String
    public let summary: String?
    public let body: BodyView
    public let edition: String
    /// `toc: true`: the page's own `##` and `###` headings, each leading to its id; empty otherwise.
    public let toc: [ContentsEntryView]
    /// A chapter page's pages and sub-chapters (on `countries/index.md`: the regions and their countries).
    public let contents: [ContentsEntryView]
}

/// An entry of a table of contents: a page (or a heading) and the entries under it.
public struct ContentsEntryView: Sendable {
    public let label: String
    public let href: String
    public let children: [ContentsEntryView]
}

extension NeighboursView: FieldTableView {
    public static let fields: TemplateFields<NeighboursView> = TemplateFields("neighbours", [
        ("previous", .view(LinkView.templateSchema), { .view($0.previous) }),
        ("next", .view(LinkView.templateSchema), { .view($0.next) }),
    ])
}

extension ChapterView: FieldTableView {
    public static let fields: TemplateFields<ChapterView> = TemplateFields("chapter", [
        ("title", .text, { .text($0.title) }),
        ("summary", .text, { .text($0.summary) }),
        ("body", .view(BodyView.templateSchema), { .view($0.body) }),
        ("edition", .text, { .text($0.edition) }),
        ("toc", .list(.view(ContentsEntryView.templateSchema)), { .views($0.toc) }),
        ("contents", .list(.view(ContentsEntryView.templateSchema)), { .views($0.contents) }),
    ])
}

extension ContentsEntryView: TemplateView {
    /// How deep a template may nest `children`: an edition's contents are at most four levels (a chapter, its
    /// sub-chapter, its sub-sub-chapter, a page of that; or the country section, the regions' page, a region, a
    /// country). The schema of each level names the next one; the last level has no `children`.
    public static let levels = 4

    static let schemas: [TemplateSchema] = {
        var schemas: [TemplateSchema] = []
        for level in stride(from: levels, through: 1, by: -1) {
            var fields = [TemplateField("label", .text), TemplateField("href", .text)]
            if let deeper = schemas.last { fields.append(TemplateField("children", .list(.view(deeper)))) }
            schemas.append(TemplateSchema(level == levels ? "contents-entry (level \(levels), the deepest)" : "contents-entry", fields))
        }
        return schemas.reversed()
    }()

    public static var templateSchema: TemplateSchema { schemas[0] }

    public func templateValue(at index: Int) -> TemplateValue {
        switch index {
        case 0: .text(label)
        case 1: .text(href)
        default: .views(children)
        }
    }
}
