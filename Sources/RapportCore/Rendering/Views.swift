// View models: what the templates see. Every text is already localised (numbers in the page's locale,
// goal names in its language) and every link already written; templates only place them.
// Template variables are documented in docs/reference/templates.md.

/// What a template is rendered with: the page's own view, the layout's view and the interface strings.
public struct PageContext<Content: Sendable>: Sendable {
    /// Layout: language, titles, links of the header and footer.
    public let chrome: ChromeView
    /// Interface strings of the page's language: `{{t.read_more}}`.
    public let t: [String: String]
    /// The page itself.
    public let page: Content
}

public struct ChromeView: Sendable {
    public let lang: String
    public let siteTitle: String
    public let documentTitle: String
    public let description: String?
    /// Absolute URL of the page, from `base_url`.
    public let canonical: String?
    /// One per translation, the page itself included.
    public let alternates: [AlternateView]
    /// Prefix that leads to the site root: `../../`.
    public let root: String
    /// The language's home page.
    public let homeHref: String
    /// The languages, in site.yaml order; each leads to this page's translation, or to that language's home.
    public let switcher: [LinkView]
    /// The editions of the page's language, newest first.
    public let editions: [LinkView]
    public let privacyHref: String?
    public let accessibilityHref: String?
    /// The privacy banner is on (site.yaml `privacy_banner`) and there is a privacy page to link to.
    public let privacyBanner: Bool
    /// The search index of the page's language.
    public let searchIndexHref: String
    /// Where a page of an edition is: its edition's home, each enclosing chapter, then the page itself
    /// (`current`); empty on an edition's home and outside editions.
    public var breadcrumbs: [LinkView] = []
    /// The previous and next page in the edition's reading order (nil when the page has neither).
    public var neighbours: NeighboursView?
    /// The page is a draft (shown by `serve` and `build --drafts` only): the theme marks it.
    public var draft = false
    /// The glossary page of the page's language (nil when the site has no glossary).
    public var glossaryHref: String?
    /// The edition's PDF with its size (`Le rapport en PDF (PDF, 2,3 Mo)`), on pages of an edition when PDFs are made.
    public var pdf: LinkView? = nil
    /// The locale of the page's language, as site.yaml writes it (`fr_LU`).
    public var locale = ""
    /// The page's Open Graph tags.
    public var openGraph: OpenGraphView? = nil
    /// site.yaml `theme: logo:`, with its text in the page's language.
    public var logo: ImageView? = nil
    /// site.yaml `theme: accent:` (`#rrggbb`): the theme's `--accent`.
    public var accent: String? = nil
    /// site.yaml `theme: favicon:`.
    public var favicon: FaviconView? = nil
}

/// The pages before and after a page in its edition's reading order (`rel="prev"`, `rel="next"`).
public struct NeighboursView: Sendable {
    public let previous: LinkView?
    public let next: LinkView?
}

public struct AlternateView: Sendable {
    public let hreflang: String
    public let href: String
}

public struct LinkView: Sendable {
    public let label: String
    public let href: String
    /// The page being rendered (`aria-current`).
    public let current: Bool
    /// The language of the target, when it differs from the page's.
    public let lang: String?

    public init(label: String, href: String, current: Bool = false, lang: String? = nil) {
        self.label = label
        self.href = href
        self.current = current
        self.lang = lang
    }
}

/// A page body split at `<!-- more -->`: `intro` always shown, `rest` behind the "Read more" fold.
/// A body's HTML, as cmark wrote it (UTF-8).
public struct BodyView: Sendable {
    public let intro: [UInt8]
    public let rest: [UInt8]?
    /// The section of footnotes that closes the body, after the fold (`nil` without notes).
    public let notes: [UInt8]?
}

public struct CountryView: Sendable {
    /// Prefix of the element ids the country's sections use: empty on its page, `c-slug-` on the print page.
    public let idPrefix: String
    public let title: String
    public let summary: String?
    public let body: BodyView
    public let edition: String
    public let countryCode: String
    public let region: LinkView?
    public let keyData: KeyDataView?
    public let priorityAreas: [GoalView]
    public let achievements: [String]
    public let budget: String?
    /// The same country in the other editions.
    public let otherEditions: [LinkView]
}

