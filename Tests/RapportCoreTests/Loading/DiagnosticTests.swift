import Testing
@testable import RapportCore

/// One inline site per diagnostic kind, asserting the exact `PATH:LINE:COL: severity: message` text.
@Suite("Located diagnostics")
struct DiagnosticTests {
    static let niger = "content/2020/fr/countries/niger.md"

    /// Builds the baseline site with `path` replaced by `text`, and returns its diagnostics.
    func messages(_ path: String, _ text: String?, strict: Bool = false) -> [String] {
        TestSite([path: text]).build(BuildOptions(strict: strict)).messages
    }

    @Test("the baseline site has no diagnostic")
    func baselineIsClean() {
        let outcome = TestSite().build()
        #expect(outcome.messages == [])
        #expect(outcome.succeeded)
    }

    @Test("an unknown key is an error at its line, with the closest known key suggested")
    func unknownKey() {
        #expect(messages(Self.niger, "---\ntitle: Niger\ncountry: NE\nregion: sahel\npriority_area: [3]\n---\nBody\n") == [
            "\(Self.niger):5:1: error: unknown key 'priority_area' in the front matter of a country page; did you mean 'priority_areas'?",
        ])
    }

    @Test("a key of another page kind is unknown there")
    func keyOfAnotherKind() {
        #expect(messages("content/2020/fr/index.md", "---\ntitle: Rapport\ncountry: NE\n---\n") == [
            "content/2020/fr/index.md:3:1: error: unknown key 'country' in the front matter of an edition home page",
        ])
    }

    @Test("a wrong type is an error at the value, found from the node tree (Yams' decode errors carry no line)")
    func wrongType() {
        let text = "---\ntitle: Niger\ncountry: NE\nregion: sahel\nkey_data:\n  population_millions: beaucoup\n  hdi_rank: 3.5\n---\n"
        #expect(messages(Self.niger, text) == [
            "\(Self.niger):6:24: error: 'population_millions' must be a number, not the text 'beaucoup'",
            "\(Self.niger):7:13: error: 'hdi_rank' must be a whole number, not the number 3.5",
        ])
    }

    @Test("every SDG outside 1–17 is reported, each at its column")
    func sdgOutOfRange() {
        #expect(messages(Self.niger, "---\ntitle: Niger\ncountry: NE\nregion: sahel\npriority_areas: [3, 18, 0]\n---\n") == [
            "\(Self.niger):5:21: error: 18 is not a Sustainable Development Goal (1 to 17)",
            "\(Self.niger):5:25: error: 0 is not a Sustainable Development Goal (1 to 17)",
        ])
    }

    @Test("an unknown region names the regions that exist")
    func unknownRegion() {
        #expect(messages(Self.niger, "---\ntitle: Niger\ncountry: NE\nregion: sahle\n---\n") == [
            "\(Self.niger):4:9: error: no region page 'sahle.md' in this edition and language (known: sahel)",
        ])
    }

    @Test("invalid UTF-8 is an error at its line and column")
    func invalidUTF8() {
        var bytes = Array("---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\nÉté ".utf8)
        bytes += [0xFF, 0x41, 0x0A]
        let source = SiteSource(files: TestSite.baseline.filter { $0.key != Self.niger })
        var files = source.contentFiles
        files.append(SourceFile(path: Self.niger, bytes: bytes))
        let outcome = SiteBuilder.build(SiteSource(contentFiles: files, templates: source.templates, assets: []))
        #expect(outcome.messages.first == "\(Self.niger):6:5: error: the file is not valid UTF-8 (byte 0xFF here); save it as UTF-8")
    }

    @Test("two pages with one URL are an error naming the other file")
    func duplicateURL() {
        let messages = TestSite(["content/2020/fr/countries/niger-bis.md": "---\ntitle: Niger bis\ncountry: NG\nslug: niger\n---\n"]).build().messages
        #expect(messages.contains("content/2020/fr/countries/niger.md:1:1: error: the URL /fr/2020/countries/niger/ is also the URL of content/2020/fr/countries/niger-bis.md"))
    }

    @Test("a slug that is not one safe URL segment is an error at its line")
    func invalidSlug() {
        #expect(messages(Self.niger, "---\ntitle: Niger\ncountry: NE\nregion: sahel\nslug: ../Niger\n---\n") == [
            "\(Self.niger):5:7: error: the slug '../Niger' is not one URL segment of lowercase letters, digits and hyphens",
        ])
    }

    @Test("a YAML syntax error points at the line of the .md file, not of the YAML block")
    func yamlSyntax() {
        #expect(messages(Self.niger, "---\ntitle: Niger\ncountry: [NE\n---\n") == [
            "\(Self.niger):4:1: error: YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']'",
        ])
    }

    @Test("site.yaml flags take true or false; other YAML booleans and text are named in the error")
    func flags() {
        let config = "content/site.yaml"
        #expect(messages(config, TestSite.siteYAML + "\nallow_raw_html: true\nprivacy_banner: false\n") == [])
        #expect(messages(config, TestSite.siteYAML + "\nallow_raw_html: yes\nprivacy_banner: 'false'\n") == [
            "content/site.yaml:13:17: error: 'allow_raw_html' must be true or false, not the boolean yes",
            "content/site.yaml:14:17: error: 'privacy_banner' must be true or false, not the text 'false'",
        ])
        #expect(messages(config, TestSite.siteYAML + "\nprivacy_banner: 0\n") == [
            "content/site.yaml:13:17: error: 'privacy_banner' must be true or false, not the number 0",
        ])
    }

    @Test("a duplicate key is an error")
    func duplicateKey() {
        #expect(messages(Self.niger, "---\ntitle: Niger\ncountry: NE\ntitle: Niger 2\n---\n") == [
            "\(Self.niger):4:1: error: the key 'title' appears twice",
        ])
    }

    @Test("a page without title, front matter or closing fence, or an empty file, is an error")
    func brokenFrontMatter() {
        #expect(messages(Self.niger, "---\ncountry: NE\nregion: sahel\n---\n") == ["\(Self.niger):2:1: error: the required key 'title' is missing"])
        #expect(messages(Self.niger, "# Niger\n") == ["\(Self.niger):1:1: error: the file does not start with front matter: its first line must be '---'"])
        #expect(messages(Self.niger, "---\ntitle: Niger\n") == ["\(Self.niger):1:1: error: the front matter that starts here is not closed by a '---' line"])
        #expect(messages(Self.niger, "") == ["\(Self.niger):1:1: error: the file is empty; a page starts with front matter between two '---' lines"])
        #expect(messages(Self.niger, "---\ntitle: \"  \"\ncountry: NE\n---\n") == ["\(Self.niger):2:8: error: 'title' must not be empty"])
    }

    @Test("a country code that is not ISO 3166-1 alpha-2 is an error; so is one used twice in an edition")
    func countryCodes() {
        #expect(messages(Self.niger, "---\ntitle: Niger\ncountry: XX\nregion: sahel\n---\n") == [
            "\(Self.niger):3:10: error: 'XX' is not an ISO 3166-1 alpha-2 country code",
        ])
        let twice = TestSite(["content/2020/fr/countries/mali.md": "---\ntitle: Mali\ncountry: NE\n---\n"]).build().messages
        #expect(twice.contains("content/2020/fr/countries/niger.md:3:10: error: the country code NE is also used by content/2020/fr/countries/mali.md in this edition"))
    }

    @Test("a missing translation is a warning naming the expected file, and an error under --strict")
    func missingTranslation() {
        let expected = "content/2020/fr/countries/niger.md:1:1: %@: no 'en' translation of this page (expected content/2020/en/countries/niger.md, or a page with the same translation_key)"
        #expect(messages("content/2020/en/countries/niger.md", nil) == [expected.replacingOccurrences(of: "%@", with: "warning")])
        #expect(messages("content/2020/en/countries/niger.md", nil, strict: true) == [expected.replacingOccurrences(of: "%@", with: "error")])
        #expect(TestSite(["content/2020/en/countries/niger.md": nil]).build().succeeded)
        #expect(!TestSite(["content/2020/en/countries/niger.md": nil]).build(BuildOptions(strict: true)).succeeded)
    }

    @Test("an interface string that a template uses but a language lacks names the key, the language and the template")
    func missingInterfaceString() {
        #expect(messages("content/i18n/en.yaml", "skip: Skip\nna: N/A\n" + TestSite.chartStrings["en"]!) == [
            "templates/country.mustache:1:95: error: the interface string 'more' is used by templates/country.mustache but missing in content/i18n/en.yaml",
        ])
    }

    @Test("an unused interface string is a warning")
    func unusedInterfaceString() {
        #expect(messages("content/i18n/en.yaml", "skip: Skip\nmore: More\nna: N/A\nextra: x\n" + TestSite.chartStrings["en"]!) == [
            "content/i18n/en.yaml:4:1: warning: the interface string 'extra' is missing in content/i18n/fr.yaml",
            "content/i18n/en.yaml:4:1: warning: the interface string 'extra' is used by no template",
        ])
    }

    @Test("a link to a missing page or heading is an error at its line and column in the .md file")
    func brokenLinks() {
        let text = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\nVoir le [Mali](mali.md),\nla [région](../regions/sahel.md#climat) et [ici](#nulle-part).\n"
        #expect(messages(Self.niger, text) == [
            "\(Self.niger):6:9: error: link to 'mali.md', which does not exist",
            "\(Self.niger):7:4: error: no heading with the id 'climat' in content/2020/fr/regions/sahel.md",
            "\(Self.niger):7:44: error: no heading with the id 'nulle-part' in content/2020/fr/countries/niger.md",
        ])
    }

    @Test("a name no view has is an error at its tag, with the closest name suggested")
    func templateNames() {
        let outcome = TestSite([
            "templates/page.mustache": "{{<base}}{{$main}}\nÉté : {{page.titel}}|{{#page.body}}{{intro}}{{itnro}}{{/page.body}}{{title}}{{/main}}{{/base}}",
            "templates/home.mustache": "{{<base}}{{$main}}{{> bdy}}{{#chrome.switcher}}{{^first()}},{{/first()}}{{/chrome.switcher}}{{first()}}{{/main}}{{/base}}",
            "templates/goal.mustache": "{{<basis}}{{/basis}}{{page.countries}}{{shout(page.name)}}",
            "templates/body.mustache": "{{{page.body.intro}}}",
        ]).build()
        #expect(outcome.messages == [
            "templates/goal.mustache:1:1: error: there is no template 'basis' for this parent; did you mean 'base'?",
            "templates/goal.mustache:1:21: error: 'page.countries' is a list, not a text: use it as a section ({{#page.countries}}…{{/page.countries}})",
            "templates/goal.mustache:1:39: error: 'shout(page.name)' is not a transform the templates know (first(), last(), index(), even(), odd(), empty(…), count(…), uppercased(…), lowercased(…), capitalized(…), reversed(…))",
            "templates/home.mustache:1:19: error: there is no template 'bdy' for this partial; did you mean 'body'?",
            "templates/home.mustache:1:93: error: 'first()' is used outside a list section",
            "templates/page.mustache:2:7: error: 'page.titel' is not a name of the page view; did you mean 'page.title'?",
            "templates/page.mustache:2:45: error: 'itnro' is not a name of the page view; did you mean 'intro'?",
            "templates/page.mustache:2:68: error: 'title' is not a name of the page view; did you mean 'page.title'?",
        ])
        #expect(!outcome.succeeded)
    }

    @Test("a template syntax error is located in the template")
    func templateSyntax() {
        let outcome = TestSite(["templates/page.mustache": "{{<base}}{{$main}}\n{{#page.title}}{{/main}}{{/base}}"]).build()
        #expect(outcome.messages == [
            "templates/page.mustache:2:16: error: template syntax error: '{{/main}}' does not match '{{#page.title}}', the section it closes",
        ])
        #expect(!outcome.succeeded)
    }

    @Test("site.yaml problems are all reported at once")
    func siteConfig() {
        let yaml = "title:\n  fr: T\nbase_url: example.org\ndefault_language: de\nlanguages:\n  - code: fr\n    locale: fr_LU\n    name: Français\nlanguage: en\n"
        #expect(messages("content/site.yaml", yaml) == [
            "content/site.yaml:3:11: error: base_url 'example.org' must be an absolute http(s) URL ending with '/'",
            "content/site.yaml:4:19: error: default_language 'de' is not one of the languages (fr)",
            "content/site.yaml:9:1: error: unknown key 'language' in site.yaml; did you mean 'languages'?",
        ])
    }

    @Test("a page in a folder of no language of site.yaml is an error")
    func unknownLanguage() {
        #expect(messages("content/2020/de/index.md", "---\ntitle: Bericht\n---\n") == [
            "content/2020/de/index.md:1:1: error: 'de' is not a language of site.yaml (languages: fr, en)",
        ])
    }

    @Test("all problems of a run are reported in one stable order")
    func manyProblems() {
        let site = TestSite([
            Self.niger: "---\ntitle: Niger\ncountry: NE\nregion: nowhere\npriority_areas: [99]\nbudget: 3\n---\n[x](missing.md)\n",
            "content/2020/en/index.md": "---\ntitle: [Report\n---\n",
            "content/2020/fr/regions/sahel.md": "---\ntitle: Sahel\ntranslation_key: sahel\nslug: Sahel!\n---\n",
        ])
        let first = site.build().messages
        #expect(first == [
            "content/2020/en/index.md:3:1: error: YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']'",
            "content/2020/fr/countries/niger.md:4:9: error: no region page 'nowhere.md' in this edition and language (known: sahel)",
            "content/2020/fr/countries/niger.md:5:18: error: 99 is not a Sustainable Development Goal (1 to 17)",
            "content/2020/fr/countries/niger.md:6:1: error: unknown key 'budget' in the front matter of a country page; did you mean 'budget_eur'?",
            "content/2020/fr/countries/niger.md:8:1: error: link to 'missing.md', which does not exist",
            "content/2020/fr/regions/sahel.md:4:7: error: the slug 'Sahel!' is not one URL segment of lowercase letters, digits and hyphens",
        ])
        #expect(site.build().messages == first)
    }
}

