import Foundation
@testable import RapportCore
import Testing

/// site.yaml `theme:` (logo, accent, favicon), and the Open Graph tags of every page.
@Suite("theme settings and Open Graph")
struct ThemeSettingsTests {
    /// The test site with the built-in base template (so the pages have the real `<head>`) and `theme` in site.yaml.
    static func site(theme: String, files: [String: String] = [:]) -> TestSite {
        var site = TestSite()
        site.files["templates/base.mustache"] = nil
        site.files["content/site.yaml"] = TestSite.siteYAML + "\ntheme:\n" + theme
        // The strings the built-in base template uses.
        for (language, strings) in ["fr": BuiltInStrings.fr, "en": BuiltInStrings.en] { site.files["content/i18n/\(language).yaml"]! += strings }
        for (path, text) in files { site.files[path] = text }
        return site
    }

    static let logo = """
          logo:
            file: assets/logo.svg
            alt:
              fr: Logo du ministère
              en: The ministry's logo
        """

    @Test("logo, accent and favicon reach every page's head and header; og: tags with absolute URLs")
    func settingsReachThePages() throws {
        let site = Self.site(theme: Self.logo + "\n  accent: \"#1F5F8B\"\n  favicon: assets/favicon.png\n",
                             files: ["content/assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "content/assets/favicon.png": "png"])
        let outcome = site.build()
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let page = try #require(outcome.text("fr/2020/countries/niger/index.html"))
        for line in [
            "<meta property=\"og:title\" content=\"Niger\">",
            "<meta property=\"og:url\" content=\"https://example.org/r/fr/2020/countries/niger/\">",
            "<meta property=\"og:locale\" content=\"fr_LU\">",
            "<meta property=\"og:locale:alternate\" content=\"en_GB\">",
            "<meta property=\"og:site_name\" content=\"Rapport test\">",
            "<meta property=\"og:image\" content=\"https://example.org/r/assets/logo.svg\">",
            "<meta property=\"og:image:alt\" content=\"Logo du ministère\">",
            "<link rel=\"icon\" href=\"../../../../assets/favicon.png\" type=\"image/png\">",
            "<style>:root { --accent: #1f5f8b; }</style>",
            "<img class=\"site-logo\" src=\"../../../../assets/logo.svg\" alt=\"Logo du ministère\">",
        ] {
            #expect(page.contains(line), "missing \(line)")
        }
        let english = try #require(outcome.text("en/2020/countries/niger/index.html"))
        #expect(english.contains("<meta property=\"og:locale\" content=\"en_GB\">\n<meta property=\"og:locale:alternate\" content=\"fr_LU\">"))
        #expect(english.contains("alt=\"The ministry's logo\"") || english.contains("alt=\"The ministry&#39;s logo\"") || english.contains("alt=\"The ministry’s logo\""))
    }

    @Test("og:image: the page's first image of the site's assets wins over the logo; a page without one shows the logo")
    func pageImage() throws {
        var site = Self.site(theme: Self.logo + "\n", files: ["content/assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                                                              "content/assets/ecole.jpg": "jpeg", "content/assets/puits.jpg": "jpeg"])
        let niger = "content/2020/fr/countries/niger.md"
        site.files[niger]! += "\nUne photo : ![Une école à Niamey](../../../assets/ecole.jpg), puis ![Un puits](../../../assets/puits.jpg).\n"
        let outcome = site.build()
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let page = try #require(outcome.text("fr/2020/countries/niger/index.html"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/r/assets/ecole.jpg\">\n"
                              + "<meta property=\"og:image:alt\" content=\"Une école à Niamey\">"))
        #expect(!page.contains("og:image\" content=\"https://example.org/r/assets/logo.svg"))
        let english = try #require(outcome.text("en/2020/countries/niger/index.html"))
        #expect(english.contains("<meta property=\"og:image\" content=\"https://example.org/r/assets/logo.svg\">"))
    }

    @Test("each theme: error at its place, in words", arguments: [
        (logo, [:], "content/site.yaml:15:11: error: theme logo 'assets/logo.svg' is not a file of the site: put the file in content/assets/ and write its path from there (assets/…)"),
        ("  logo:\n    file: assets/logo.svg\n    alt:\n      fr: Logo\n", ["content/assets/logo.svg": "<svg/>"],
         "content/site.yaml:17:7: error: the logo has no alternative text in 'en': under 'alt:', add 'en: ' and what the logo shows, in words (screen readers read it aloud)"),
        ("  logo:\n    file: assets/logo.svg\n", ["content/assets/logo.svg": "<svg/>"],
         "content/site.yaml:15:5: error: the logo has no alternative text in 'fr': under 'alt:', add 'fr: ' and what the logo shows, in words (screen readers read it aloud)"),
        ("  accent: \"#7FB3E0\"\n", [:],
         "content/site.yaml:14:11: error: the accent colour #7fb3e0 has a contrast of 2.22:1 with white, below the 4.5:1 that WCAG 2.1 AA asks of text (success criterion 1.4.3): choose a darker colour, for example \"#567998\""),
        ("  accent: #1F5F8B\n", [:],
         "content/site.yaml:14:10: error: the accent colour is empty: write it in double quotes, for example accent: \"#1F5F8B\" (without quotes, YAML takes '#' for the start of a comment)"),
        ("  accent: blue\n", [:],
         "content/site.yaml:14:11: error: 'blue' is not a colour Rapport reads: write it as # and six hexadecimal digits, in double quotes, for example \"#1F5F8B\""),
        ("  favicon: ../secret.png\n", [:],
         "content/site.yaml:14:12: error: theme favicon '../secret.png' is not a file of the site: put the file in content/assets/ and write its path from there (assets/…)"),
        ("  colour: \"#000000\"\n", [:],
         "content/site.yaml:14:3: error: unknown key 'colour' in theme (logo, accent, favicon)"),
    ] as [(String, [String: String], String)])
    func errors(_ theme: String, _ files: [String: String], _ message: String) {
        let messages = Self.site(theme: theme, files: files).build().messages
        #expect(messages.contains(message), "\(messages.filter { $0.contains("site.yaml") })")
    }

    @Test("the contrast ratio of WCAG 2.1: black 21:1, white 1:1; a suggestion always passes")
    func contrast() throws {
        #expect(try #require(AccentColour("#000")).contrastWithWhite == 21)
        #expect(try #require(AccentColour("#FFFFFF")).contrastWithWhite == 1)
        #expect(AccentColour.shown(4.4999) == "4.49")
        for text in ["#ffffff", "#ffff00", "#7fb3e0", "#00ff00", "#fff"] {
            let darker = try #require(AccentColour(text)).darkenedToPass
            #expect(darker.contrastWithWhite >= 4.5, "\(text) → \(darker.hex)")
        }
        for hostile in ["", "#", "#12345", "#1234567", "#ggg", "# 123456", "#１２３", String(repeating: "#", count: 10_000)] {
            #expect(AccentColour(hostile) == nil)
        }
    }
}

/// The interface strings of the built-in `base.mustache` and its partials, for test sites that use it.
enum BuiltInStrings {
    static let fr = "accessibility_statement: fr accessibility_statement\nbreadcrumbs_label: fr breadcrumbs_label\ndraft_banner: fr draft_banner\nedition_label: fr edition_label\neditions_nav: fr editions_nav\nlanguage_switcher: fr language_switcher\nprivacy_banner_close: fr privacy_banner_close\nprivacy_banner_more: fr privacy_banner_more\nprivacy_banner_text: fr privacy_banner_text\nprivacy_notice: fr privacy_notice\nsearch_count: fr search_count\nsearch_label: fr search_label\nsearch_no_results: fr search_no_results\nskip_to_content: fr skip_to_content\nnext_page: fr next_page\npager_label: fr pager_label\nprevious_page: fr previous_page\n"
    static let en = "accessibility_statement: en accessibility_statement\nbreadcrumbs_label: en breadcrumbs_label\ndraft_banner: en draft_banner\nedition_label: en edition_label\neditions_nav: en editions_nav\nlanguage_switcher: en language_switcher\nprivacy_banner_close: en privacy_banner_close\nprivacy_banner_more: en privacy_banner_more\nprivacy_banner_text: en privacy_banner_text\nprivacy_notice: en privacy_notice\nsearch_count: en search_count\nsearch_label: en search_label\nsearch_no_results: en search_no_results\nskip_to_content: en skip_to_content\nnext_page: en next_page\npager_label: en pager_label\nprevious_page: en previous_page\n"
}
