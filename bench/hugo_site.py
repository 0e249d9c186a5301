#!/usr/bin/env python3
"""Turns a corpus of bench/make_corpus.py into an equivalent Hugo site, for timing Hugo on the same Markdown.

    python3 bench/hugo_site.py --corpus /tmp/rapport-bench/m --out /tmp/rapport-bench/hugo-m
    hugo --quiet -s /tmp/rapport-bench/hugo-m -d /tmp/rapport-bench/hugo-m-out

The corpus files are hard-linked (or copied) under SITE/corpus/ and mounted per edition and language
(corpus/<year>/<lang>/countries -> content/<year>/countries, language <lang>), so that URLs are
/<lang>/<year>/countries/<slug>/ as with Rapport. The templates do the work Rapport's theme does: a base
layout (site title, skip link, language switcher to the same page in the other language through a map built
once per build, canonical and hreflang links, edition navigation, footer); country pages with the
introduction and the rest of the body in a <details> fold, priority areas with SDG names, key data with
locale-formatted numbers, achievements and the budget in euros; a link render hook that turns `slug.md` links
into page URLs; a page per edition, per region (taxonomy) and a home page per language. RSS, sitemap,
robots.txt and 404 are off (the timing compares page rendering); Goldmark is kept close to plain CommonMark.
"""
import argparse
import os
import shutil

SDG_FR = ["Pas de pauvreté", "Faim « zéro »", "Bonne santé et bien-être", "Éducation de qualité",
          "Égalité entre les sexes", "Eau propre et assainissement", "Énergie propre et d’un coût abordable",
          "Travail décent et croissance économique", "Industrie, innovation et infrastructure", "Inégalités réduites",
          "Villes et communautés durables", "Consommation et production responsables",
          "Mesures relatives à la lutte contre les changements climatiques", "Vie aquatique", "Vie terrestre",
          "Paix, justice et institutions efficaces", "Partenariats pour la réalisation des objectifs"]
SDG_EN = ["No poverty", "Zero hunger", "Good health and well-being", "Quality education", "Gender equality",
          "Clean water and sanitation", "Affordable and clean energy", "Decent work and economic growth",
          "Industry, innovation and infrastructure", "Reduced inequalities", "Sustainable cities and communities",
          "Responsible consumption and production", "Climate action", "Life below water", "Life on land",
          "Peace, justice and strong institutions", "Partnerships for the goals"]

BASEOF = """<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/rapport.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#content">{{ i18n "skip_to_content" }}</a>
<header class="site-header">
<p class="site-title"><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
<nav aria-label="{{ i18n "language_switcher" }}"><ul>{{ partial "switcher.html" . }}</ul></nav>
<nav aria-label="{{ i18n "editions_nav" }}"><ul>
{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ i18n "edition_label" }} {{ .Title }}</a></li>{{ end }}
</ul></nav>
</header>
<main id="content" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Title }}</p></footer>
</body>
</html>
"""

SWITCHER = """{{ $page := . }}
{{ $map := partialCached "translations.html" "map" }}
{{ range site.Languages }}
  {{ $lang := .Lang }}
  {{ if eq $lang site.Language.Lang }}
    <li><a href="{{ $page.RelPermalink }}" aria-current="page">{{ .LanguageName }}</a></li>
  {{ else }}
    {{ $key := printf "%s/%s/%s" $lang $page.Section (string $page.Params.translation_key) }}
    {{ $target := index $map $key }}
    {{ if not $target }}{{ $target = printf "/%s/" $lang }}{{ end }}
    <li><a href="{{ $target }}" hreflang="{{ $lang }}" lang="{{ $lang }}">{{ .LanguageName }}</a></li>
  {{ end }}
{{ end }}
"""

