import RapportTemplates

// What each view shows the templates: its fields by name, with their kinds, in one table per view. The compiled
// templates find a field by its index in that table (`TemplateView`); names are checked against it when the
// theme loads. The names are the documented template variables (docs/reference/templates.md).

/// A view's fields as the templates see them: the schema (names and kinds) and, in the same order, how to read each.
public struct TemplateFields<View>: Sendable {
    let schema: TemplateSchema
    let read: [@Sendable (View) -> TemplateValue]

    init(_ name: String, _ fields: [(String, TemplateKind, @Sendable (View) -> TemplateValue)]) {
        schema = TemplateSchema(name, fields.map { TemplateField($0.0, $0.1) })
        read = fields.map(\.2)
    }
}

/// A view described by one table of fields: its schema and its values both come from `fields`.
public protocol FieldTableView: TemplateView {
    static var fields: TemplateFields<Self> { get }
}

extension FieldTableView {
    public static var templateSchema: TemplateSchema { fields.schema }
    public func templateValue(at index: Int) -> TemplateValue { Self.fields.read[index](self) }
}

extension ChromeView: FieldTableView {
    public static let fields: TemplateFields<ChromeView> = TemplateFields("chrome", [
        ("lang", .text, { .text($0.lang) }),
        ("siteTitle", .text, { .text($0.siteTitle) }),
        ("documentTitle", .text, { .text($0.documentTitle) }),
        ("description", .text, { .text($0.description) }),
        ("canonical", .text, { .text($0.canonical) }),
        ("alternates", .list(.view(AlternateView.templateSchema)), { .views($0.alternates) }),
        ("root", .text, { .text($0.root) }),
        ("homeHref", .text, { .text($0.homeHref) }),
        ("switcher", .list(.view(LinkView.templateSchema)), { .views($0.switcher) }),
        ("editions", .list(.view(LinkView.templateSchema)), { .views($0.editions) }),
        ("privacyHref", .text, { .text($0.privacyHref) }),
        ("accessibilityHref", .text, { .text($0.accessibilityHref) }),
        ("privacyBanner", .flag, { .flag($0.privacyBanner) }),
        ("searchIndexHref", .text, { .text($0.searchIndexHref) }),
        ("breadcrumbs", .list(.view(LinkView.templateSchema)), { .views($0.breadcrumbs) }),
        ("neighbours", .view(NeighboursView.templateSchema), { .view($0.neighbours) }),
        ("draft", .flag, { .flag($0.draft) }),
        ("glossaryHref", .text, { .text($0.glossaryHref) }),
        ("pdf", .view(LinkView.templateSchema), { .view($0.pdf) }),
        ("locale", .text, { .text($0.locale) }),
        ("openGraph", .view(OpenGraphView.templateSchema), { .view($0.openGraph) }),
        ("logo", .view(ImageView.templateSchema), { .view($0.logo) }),
        ("accent", .text, { .text($0.accent) }),
        ("favicon", .view(FaviconView.templateSchema), { .view($0.favicon) }),
    ])
}

extension AlternateView: FieldTableView {
    public static let fields: TemplateFields<AlternateView> = TemplateFields("alternate", [
        ("hreflang", .text, { .text($0.hreflang) }),
        ("href", .text, { .text($0.href) }),
    ])
}

extension LinkView: FieldTableView {
    public static let fields: TemplateFields<LinkView> = TemplateFields("link", [
        ("label", .text, { .text($0.label) }),
        ("href", .text, { .text($0.href) }),
        ("current", .flag, { .flag($0.current) }),
        ("lang", .text, { .text($0.lang) }),
    ])
}

extension BodyView: FieldTableView {
    public static let fields: TemplateFields<BodyView> = TemplateFields("body", [
        ("intro", .html, { .bytes($0.intro) }),
        ("rest", .html, { $0.rest.map(TemplateValue.bytes) ?? .null }),
        ("notes", .html, { $0.notes.map(TemplateValue.bytes) ?? .null }),
    ])
}

