#!/usr/bin/env python3
"""Writes a synthetic bilingual report in Rapport's content format, deterministically (seeded).

    python3 bench/make_corpus.py --countries 200 --years 2020-2024 --out /tmp/rapport-bench/m

Per edition (year) and language: an edition home page, one page per region that has countries, and one page
per country: front matter as the contract describes (title, country, region, translation_key, summary,
key_data, priority_areas, achievements, budget_eur) and a body of 600 to 1,500 words in French (the English
page follows the same plan, about 15 % shorter): a lead paragraph, <!-- more -->, then sections with lists,
emphasis, links to other country pages of the same edition and language, and external links.
Only the standard library; the same options give the same bytes.
"""
import argparse
import os
import random
import shutil

ISO = ("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW "
       "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI "
       "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN "
       "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME "
       "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF "
       "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
       "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE "
       "YT ZA ZM ZW").split()

REGIONS = [  # (fr title, fr slug, en title, en slug)
    ("Afrique de l’Ouest", "afrique-de-l-ouest", "West Africa", "west-africa"),
    ("Afrique de l’Est", "afrique-de-l-est", "East Africa", "east-africa"),
    ("Afrique australe", "afrique-australe", "Southern Africa", "southern-africa"),
    ("Asie du Sud-Est", "asie-du-sud-est", "South-East Asia", "south-east-asia"),
    ("Asie de l’Est", "asie-de-l-est", "East Asia", "east-asia"),
    ("Amérique centrale", "amerique-centrale", "Central America", "central-america"),
    ("Amérique du Sud", "amerique-du-sud", "South America", "south-america"),
    ("Europe de l’Est", "europe-de-l-est", "Eastern Europe", "eastern-europe"),
    ("Proche-Orient", "proche-orient", "Near East", "near-east"),
]

SYLLABLES = "ba be bi bo bu da de di do ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no ra re ri ro sa se si so ta te ti to va vi za zo".split()

FR_WORDS = ("coopération santé éducation formation programme projet partenaires autorités gouvernement renforcement "
            "capacités services accès eau assainissement énergie femmes jeunes inclusion finance microfinance "
            "gouvernance décentralisation agriculture sécurité alimentaire climat résilience emploi écoles hôpitaux "
            "communes provinces district évaluation appui technique budget réalisation mise œuvre suivi qualité "
            "populations rurales urbaines développement durable numérique dialogue politique stratégie nationale").split()
EN_WORDS = ("cooperation health education training programme project partners authorities government strengthening "
            "capacity services access water sanitation energy women young inclusion finance microfinance governance "
            "decentralisation agriculture food security climate resilience employment schools hospitals districts "
            "evaluation support technical budget achievement implementation monitoring quality rural urban people "
            "sustainable development digital policy dialogue national strategy").split()
FR_GLUE = "le la les des du un une et en pour avec dans sur par au aux qui que".split()
EN_GLUE = "the a of and in for with on by to which that".split()
SECTIONS_FR = ["Contexte", "Priorités", "Résultats", "Partenariats", "Perspectives"]
SECTIONS_EN = ["Context", "Priorities", "Results", "Partnerships", "Outlook"]


def years_from(specs):
    years = []
    for spec in specs:
        for part in spec.split(","):
            if "-" in part:
                a, b = part.split("-")
                years += list(range(int(a), int(b) + 1))
            elif part:
                years.append(int(part))
    return sorted(set(years))


def country_names(count, seed):
    rng = random.Random(f"{seed}:names")
    names, seen = [], set()
    while len(names) < count:
        base = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if base in seen:
            continue
        seen.add(base)
        names.append((base + "ie", base + "ia"))  # French and English forms differ, so do the slugs
    return names


def sentence(rng, words, glue, links, link_chance):
    parts = []
    for i in range(rng.randint(10, 22)):
        word = rng.choice(glue) if i % 2 else rng.choice(words)
        roll = rng.random()
        if roll < 0.03:
            word = f"*{word}*"
        elif roll < 0.05:
            word = f"**{word}**"
        elif roll < 0.05 + link_chance and links:
            title, slug = rng.choice(links)
            word = f"[{title}]({slug}.md)"
        parts.append(word)
    return " ".join(parts).capitalize()


def body(rng, french, links, words_target):
    words, glue = (FR_WORDS, FR_GLUE) if french else (EN_WORDS, EN_GLUE)
    sections = SECTIONS_FR if french else SECTIONS_EN
    out, count = [], 0

    def add(text):
        nonlocal count
        count += len(text.split())
        out.append(text)

    def paragraph(n):
        return ". ".join(sentence(rng, words, glue, links, 0.02) for _ in range(n)) + "."

    add(paragraph(3))
    out.append("<!-- more -->")
    amount = f"{rng.randint(1, 9)} millions d’euros" if french else f"EUR {rng.randint(1, 9)} million"
    quote = "« un partenariat solide » : c’est l’objectif ; il reste à l’atteindre !" if french else \
        "“a strong partnership”: that is the goal; it remains to be reached!"
    index = 0
    while count < words_target:
        add(f"## {sections[index % len(sections)]}" + (f" {index // len(sections) + 1}" if index >= len(sections) else ""))
        add(paragraph(rng.randint(2, 4)))
        add("\n".join(f"- {sentence(rng, words, glue, links, 0.05)}" for _ in range(rng.randint(2, 4))))
        if index % 2 == 0:
            add(f"{quote} Budget : {amount}, soit 45 % du total. Voir [le site](https://example.org/{index})." if french
                       else f"{quote} Budget: {amount}, or 45% of the total. See [the site](https://example.org/{index}).")
        index += 1
    return "\n\n".join(out) + "\n"


