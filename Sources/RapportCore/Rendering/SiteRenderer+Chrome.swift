import Foundation
import RapportTemplates

extension SiteRenderer {
    // MARK: - Layout

    func makeChrome(for id: Site.PageID, linker: Linker) -> ChromeView {
        let page = site.pages[id]
        let translations = site.translations[id].mapValues { site.urls[$0] }
        var chrome = makeChrome(language: page.language, url: site.urls[id], translations: translations,
                                title: title(of: id), description: page.summary, edition: page.edition, linker: linker)
        place(id, in: &chrome, linker: linker)
        chrome.draft = page.draft
        return chrome
    }

    /// The layout of a page at `url` (nil: served anywhere) with `translations` (language → URL path).
    func makeChrome(language: String, url: String?, translations: [String: String], title: String,
                            description: String?, edition: String?, linker: Linker, notFoundPages: Bool = false) -> ChromeView {
        let config = site.config
        let switcher = config.languages.map { other -> LinkView in
            let target: String
            if notFoundPages { target = Route.notFound(language: other.code).path }
            else if let translated = translations[other.code] { target = translated }
            else if let edition, let home = site.editionHomes[edition]?[other.code] { target = site.urls[home] }
            else { target = site.languageHomeURL(other.code) }
            return LinkView(label: other.name, href: linker.href(target), current: other.code == language,
                            lang: other.code == language ? nil : other.code)
        }
        let alternates = config.languageCodes.compactMap { code in
            translations[code].map { AlternateView(hreflang: code, href: config.absoluteURL($0)) }
        }
        let siteTitle = siteTitle(language)
        var chrome = ChromeView(
            lang: language, siteTitle: siteTitle,
            documentTitle: title == siteTitle ? title : "\(title) – \(siteTitle)",
            description: description, canonical: url.map(config.absoluteURL), alternates: alternates.count > 1 ? alternates : [],
            root: linker.root, homeHref: linker.href(site.languageHomeURL(language)),
            switcher: switcher, editions: editionLinks(language, current: edition, linker: linker),
            privacyHref: site.privacyPages[language].map { linker.href(site.urls[$0]) },
            accessibilityHref: site.accessibilityPages[language].map { linker.href(site.urls[$0]) },
            privacyBanner: config.privacyBanner && site.privacyPages[language] != nil,
            searchIndexHref: linker.href(Route.searchIndex(language: language).path))
        chrome.glossaryHref = site.glossaryRoutes[language].map { linker.href($0.path) }
        chrome.pdf = pdfLink(edition: edition, language: language, linker: linker)
        placeTheme(in: &chrome, title: title, description: description, url: url, translations: translations, linker: linker)
        return chrome
    }

    func editionLinks(_ language: String, current: String?, linker: Linker) -> [LinkView] {
        site.editions.reversed().compactMap { edition in
            site.editionHomes[edition]?[language].map {
                LinkView(label: edition, href: linker.href(site.urls[$0]), current: edition == current)
            }
        }
    }

    func languageHomes() -> [String: String] {
        Dictionary(uniqueKeysWithValues: site.config.languageCodes.map { ($0, site.languageHomeURL($0)) })
    }
}