/// Key data, formatted for the locale; absent figures are `nil` and their rows are left out.
public struct KeyDataView: Sendable {
    public let population: String?
    public let gniPerCapita: String?
    public let hdiRank: String?
    public let lifeExpectancy: String?
    /// The programme's text, when there is one.
    public let programme: String?
    /// `cooperation_programme: null`: the template shows "s.o." / "N/A".
    public let programmeNotApplicable: Bool
    public let year: String?
    public let source: String?
    /// A note under the table gives the year and the source (stored: Mustache does not see computed properties).
    public let hasNote: Bool
}

public struct GoalView: Sendable {
    public let number: Int
    public let name: String
    public let colour: String
    /// The goal's page in the edition.
    public let href: String
}

/// `/<lang>/<year>/goals/<n>/`: one goal and the countries that work on it.
public struct GoalPageView: Sendable {
    public let number: Int
    public let name: String
    public let colour: String
    public let edition: String
    public let countries: [LinkView]
}

/// `/<lang>/<year>/key-data/`: every country's key data side by side.
public struct ComparisonView: Sendable {
    public let edition: String
    public let rows: [ComparisonRowView]
    /// "Mongolie : Banque mondiale, 2019" — where each country's figures come from, when given.
    public let notes: [String]
    public let hasNotes: Bool
}

/// One country's row: shown texts (localised) and raw values to sort by.
public struct ComparisonRowView: Sendable {
    public let country: LinkView
    public let population: String
    public let populationValue: String
    public let gniPerCapita: String
    public let gniPerCapitaValue: String
    public let hdiRank: String
    public let hdiRankValue: String
    public let lifeExpectancy: String
    public let lifeExpectancyValue: String
    public let programme: String
    public let budget: String
    public let budgetValue: String
}

/// The budget per country as bars, computed at build time for an inline SVG.
public struct PrintView: Sendable {
    public let title: String
    public let edition: String
    /// The edition home's body, rendered.
    public let introduction: [UInt8]
    /// Each region's and country's section, rendered with the `print-section` template (UTF-8).
    public let sections: [[UInt8]]
    /// The glossary the print version ends with (nil when the site has none).
    public var glossary: GlossaryView? = nil
}

public struct PrintSectionView: Sendable {
    public let id: String
    public let title: String
    public let isRegion: Bool
    public let body: [UInt8]
    public let country: CountryView?
}

public struct RegionView: Sendable {
    public let title: String
    public let summary: String?
    public let body: BodyView
    public let edition: String
    public let countries: [LinkView]
}

public struct EditionView: Sendable {
    public let title: String
    public let summary: String?
    public let body: BodyView
    public let edition: String
    public let regions: [RegionGroupView]
    /// Countries that name no region.
    public let otherCountries: [LinkView]
    /// The goals the edition's countries work on, each leading to its page.
    public let goals: [GoalView]
    /// The budget per country (countries with `budget_eur`), as a chart and as a table.
    public let chart: DataChartView?
    public let comparisonHref: String
    public let printHref: String
    /// The other editions in this language, newest first.
    public let otherEditions: [LinkView]
    /// The edition's table of contents: every chapter and page in reading order, nested.
    public var contents: [ContentsEntryView] = []
}

public struct RegionGroupView: Sendable {
    public let title: String
    public let href: String
    public let countries: [LinkView]
}

public struct StandaloneView: Sendable {
    public let title: String
    public let summary: String?
    public let body: BodyView
}

/// `/<lang>/`: the editions of one language, newest first, and its other pages.
public struct LanguageHomeView: Sendable {
    public let title: String
    public let latest: LinkView?
    public let editions: [LinkView]
    public let pages: [LinkView]
}

/// `/index.html`: leads to the default language without JavaScript and offers every language.
public struct RootView: Sendable {
    public let target: String
    public let languages: [LinkView]
}

public struct NotFoundView: Sendable {
    public let title: String
}
