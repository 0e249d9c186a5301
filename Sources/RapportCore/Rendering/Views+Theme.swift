import RapportTemplates

// What the layout shows of site.yaml's `theme:` (logo, accent colour, favicon) and of Open Graph, the `og:` tags a
// page shared on a social network or in a chat is previewed with.

/// A page's Open Graph tags (ogp.me): every text already in the page's language, every URL absolute (`base_url`).
public struct OpenGraphView: Sendable {
    /// `og:title`: the page's own title.
    public let title: String
    /// `og:description`: the page's summary, or the site's title when it has none.
    public let description: String
    /// `og:url`: the page's absolute URL; nil for a page served at any address (the 404 page).
    public let url: String?
    /// `og:locale`: the locale of the page's language, as site.yaml writes it (`fr_LU`).
    public let locale: String
    /// `og:locale:alternate`: the locales of the page's translations, in site.yaml order.
    public let alternateLocales: [String]
    /// `og:site_name`: the site's title in the page's language.
    public let siteName: String
    /// `og:image`: the absolute URL of the page's first image (an asset of the site), else of the logo, when
    /// site.yaml has one.
    public var image: String?
    /// `og:image:alt`: that image's alternative text (the logo's in the page's language).
    public var imageAlt: String?
}

/// An image of the layout: its address from the page, and its alternative text.
public struct ImageView: Sendable {
    public let src: String
    public let alt: String
}

/// The favicon: its address from the page, and its type when its extension tells it.
public struct FaviconView: Sendable {
    public let href: String
    public let type: String?
}

extension OpenGraphView: FieldTableView {
    public static let fields: TemplateFields<OpenGraphView> = TemplateFields("open-graph", [
        ("title", .text, { .text($0.title) }),
        ("description", .text, { .text($0.description) }),
        ("url", .text, { .text($0.url) }),
        ("locale", .text, { .text($0.locale) }),
        ("alternateLocales", .list(.text), { .texts($0.alternateLocales) }),
        ("siteName", .text, { .text($0.siteName) }),
        ("image", .text, { .text($0.image) }),
        ("imageAlt", .text, { .text($0.imageAlt) }),
    ])
}

extension ImageView: FieldTableView {
    public static let fields: TemplateFields<ImageView> = TemplateFields("image", [
        ("src", .text, { .text($0.src) }),
        ("alt", .text, { .text($0.alt) }),
    ])
}

extension FaviconView: FieldTableView {
    public static let fields: TemplateFields<FaviconView> = TemplateFields("favicon", [
        ("href", .text, { .text($0.href) }),
        ("type", .text, { .text($0.type) }),
    ])
}
