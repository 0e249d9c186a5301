// View models: what the templates see. Every text is already localised (numbers in the page's locale,
// goal names in its language) and every link already written; templates only place them.
// Template variables are documented in README.md ("Templates").

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
public struct BodyView: Sendable {
    public let intro: String
    public let rest: String?
}

public struct CountryView: Sendable {
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