/// The remaining diagnostic kinds, one inline change each, as a table (after Hugo's error tables).
@Suite("Located diagnostics, table")
struct DiagnosticTableTests {
    static let niger = "content/2020/fr/countries/niger.md"
    static let front = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n"

    static let cases: [(String, [String: String?], String)] = [
        ("missing asset", [niger: front + "---\n[fiche](/assets/fiche.pdf)\n"],
         "\(niger):6:1: error: link to the asset '/assets/fiche.pdf', which is not in content/assets/"),
        ("image without alt", [niger: front + "---\n![](/assets/map.png)\n", "content/assets/map.png": "png"],
         "\(niger):6:1: warning: the image '/assets/map.png' has no alternative text"),
        ("HDI rank beyond the total", [niger: front + "key_data:\n  hdi_rank: 190\n  hdi_total: 189\n---\n"],
         "\(niger):6:13: error: the HDI rank 190 is beyond the 189 ranked countries"),
        ("SDG twice", [niger: front + "priority_areas: [4, 4]\n---\n"],
         "\(niger):5:21: error: Sustainable Development Goal 4 is listed twice"),
        ("negative figure", [niger: front + "budget_eur: -5\n---\n"],
         "\(niger):5:13: error: 'budget_eur' must not be negative"),
        ("list expected", [niger: front + "achievements: Beaucoup\n---\n"],
         "\(niger):5:15: error: 'achievements' must be a list, not the text 'Beaucoup'"),
        ("missing country code", ["content/2020/fr/countries/niger.md": "---\ntitle: Niger\nregion: sahel\n---\n"],
         "\(niger):2:1: error: the required key 'country' is missing"),
        ("misplaced file", ["content/2020/fr/countries/sahel/niger.md": "---\ntitle: Niger\n---\n"],
         "content/2020/fr/countries/sahel/niger.md:1:1: error: this file is not where Rapport looks for content: countries/ holds its pages directly (content/2020/fr/countries/<name>.md), without sub-folders"),
        ("missing edition home", ["content/2020/en/index.md": nil, "content/2020/fr/index.md": nil],
         "content/2020/en:1:1: error: the edition 2020 has no home page in 'en': add content/2020/en/index.md"),
        // A template the site does not have is the built-in theme's, checked as the site's are, in its own name.
        ("template of the built-in theme", ["templates/region.mustache": nil],
         "(built-in theme)/region.mustache:5:19: error: the interface string 'edition_label' is used by (built-in theme)/region.mustache but missing in content/i18n/fr.yaml"),
        ("missing i18n file", ["content/i18n/en.yaml": nil],
         "content/i18n/en.yaml:1:1: error: the interface strings of 'en' are missing: add content/i18n/en.yaml"),
        ("i18n value not text", ["content/i18n/en.yaml": "skip: Skip\nmore: [a]\nna: N/A\n"],
         "content/i18n/en.yaml:2:7: error: the interface string 'more' must be text"),
        ("unknown privacy page", ["content/site.yaml": TestSite.siteYAML + "\nprivacy_page: privacy\n"],
         "content/site.yaml:1:1: error: privacy_page 'privacy' is not the translation_key or file name of a page in content/pages/"),
        ("unknown locale", ["content/site.yaml": TestSite.siteYAML.replacingOccurrences(of: "en_GB", with: "en_XX_bad")],
         "content/site.yaml:11:13: error: 'en_XX_bad' is not a locale known to this system (e.g. fr_LU, en_GB)"),
    ]

    @Test("each kind at its place", arguments: cases.indices)
    func kind(_ index: Int) {
        let (name, changes, expected) = Self.cases[index]
        let messages = TestSite(changes).build().messages
        #expect(messages.contains(expected), "\(name): \(messages)")
    }
}