extension CountryView: FieldTableView {
    public static let fields: TemplateFields<CountryView> = TemplateFields("country", [
        ("idPrefix", .text, { .text($0.idPrefix) }),
        ("title", .text, { .text($0.title) }),
        ("summary", .text, { .text($0.summary) }),
        ("body", .view(BodyView.templateSchema), { .view($0.body) }),
        ("edition", .text, { .text($0.edition) }),
        ("countryCode", .text, { .text($0.countryCode) }),
        ("region", .view(LinkView.templateSchema), { .view($0.region) }),
        ("keyData", .view(KeyDataView.templateSchema), { .view($0.keyData) }),
        ("priorityAreas", .list(.view(GoalView.templateSchema)), { .views($0.priorityAreas) }),
        ("achievements", .list(.text), { .texts($0.achievements) }),
        ("budget", .text, { .text($0.budget) }),
        ("otherEditions", .list(.view(LinkView.templateSchema)), { .views($0.otherEditions) }),
    ])
}

extension KeyDataView: FieldTableView {
    public static let fields: TemplateFields<KeyDataView> = TemplateFields("key-data", [
        ("population", .text, { .text($0.population) }),
        ("gniPerCapita", .text, { .text($0.gniPerCapita) }),
        ("hdiRank", .text, { .text($0.hdiRank) }),
        ("lifeExpectancy", .text, { .text($0.lifeExpectancy) }),
        ("programme", .text, { .text($0.programme) }),
        ("programmeNotApplicable", .flag, { .flag($0.programmeNotApplicable) }),
        ("year", .text, { .text($0.year) }),
        ("source", .text, { .text($0.source) }),
        ("hasNote", .flag, { .flag($0.hasNote) }),
    ])
}

extension GoalView: FieldTableView {
    public static let fields: TemplateFields<GoalView> = TemplateFields("goal", [
        ("number", .number, { .number($0.number) }),
        ("name", .text, { .text($0.name) }),
        ("colour", .text, { .text($0.colour) }),
        ("href", .text, { .text($0.href) }),
    ])
}

extension GoalPageView: FieldTableView {
    public static let fields: TemplateFields<GoalPageView> = TemplateFields("goal-page", [
        ("number", .number, { .number($0.number) }),
        ("name", .text, { .text($0.name) }),
        ("colour", .text, { .text($0.colour) }),
        ("edition", .text, { .text($0.edition) }),
        ("countries", .list(.view(LinkView.templateSchema)), { .views($0.countries) }),
    ])
}

extension ComparisonView: FieldTableView {
    public static let fields: TemplateFields<ComparisonView> = TemplateFields("comparison", [
        ("edition", .text, { .text($0.edition) }),
        ("rows", .list(.view(ComparisonRowView.templateSchema)), { .views($0.rows) }),
        ("notes", .list(.text), { .texts($0.notes) }),
        ("hasNotes", .flag, { .flag($0.hasNotes) }),
    ])
}

extension ComparisonRowView: FieldTableView {
    public static let fields: TemplateFields<ComparisonRowView> = TemplateFields("comparison-row", [
        ("country", .view(LinkView.templateSchema), { .view($0.country) }),
        ("population", .text, { .text($0.population) }),
        ("populationValue", .text, { .text($0.populationValue) }),
        ("gniPerCapita", .text, { .text($0.gniPerCapita) }),
        ("gniPerCapitaValue", .text, { .text($0.gniPerCapitaValue) }),
        ("hdiRank", .text, { .text($0.hdiRank) }),
        ("hdiRankValue", .text, { .text($0.hdiRankValue) }),
        ("lifeExpectancy", .text, { .text($0.lifeExpectancy) }),
        ("lifeExpectancyValue", .text, { .text($0.lifeExpectancyValue) }),
        ("programme", .text, { .text($0.programme) }),
        ("budget", .text, { .text($0.budget) }),
        ("budgetValue", .text, { .text($0.budgetValue) }),
    ])
}

extension PrintView: FieldTableView {
    public static let fields: TemplateFields<PrintView> = TemplateFields("print", [
        ("title", .text, { .text($0.title) }),
        ("edition", .text, { .text($0.edition) }),
        ("introduction", .html, { .bytes($0.introduction) }),
        ("sections", .list(.html), { .list(BytesList($0.sections)) }),
        ("glossary", .view(GlossaryView.templateSchema), { .view($0.glossary) }),
    ])
}

extension GlossaryView: FieldTableView {
    public static let fields: TemplateFields<GlossaryView> = TemplateFields("glossary", [
        ("title", .text, { .text($0.title) }),
        ("id", .text, { .text($0.id) }),
        ("terms", .list(.view(GlossaryTermView.templateSchema)), { .views($0.terms) }),
    ])
}

