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
        guard let (_, path) = baseParts else { return "/" }
        return path.isEmpty ? "/" : String(Substring(path))
    }

    /// The host and the path of `baseURL` (`example.org`, `/rapport/`), or nil without `://`. On bytes: every link
    /// with a scheme on every page is compared with them.
    private var baseParts: (host: Substring.UTF8View, path: Substring.UTF8View)? {
        let utf8 = baseURL.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex, utf8[index] != UInt8(ascii: ":") { index = utf8.index(after: index) }
        guard utf8[index...].starts(with: "://".utf8) else { return nil }
        let authority = Substring(baseURL).utf8[utf8.index(index, offsetBy: 3)...]
        let hostEnd = authority.firstIndex(of: UInt8(ascii: "/")) ?? authority.endIndex
        return (authority[..<hostEnd], authority[hostEnd...])
    }

    /// The path relative to the site root of an absolute URL of the site (`https://example.org/rapport/fr/` →
    /// `fr/`; `http:` or `https:`, the host in any case), or nil for a URL elsewhere.
    public func sitePath(ofAbsoluteURL url: String) -> String? {
        guard let (host, path) = baseParts else { return nil }
        // A host with other letters than ASCII ones is compared in any case by the rule on Characters.
        guard host.allSatisfy({ $0 < 0x80 }) else { return sitePathByCharacters(ofAbsoluteURL: url) }
        let target = Substring(url).utf8
        for scheme in ["https://", "http://"] {
            guard let rest = Self.dropASCIIPrefix(scheme.utf8, ignoringCase: true, from: target) else { continue }
            guard let after = Self.dropASCIIPrefix(host, ignoringCase: true, from: rest) else { return nil }
            if let sitePath = Self.dropASCIIPrefix(path, ignoringCase: false, from: after) { return String(Substring(sitePath)) }
            // The base URL itself without its trailing slash (`https://example.org/rapport`).
            return after.isEmpty || (after.count + 1 == path.count && path.starts(with: after)) ? "" : nil
        }
        return nil
    }

    /// What follows `prefix` in `text`, or nil when `text` does not start with it (letters compared in any case when
    /// `ignoringCase`: only ASCII ones are, other bytes must be equal).
    private static func dropASCIIPrefix(_ prefix: some Collection<UInt8>, ignoringCase: Bool, from text: Substring.UTF8View) -> Substring.UTF8View? {
        var index = text.startIndex
        for byte in prefix {
            guard index < text.endIndex else { return nil }
            let other = text[index]
            guard other == byte || (ignoringCase && Self.isASCIILetter(byte) && other | 0x20 == byte | 0x20) else { return nil }
            index = text.index(after: index)
        }
        return text[index...]
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }

    /// The rule on Characters, for a base URL whose host is not ASCII (`https://café.lu/`).
    func sitePathByCharacters(ofAbsoluteURL url: String) -> String? {
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
