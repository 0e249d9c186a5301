@testable import RapportCore

/// A whole site written inline (path → text), after Publish's and Hugo's inline test sites: a valid
/// baseline that a test changes one file of, with small templates that print `Key: value|` markers.
struct TestSite {
    var files: [String: String]

    init(_ changes: [String: String?] = [:]) {
        files = Self.baseline
        for (path, text) in changes { files[path] = text }
    }

    func build(_ options: BuildOptions = BuildOptions()) -> BuildOutcome {
        SiteBuilder.build(SiteSource(files: files), options: options)
    }

    static let siteYAML = """
        title:
          fr: Rapport test
          en: Test report
        base_url: https://example.org/r/
        default_language: fr
        languages:
          - code: fr
            locale: fr_LU
            name: Français
          - code: en
            locale: en_GB
            name: English
        """

    static let templates: [String: String] = [
        "templates/base.mustache": "<html lang=\"{{chrome.lang}}\">Skip: {{t.skip}}|{{#chrome.draft}}DRAFT|{{/chrome.draft}}{{$main}}{{/main}}</html>\n",
        "templates/country.mustache": """
            {{<base}}{{$main}}Title: {{page.title}}|Intro: {{{page.body.intro}}}|{{#page.body.rest}}More: {{t.more}}: {{{.}}}|{{/page.body.rest}}\
            {{#page.keyData}}Population: {{population}}|GNI: {{gniPerCapita}}|HDI: {{hdiRank}}|Life: {{lifeExpectancy}}|\
            Programme: {{#programme}}{{.}}{{/programme}}{{#programmeNotApplicable}}{{t.na}}{{/programmeNotApplicable}}|{{/page.keyData}}\
            {{#page.priorityAreas}}SDG: {{number}} {{name}}|{{/page.priorityAreas}}\
            {{#page.budget}}Budget: {{.}}|{{/page.budget}}{{#page.region}}Region: {{label}} {{href}}|{{/page.region}}\
            {{#chrome.switcher}}Switch: {{label}} {{href}}|{{/chrome.switcher}}{{/main}}{{/base}}
            """,
        "templates/region.mustache": "{{<base}}{{$main}}Title: {{page.title}}|{{#page.countries}}Country: {{label}} {{href}}|{{/page.countries}}{{/main}}{{/base}}",
        "templates/edition.mustache": "{{<base}}{{$main}}Title: {{page.title}}|Intro: {{{page.body.intro}}}|{{#page.regions}}Region: {{title}}|{{/page.regions}}{{/main}}{{/base}}",
        "templates/page.mustache": "{{<base}}{{$main}}Title: {{page.title}}|{{{page.body.intro}}}{{/main}}{{/base}}",
        "templates/home.mustache": "{{<base}}{{$main}}Home: {{page.title}}|{{/main}}{{/base}}",
        "templates/root.mustache": "{{<base}}{{$main}}Root: {{page.target}}|{{/main}}{{/base}}",
        "templates/404.mustache": "{{<base}}{{$main}}Missing|{{/main}}{{/base}}",
        "templates/goal.mustache": "{{<base}}{{$main}}Goal: {{page.number}}|{{/main}}{{/base}}",
        "templates/comparison.mustache": "{{<base}}{{$main}}{{#page.rows}}Row: {{country.label}}|{{/page.rows}}{{/main}}{{/base}}",
        "templates/print.mustache": "{{<base}}{{$main}}Print: {{page.title}}|{{#page.sections}}{{{.}}}{{/page.sections}}{{#page.glossary}}End: {{title}}|{{#terms}}Term: {{id}} {{term}}|{{/terms}}{{/page.glossary}}{{/main}}{{/base}}",
        "templates/print-section.mustache": "Section: {{page.title}}|",
        "templates/glossary.mustache": """
            {{<base}}{{$main}}Glossary: {{page.title}}|{{#page.terms}}Term: {{id}} {{term}} = {{expansion}}{{#definition}} ({{.}}){{/definition}}|{{/page.terms}}\
            {{#chrome.switcher}}Switch: {{label}} {{href}}|{{/chrome.switcher}}{{/main}}{{/base}}
            """,
        "templates/data-table.mustache": """
            Table: {{page.id}} {{page.caption}}|{{#page.columns}}Col: {{label}}{{#isNumeric}} (n){{/isNumeric}}|{{/page.columns}}\
            {{#page.rows}}Row:{{#cells}} {{#href}}<{{.}}>{{/href}}{{text}}{{^text}}{{t.na}}{{/text}};{{/cells}}|{{/page.rows}}\
            {{#page.source}}Source: {{.}}|{{/page.source}}{{#page.note}}Note: {{.}}|{{/page.note}}{{#page.preliminary}}Preliminary|{{/page.preliminary}}\
            Download: {{page.downloadHref}} {{page.downloadSize}}|
            """,
        "templates/data-chart.mustache": """
            Chart: {{page.id}} {{page.title}}|Desc: {{page.desc}}|{{#page.bars}}Bar: {{series}} {{width}} {{value}}{{#hatched}} hatched{{/hatched}}|{{/page.bars}}\
            {{#page.series}}Series: {{name}} {{count(segments)}}|{{/page.series}}{{#page.gaps}}Gap: {{text}} {{x}}|{{/page.gaps}}\
            {{#page.ticks}}Tick: {{label}}|{{/page.ticks}}{{#page.table}}Then: {{caption}}|{{/page.table}}
            """,
        "templates/chapter.mustache": """
            {{<base}}{{$main}}Chapter: {{page.title}}|Body: {{{page.body.intro}}}|{{#chrome.breadcrumbs}}Crumb: {{label}} {{href}}|{{/chrome.breadcrumbs}}\
            {{#chrome.neighbours}}{{#previous}}Prev: {{label}} {{href}}|{{/previous}}{{#next}}Next: {{label}} {{href}}|{{/next}}{{/chrome.neighbours}}\
            {{#page.toc}}Toc: {{label}} {{href}}|{{#children}}Sub: {{label}} {{href}}|{{/children}}{{/page.toc}}\
            {{#page.contents}}Contents: {{label}} {{href}}|{{#children}}Under: {{label}}|{{/children}}{{/page.contents}}{{/main}}{{/base}}
            """,
    ]

