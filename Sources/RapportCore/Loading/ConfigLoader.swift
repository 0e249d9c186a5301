import Foundation

/// Stage "config": `content/site.yaml` to a `SiteConfig`.
public enum ConfigLoader {
    static let keys = ["title", "base_url", "default_language", "languages", "allow_raw_html", "privacy_page",
                       "accessibility_page", "privacy_banner", "pdf", "theme"]
    static let languageKeys = ["code", "locale", "name"]

    /// Languages every run knows before site.yaml is read: none. A site without a readable site.yaml stops there.
    public static func loadConfig(from source: SourceText) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        let reader = YAMLFields(path: source.path, lineOffset: 0, stage: .config)
        let root = reader.compose(source.text)
        guard reader.log.items.isEmpty,
              let fields = reader.mapping(root, named: "site.yaml", allowedKeys: keys, context: "site.yaml") else {
            return (nil, reader.log.items)
        }
        fields.reportUnknownKeys()

        var languages: [SiteConfig.Language] = []
        for item in fields.list("languages", required: true) ?? [] {
            guard let language = reader.mapping(item, named: "a language", allowedKeys: languageKeys, context: "a language of site.yaml") else { continue }
            language.reportUnknownKeys()
            guard let code = language.string("code", required: true),
                  let locale = language.string("locale", required: true),
                  let name = language.string("name", required: true) else { continue }
            guard code.value.count >= 2, code.value.count <= 3, code.value.allSatisfy({ ("a"..."z").contains($0) }) else {
                reader.error(.invalidLanguageCode(code.value), at: code.location); continue
            }
            if languages.contains(where: { $0.code == code.value }) {
                reader.error(.duplicateLanguage(code.value), at: code.location); continue
            }
            if !Locale.availableIdentifiers.contains(locale.value) {
                reader.error(.unknownLocale(locale.value), at: locale.location)
            }
            languages.append(SiteConfig.Language(code: code.value, locale: locale.value, name: name.value))
        }
        let codes = languages.map(\.code)

        var titles: [String: String] = [:]
        if let title = fields.nested("title", allowedKeys: codes, context: "title (one text per language)") {
            title.reportUnknownKeys()
            for code in codes {
                if let text = title.string(code) { titles[code] = text.value }
                else if title.node(code) == nil { reader.error(.missingTitleTranslation(language: code), at: title.location) }
            }
        } else if fields.node("title") == nil {
            reader.error(.missingKey("title"), at: fields.location)
        }

        let baseURL = fields.string("base_url", required: true)
        if let baseURL, !isValidBaseURL(baseURL.value) {
            reader.error(.invalidBaseURL(baseURL.value), at: baseURL.location)
        }
        let defaultLanguage = fields.string("default_language", required: true)
        if let defaultLanguage, !codes.isEmpty, !codes.contains(defaultLanguage.value) {
            reader.error(.unknownDefaultLanguage(defaultLanguage.value, known: codes), at: defaultLanguage.location)
        }
        let allowRawHTML = fields.bool("allow_raw_html")?.value ?? false
        let privacyPage = fields.string("privacy_page")?.value
        let accessibilityPage = fields.string("accessibility_page")?.value
        let privacyBanner = fields.bool("privacy_banner")?.value ?? true
        let pdf = fields.bool("pdf")
        let theme = loadTheme(fields, languages: codes)

        guard !reader.log.items.hasErrors, let baseURL, let defaultLanguage, !languages.isEmpty else {
            return (nil, reader.log.items)
        }
        var config = SiteConfig(title: titles, baseURL: baseURL.value, defaultLanguage: defaultLanguage.value,
                                languages: languages, allowRawHTML: allowRawHTML, privacyPage: privacyPage)
        config.accessibilityPage = accessibilityPage
        config.privacyBanner = privacyBanner
        config.pdf = pdf?.value ?? false
        config.pdfLocation = pdf?.location
        config.theme = theme
        return (config, reader.log.items)
    }

    static let themeKeys = ["logo", "accent", "favicon"]
    static let logoKeys = ["file", "alt"]

    /// `theme:` — `logo:` (`file:` an asset path, `alt:` a text per language), `accent:` (a colour with 4.5:1
    /// contrast with white), `favicon:` (an asset path). Whether the assets exist is checked once they are known.
    static func loadTheme(_ fields: Fields, languages: [String]) -> ThemeSettings {
        var settings = ThemeSettings()
        guard let theme = fields.nested("theme", allowedKeys: themeKeys, context: "theme (logo, accent, favicon)") else { return settings }
        theme.reportUnknownKeys()
        if let logo = theme.nested("logo", allowedKeys: logoKeys, context: "theme: logo (file, alt)") {
            logo.reportUnknownKeys()
            settings.logo = logo.string("file", required: true)
            if let alt = logo.nested("alt", allowedKeys: languages, context: "theme: logo: alt (one text per language)") {
                alt.reportUnknownKeys()
                for language in languages {
                    if let text = alt.string(language) { settings.logoAlt[language] = text.value }
                    else if alt.node(language) == nil { fields.reader.error(.missingLogoAlt(language: language), at: alt.location) }
                }
            } else if logo.node("alt") == nil {
                for language in languages { fields.reader.error(.missingLogoAlt(language: language), at: logo.location) }
            }
        }
        settings.favicon = theme.string("favicon")
        if let node = theme.node("accent") {
            let text = Fields.text(node) ?? ""
            if let colour = AccentColour(text) {
                let ratio = colour.contrastWithWhite
                if ratio < 4.5 {
                    fields.reader.error(.accentContrastTooLow(colour: colour.hex, ratio: AccentColour.shown(ratio), suggestion: colour.darkenedToPass.hex),
                                        at: node)
                } else {
                    settings.accent = colour.hex
                }
            } else {
                fields.reader.error(.invalidColour(PrintableText.escaped(text)), at: node)
            }
        }
        return settings
    }

    static func isValidBaseURL(_ text: String) -> Bool {
        // Spaces and control characters never belong in a URL (and a newline would split the sitemap's lines).
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || PrintableText.isControl($0) }) else { return false }
        guard text.hasSuffix("/"), let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else { return false }
        return !text.contains(" ") && !text.contains("?") && !text.contains("#")
    }

    /// `base_url` given on the command line: the same rules as in site.yaml.
    public static func validateBaseURL(_ text: String) -> Bool { isValidBaseURL(text) }
}