def yaml_text(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--countries", type=int, default=100)
    parser.add_argument("--years", nargs="+", default=["2024"])
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", default="42")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    if not 1 <= args.countries <= len(ISO):
        parser.error(f"--countries must be 1 to {len(ISO)}")
    content = os.path.join(args.out, "content")
    if os.path.exists(content):
        if not args.force:
            parser.error(f"{content} exists (use --force)")
        shutil.rmtree(content)
    years = years_from(args.years)
    names = country_names(args.countries, args.seed)
    codes = list(ISO)
    random.Random(f"{args.seed}:codes").shuffle(codes)

    def write(path, text):
        full = os.path.join(content, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)

    write("site.yaml", "title:\n  fr: Rapport synthétique\n  en: Synthetic report\nbase_url: https://example.org/bench/\n"
                       "default_language: fr\nlanguages:\n  - code: fr\n    locale: fr_LU\n    name: Français\n"
                       "  - code: en\n    locale: en_GB\n    name: English\n")
    for year in years:
        rng = random.Random(f"{args.seed}:{year}")
        region_of = [rng.randrange(len(REGIONS)) for _ in range(args.countries)]
        used_regions = sorted(set(region_of))
        for lang in ("fr", "en"):
            french = lang == "fr"
            title = f"Rapport annuel {year}" if french else f"Annual report {year}"
            write(f"{year}/{lang}/index.md", f"---\ntitle: {title}\n---\n" +
                  ("Les pays partenaires de cette édition.\n" if french else "The partner countries of this edition.\n"))
            for r in used_regions:
                fr_title, fr_slug, en_title, en_slug = REGIONS[r]
                write(f"{year}/{lang}/regions/{fr_slug if french else en_slug}.md",
                      f"---\ntitle: {yaml_text(fr_title if french else en_title)}\ntranslation_key: {en_slug}\n---\n"
                      + ("La région et ses pays partenaires.\n" if french else "The region and its partner countries.\n"))
        for i in range(args.countries):
            page_rng = random.Random(f"{args.seed}:{year}:{i}")
            words = page_rng.randint(600, 1500)
            data = {
                "population_millions": round(page_rng.uniform(0.5, 120), 1),
                "gni_per_capita_usd": page_rng.randint(300, 20000),
                "hdi_rank": page_rng.randint(1, 189),
                "life_expectancy": round(page_rng.uniform(50, 80), 1),
                "programme": None if page_rng.random() < 0.3 else f"{year - 2}-{year + 2}",
            }
            goals = sorted(page_rng.sample(range(1, 18), page_rng.randint(2, 5)))
            budget = page_rng.randint(1, 50) * 100000
            achievements = page_rng.randint(2, 5)
            for lang in ("fr", "en"):
                french = lang == "fr"
                rng_body = random.Random(f"{args.seed}:{year}:{i}:body")
                name = names[i][0 if french else 1]
                slug = name.lower()
                neighbours = [(names[j][0 if french else 1], names[j][0 if french else 1].lower())
                              for j in rng_body.sample(range(args.countries), min(5, args.countries)) if j != i]
                region = REGIONS[region_of[i]][1 if french else 3]
                programme = "null" if data["programme"] is None else data["programme"]
                items = "".join(f"  - {yaml_text((f'Réalisation {k + 1} : {k * 120 + 30} personnes formées' if french else f'Achievement {k + 1}: {k * 120 + 30} people trained'))}\n"
                                for k in range(achievements))
                front = (f"---\ntitle: {name}\ncountry: {codes[i]}\nregion: {region}\ntranslation_key: country-{i:05d}\n"
                         f"summary: {yaml_text(('La coopération avec ' if french else 'Cooperation with ') + name + '.')}\n"
                         f"key_data:\n  population_millions: {data['population_millions']}\n"
                         f"  gni_per_capita_usd: {data['gni_per_capita_usd']}\n  hdi_rank: {data['hdi_rank']}\n  hdi_total: 189\n"
                         f"  life_expectancy: {data['life_expectancy']}\n  cooperation_programme: {programme}\n"
                         f"priority_areas: [{', '.join(map(str, goals))}]\nachievements:\n{items}budget_eur: {budget}\n---\n")
                write(f"{year}/{lang}/countries/{slug}.md",
                      front + body(rng_body, french, neighbours, words if french else int(words * 0.85)))


if __name__ == "__main__":
    main()