extension GlossaryTermView: FieldTableView {
    public static let fields: TemplateFields<GlossaryTermView> = TemplateFields("glossary-term", [
        ("id", .text, { .text($0.id) }),
        ("term", .text, { .text($0.term) }),
        ("expansion", .text, { .text($0.expansion) }),
        ("definition", .text, { .text($0.definition) }),
    ])
}

extension PrintSectionView: FieldTableView {
    public static let fields: TemplateFields<PrintSectionView> = TemplateFields("print-section", [
        ("id", .text, { .text($0.id) }),
        ("title", .text, { .text($0.title) }),
        ("isRegion", .flag, { .flag($0.isRegion) }),
        ("body", .html, { .bytes($0.body) }),
        ("country", .view(CountryView.templateSchema), { .view($0.country) }),
    ])
}

extension RegionView: FieldTableView {
    public static let fields: TemplateFields<RegionView> = TemplateFields("region", [
        ("title", .text, { .text($0.title) }),
        ("summary", .text, { .text($0.summary) }),
        ("body", .view(BodyView.templateSchema), { .view($0.body) }),
        ("edition", .text, { .text($0.edition) }),
        ("countries", .list(.view(LinkView.templateSchema)), { .views($0.countries) }),
    ])
}

extension EditionView: FieldTableView {
    public static let fields: TemplateFields<EditionView> = TemplateFields("edition", [
        ("title", .text, { .text($0.title) }),
        ("summary", .text, { .text($0.summary) }),
        ("body", .view(BodyView.templateSchema), { .view($0.body) }),
        ("edition", .text, { .text($0.edition) }),
        ("regions", .list(.view(RegionGroupView.templateSchema)), { .views($0.regions) }),
        ("otherCountries", .list(.view(LinkView.templateSchema)), { .views($0.otherCountries) }),
        ("goals", .list(.view(GoalView.templateSchema)), { .views($0.goals) }),
        ("chart", .view(DataChartView.templateSchema), { .view($0.chart) }),
        ("comparisonHref", .text, { .text($0.comparisonHref) }),
        ("printHref", .text, { .text($0.printHref) }),
        ("otherEditions", .list(.view(LinkView.templateSchema)), { .views($0.otherEditions) }),
        ("contents", .list(.view(ContentsEntryView.templateSchema)), { .views($0.contents) }),
    ])
}

extension RegionGroupView: FieldTableView {
    public static let fields: TemplateFields<RegionGroupView> = TemplateFields("region-group", [
        ("title", .text, { .text($0.title) }),
        ("href", .text, { .text($0.href) }),
        ("countries", .list(.view(LinkView.templateSchema)), { .views($0.countries) }),
    ])
}

extension StandaloneView: FieldTableView {
    public static let fields: TemplateFields<StandaloneView> = TemplateFields("standalone", [
        ("title", .text, { .text($0.title) }),
        ("summary", .text, { .text($0.summary) }),
        ("body", .view(BodyView.templateSchema), { .view($0.body) }),
    ])
}

extension LanguageHomeView: FieldTableView {
    public static let fields: TemplateFields<LanguageHomeView> = TemplateFields("language-home", [
        ("title", .text, { .text($0.title) }),
        ("latest", .view(LinkView.templateSchema), { .view($0.latest) }),
        ("editions", .list(.view(LinkView.templateSchema)), { .views($0.editions) }),
        ("pages", .list(.view(LinkView.templateSchema)), { .views($0.pages) }),
    ])
}

extension RootView: FieldTableView {
    public static let fields: TemplateFields<RootView> = TemplateFields("root", [
        ("target", .text, { .text($0.target) }),
        ("languages", .list(.view(LinkView.templateSchema)), { .views($0.languages) }),
    ])
}

extension NotFoundView: FieldTableView {
    public static let fields: TemplateFields<NotFoundView> = TemplateFields("not-found", [
        ("title", .text, { .text($0.title) }),
    ])
}

extension PageContext: TemplateView where Content: TemplateView {
    /// The context of a page rendered with template `template`: messages name the template's view.
    static func schema(for template: String) -> TemplateSchema {
        TemplateSchema(template, [
            TemplateField("chrome", .view(ChromeView.templateSchema)),
            TemplateField("t", .strings),
            TemplateField("page", .view(Content.templateSchema)),
        ])
    }
    public static var templateSchema: TemplateSchema { schema(for: "page") }
    public func templateValue(at index: Int) -> TemplateValue {
        switch index {
        case 0: .view(chrome)
        case 1: .strings(t)
        default: .view(page)
        }
    }
}
