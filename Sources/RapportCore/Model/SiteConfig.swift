/// `content/site.yaml`: the site's title, address and languages.
public struct SiteConfig: Sendable, Equatable {
    public struct Language: Sendable, Equatable {
        /// The folder name and `lang` attribute: `fr`, `en`.
        public var code: String
        /// The locale used for numbers and dates: `fr_LU`, `en_GB`.
        public var locale: String
        /// The language's own name, shown in the switcher: `Français`, `English`.
        public var name: String
    }

    /// The site title per language code.
    public var title: [String: String]
    /// Absolute, ending with `/`; its path may be a sub-folder.
    public var baseURL: String
    public var defaultLanguage: String
    /// In switcher order.
    public var languages: [Language]
    /// Extension: let raw HTML in Markdown through (trusted authors only). Default false.
    public var allowRawHTML: Bool
    /// Extension: the page of `content/pages/` that holds the privacy notice, by translation_key or file name.
    public var privacyPage: String?
    /// Extension: the page of `content/pages/` that holds the accessibility statement, linked from every footer.
    public var accessibilityPage: String? = nil
    /// Extension: show the privacy banner (needs `privacy_page`). Default true.
    public var privacyBanner: Bool = true
    /// Extension: every build also makes each edition's PDF, as `build --pdf` does. Default false.
    public var pdf: Bool = false
    /// Where `pdf: true` is written (for the error when the PDF engine is missing).
    public var pdfLocation: SourceLocation? = nil
    /// Extension: the logo, accent colour and favicon of `theme:`.
    public var theme = ThemeSettings()

    public var languageCodes: [String] { languages.map(\.code) }

    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }

    /// The path part of `baseURL`: `/rapport/` for `https://example.org/rapport/`.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }

    /// The path relative to the site root of an absolute URL of the site (`https://example.org/rapport/fr/` →
    /// `fr/`; `http:` or `https:`, the host in any case), or nil for a URL elsewhere.
    public func sitePath(ofAbsoluteURL url: String) -> String? {
        guard let schemeEnd = baseURL.range(of: "://") else { return nil }
        let base = baseURL[schemeEnd.upperBound...]
        let host = base.prefix { $0 != "/" }
        let path = base.dropFirst(host.count)
        for scheme in ["https://", "http://"] where url.utf8.count >= scheme.utf8.count && url.prefix(scheme.count).lowercased() == scheme {
            let rest = url.dropFirst(scheme.count)
            guard rest.prefix(host.count).lowercased() == host.lowercased() else { return nil }
            let after = rest.dropFirst(host.count)
            if after.hasPrefix(path) { return String(after.dropFirst(path.count)) }
            // The base URL itself without its trailing slash (`https://example.org/rapport`).
            return after + "/" == path || after.isEmpty ? "" : nil
        }
        return nil
    }

    /// `baseURL` with `path` (relative to the site root, no leading slash) appended.
    public func absoluteURL(_ path: String) -> String { baseURL + path }
}