# Built once per build (partialCached), in a Scratch map: O(1) per page, not a `merge` per page.
TRANSLATIONS = """{{ $map := newScratch }}
{{ range site.Sites }}
  {{ $lang := .Language.Lang }}
  {{ range .RegularPages }}
    {{ $p := . }}
    {{ with $p.Params.translation_key }}
      {{ $map.SetInMap "pages" (printf "%s/%s/%s" $lang $p.Section .) $p.RelPermalink }}
    {{ end }}
  {{ end }}
{{ end }}
{{ return $map.Get "pages" }}
"""

SINGLE = """{{ define "main" }}
<article class="country">
<p class="kicker">{{ i18n "edition_label" }} {{ .Section }}{{ range .GetTerms "region" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
<h1>{{ .Title }}</h1>
{{ $parts := split .Content "<!-- more -->" }}
<div class="intro">{{ index $parts 0 | safeHTML }}</div>
{{ if gt (len $parts) 1 }}
<details class="more"><summary>{{ i18n "read_more" }}</summary>{{ index $parts 1 | safeHTML }}</details>
{{ end }}
{{ with .Params.priority_areas }}
<section id="priority-areas"><h2>{{ i18n "priority_areas" }}</h2><ul>
{{ range . }}<li><span>{{ i18n "sdg_label" }} {{ . }}</span> {{ index (index site.Data.sdg site.Language.Lang) (sub . 1) }}</li>{{ end }}
</ul></section>
{{ end }}
{{ with .Params.key_data }}
<section id="key-data"><h2>{{ i18n "key_data" }}</h2><table><tbody>
{{ with .population_millions }}<tr><th scope="row">{{ i18n "population" }}</th><td>{{ lang.FormatNumber 1 . }}</td></tr>{{ end }}
{{ with .gni_per_capita_usd }}<tr><th scope="row">{{ i18n "gni_per_capita" }}</th><td>{{ lang.FormatNumber 0 . }} USD</td></tr>{{ end }}
{{ with .hdi_rank }}<tr><th scope="row">{{ i18n "hdi_rank" }}</th><td>{{ lang.FormatNumber 0 . }}/{{ lang.FormatNumber 0 $.Params.key_data.hdi_total }}</td></tr>{{ end }}
{{ with .life_expectancy }}<tr><th scope="row">{{ i18n "life_expectancy" }}</th><td>{{ lang.FormatNumber 1 . }}</td></tr>{{ end }}
<tr><th scope="row">{{ i18n "cooperation_programme" }}</th><td>{{ with .cooperation_programme }}{{ . }}{{ else }}{{ i18n "not_applicable" }}{{ end }}</td></tr>
</tbody></table></section>
{{ end }}
{{ with .Params.achievements }}
<section id="achievements"><h2>{{ i18n "achievements" }} {{ $.Section }}</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul></section>
{{ end }}
{{ with .Params.budget_eur }}<section id="budget"><h2>{{ i18n "budget" }}</h2><p>{{ lang.FormatCurrency 0 "EUR" . }}</p></section>{{ end }}
</article>
{{ end }}
"""

LIST = """{{ define "main" }}
<h1>{{ i18n "edition_label" }} {{ .Title }}</h1>
<ul>{{ range .RegularPages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
"""

TERM = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ range .Pages.ByTitle }}
<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ $parts := split .Content "<!-- more -->" }}{{ index $parts 0 | safeHTML }}</section>
{{ end }}
{{ end }}
"""

TERMS = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ end }}
"""

HOME = """{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{ range site.Sections }}
<section><h2><a href="{{ .RelPermalink }}">{{ i18n "edition_label" }} {{ .Title }}</a></h2>
<ul>{{ range .RegularPages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>
</section>
{{ end }}
{{ end }}
"""