    /// The strings Rapport's code reads (`InterfaceKey.required`): chart descriptions, footnotes, generated pages.
    static let chartStrings = [
        "fr": "chart_kind_bar: Barres.\nchart_kind_line: Courbes.\nchart_desc_bar: \"{series} : haut {max_label} ({max}), bas {min_label} ({min}).\"\n"
            + "chart_desc_line: \"{series} de {first_x} à {last_x} : {first} puis {last} ; bas {min}, haut {max}.\"\nchart_desc_one: \"{series} : {label} seul ({value}).\"\nchart_no_value: \"Rien en {x}.\"\nnot_available: n.d.\n"
            + "notes_title: Notes\nnote_back: Retour au texte\nglossary_slug: glossaire\nglossary_title: Glossaire\n"
            + "chart_title: Budget par pays\ncountry_column: Pays\nbudget: Budget\nnot_found_title: Page introuvable\ncomparison_title: Données clés\ncolon: \" :\"\nnot_applicable: s.o.\n",
        "en": "chart_kind_bar: Bars.\nchart_kind_line: Lines.\nchart_desc_bar: \"{series}: high {max_label} ({max}), low {min_label} ({min}).\"\n"
            + "chart_desc_line: \"{series} {first_x} to {last_x}: {first} then {last}; low {min}, high {max}.\"\nchart_desc_one: \"{series}: {label} only ({value}).\"\nchart_no_value: \"None in {x}.\"\nnot_available: n/a\n"
            + "notes_title: Notes\nnote_back: Back to the text\nglossary_slug: glossary\nglossary_title: Glossary\n"
            + "chart_title: Budget by country\ncountry_column: Country\nbudget: Budget\nnot_found_title: Page not found\ncomparison_title: Key data\ncolon: \":\"\nnot_applicable: N/A\n",
    ]

    static let baseline: [String: String] = templates.merging([
        "content/site.yaml": siteYAML,
        "content/i18n/fr.yaml": "skip: Aller au contenu\nmore: Lire plus\nna: s.o.\n" + chartStrings["fr"]!,
        "content/i18n/en.yaml": "skip: Skip to content\nmore: Read more\nna: N/A\n" + chartStrings["en"]!,
        "content/2020/fr/index.md": "---\ntitle: Rapport 2020\n---\nBienvenue.\n",
        "content/2020/en/index.md": "---\ntitle: Report 2020\n---\nWelcome.\n",
        "content/2020/fr/regions/sahel.md": "---\ntitle: Sahel\ntranslation_key: sahel\n---\nLe Sahel.\n",
        "content/2020/en/regions/sahel-en.md": "---\ntitle: Sahel\ntranslation_key: sahel\n---\nThe Sahel.\n",
        "content/2020/fr/countries/niger.md": """
            ---
            title: Niger
            country: NE
            region: sahel
            ---
            Intro du Niger.
            """,
        "content/2020/en/countries/niger.md": """
            ---
            title: Niger
            country: NE
            region: sahel-en
            ---
            Niger intro.
            """,
    ]) { a, _ in a }
}
