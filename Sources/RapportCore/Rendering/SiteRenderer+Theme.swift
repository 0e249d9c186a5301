extension SiteRenderer {
    // MARK: - site.yaml's theme: and Open Graph

    /// The page's locale, Open Graph tags, logo, accent colour and favicon. Every URL comes from the one place that
    /// makes them: `linker` (relative, for the page) or `SiteConfig.absoluteURL` (absolute, for `og:`).
    func placeTheme(in chrome: inout ChromeView, title: String, description: String?, url: String?, translations: [String: String],
                    linker: Linker) {
        let config = site.config, settings = config.theme, language = chrome.lang
        let locale = config.language(language)?.locale ?? language
        chrome.locale = locale
        let logo = settings.logo.map { ImageView(src: linker.href($0.value), alt: text(settings.logoAlt[language] ?? "", language)) }
        chrome.logo = logo
        chrome.accent = settings.accent
        chrome.favicon = settings.favicon.map { FaviconView(href: linker.href($0.value), type: settings.faviconType) }
        let alternates = config.languages.filter { $0.code != language && translations[$0.code] != nil }.map(\.locale)
        chrome.openGraph = OpenGraphView(
            title: title, description: description ?? chrome.siteTitle, url: url.map(config.absoluteURL), locale: locale,
            alternateLocales: alternates, siteName: chrome.siteTitle,
            image: settings.logo.map { config.absoluteURL($0.value) }, imageAlt: logo?.alt)
    }

    /// The chrome with the page's first image as its `og:image` (a picture of the page itself says more than the
    /// logo when the page is shared); unchanged for a page without one.
    func withPageImage(_ chrome: ChromeView, _ image: (path: String, alt: String)?, language: String) -> ChromeView {
        guard let image, var openGraph = chrome.openGraph else { return chrome }
        var chrome = chrome
        openGraph.image = site.config.absoluteURL(image.path)
        openGraph.imageAlt = image.alt.isEmpty ? nil : text(image.alt, language)
        chrome.openGraph = openGraph
        return chrome
    }
}