RENDER_LINK = """{{- $dest := .Destination -}}
{{- if and (strings.HasSuffix $dest ".md") (not (strings.Contains $dest "://")) -}}
  {{- $dest = printf "../%s/" (strings.TrimSuffix ".md" (path.Base $dest)) -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def link_or_copy_tree(source, target):
    for folder, _, files in os.walk(source):
        relative = os.path.relpath(folder, source)
        os.makedirs(os.path.join(target, relative), exist_ok=True)
        for name in files:
            src, dst = os.path.join(folder, name), os.path.join(target, relative, name)
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    corpus = os.path.join(args.corpus, "content")
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    link_or_copy_tree(corpus, os.path.join(args.out, "corpus"))
    years = sorted(name for name in os.listdir(corpus) if name.isdigit())

    config = ['baseURL = "https://example.org/bench/"', 'defaultContentLanguage = "fr"',
              "defaultContentLanguageInSubdir = true", 'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]',
              "", "[taxonomies]", 'region = "region"', "",
              "[markup.goldmark.renderer]", "unsafe = true",
              "[markup.goldmark.parser]", "autoHeadingID = false",
              "[markup.goldmark.extensions]", "typographer = false", "linkify = false", "table = false",
              "strikethrough = false", "definitionList = false", "footnote = false", "taskList = false", "",
              "[languages.fr]", 'languageName = "Français"', "weight = 1", 'title = "Rapport synthétique"',
              "[languages.en]", 'languageName = "English"', "weight = 2", 'title = "Synthetic report"', ""]
    for year in years:
        for lang in ("fr", "en"):
            if os.path.isdir(os.path.join(corpus, year, lang, "countries")):
                config += ["[[module.mounts]]", f'source = "corpus/{year}/{lang}/countries"',
                           f'target = "content/{year}/countries"', f'lang = "{lang}"', ""]
    write(os.path.join(args.out, "hugo.toml"), "\n".join(config))

    labels = {
        "fr": {"skip_to_content": "Aller au contenu", "language_switcher": "Langue", "editions_nav": "Éditions du rapport",
               "edition_label": "Rapport annuel", "read_more": "Lire plus", "priority_areas": "Domaines d’intervention prioritaires",
               "sdg_label": "ODD", "key_data": "Données de référence", "population": "Population (en millions)",
               "gni_per_capita": "RNB par habitant", "hdi_rank": "Classement IDH", "life_expectancy": "Espérance de vie",
               "cooperation_programme": "Programme indicatif de coopération", "not_applicable": "s.o.",
               "achievements": "Réalisations clés", "budget": "Budget"},
        "en": {"skip_to_content": "Skip to content", "language_switcher": "Language", "editions_nav": "Report editions",
               "edition_label": "Annual report", "read_more": "Read more", "priority_areas": "Priority areas",
               "sdg_label": "SDG", "key_data": "Key data", "population": "Population (millions)",
               "gni_per_capita": "GNI per capita", "hdi_rank": "HDI rank", "life_expectancy": "Life expectancy",
               "cooperation_programme": "Indicative cooperation programme", "not_applicable": "N/A",
               "achievements": "Key achievements", "budget": "Budget"},
    }
    for lang, table in labels.items():
        write(os.path.join(args.out, "i18n", f"{lang}.toml"),
              "".join(f'{key} = "{value}"\n' for key, value in table.items()))
    write(os.path.join(args.out, "data", "sdg.toml"),
          "fr = [" + ", ".join(f'"{n}"' for n in SDG_FR) + "]\nen = [" + ", ".join(f'"{n}"' for n in SDG_EN) + "]\n")
    layouts = os.path.join(args.out, "layouts")
    write(os.path.join(layouts, "_default", "baseof.html"), BASEOF)
    write(os.path.join(layouts, "_default", "single.html"), SINGLE)
    write(os.path.join(layouts, "_default", "list.html"), LIST)
    write(os.path.join(layouts, "_default", "term.html"), TERM)
    write(os.path.join(layouts, "_default", "terms.html"), TERMS)
    write(os.path.join(layouts, "index.html"), HOME)
    write(os.path.join(layouts, "partials", "switcher.html"), SWITCHER)
    write(os.path.join(layouts, "partials", "translations.html"), TRANSLATIONS)
    write(os.path.join(layouts, "_default", "_markup", "render-link.html"), RENDER_LINK)
    write(os.path.join(args.out, "static", "assets", "rapport.css"), "body { font-family: sans-serif; }\n")


if __name__ == "__main__":
    main()
