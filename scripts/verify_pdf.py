#!/usr/bin/env python3
"""Judges the PDFs of a built Rapport site with tools written by others (run with .venv/bin/python, which has
pikepdf and pdfua; poppler-utils from Debian):

  pdfinfo    A4 pages, tagged, a title, more than the cover and contents; the document language (pikepdf: /Lang)
  pdffonts   every font embedded (and subset)
  pdftotext  the sections' titles in the print page's order; each table-of-contents entry's page number is
             the page where its title is; euro figures written as the language writes them; each footnote's
             text on the page of its call
  pdfua      the PDF/UA-1 machine check of PyPI `pdfua` (no error)

    verify_pdf.py SITE                      # every PDF of SITE: one JSON list of problems on stdout
    verify_pdf.py --screenshots DIR SITE    # also the cover, a contents page and a chart page as PNG (pdftoppm)
    verify_pdf.py --file PDF LANG           # one PDF alone: pdfinfo, pdffonts, pdfua
    verify_pdf.py --plant KIND IN OUT       # a copy of IN with a planted fault (untagged, unembedded-font)
"""
import html
import json
import pathlib
import re
import subprocess
import sys

VENV = pathlib.Path(sys.executable).parent


def run(*command):
    return subprocess.run(list(command), capture_output=True, text=True)


def pdfs(site):
    return sorted(site.glob("*/*/*.pdf"))


def page_texts(pdf, pages):
    """The text of each page: one pdftotext run for the whole document (a run per page reads the whole file each
    time, minutes for an edition of 700 pages), cut at its form feeds, one after each page."""
    texts = run("pdftotext", "-layout", str(pdf), "-").stdout.split("\f")
    return (texts + [""] * pages)[:pages]


def normalised(text):
    text = html.unescape(text)
    text = re.sub(r"[\u00a0\u202f\u2009]", " ", text)
    # Hyphenation and line breaks: compare letters only.
    return re.sub(r"[^\w]+", "", text.replace("\u00ad", "")).lower()


def normalised_spaces(text):
    return re.sub(r"[\u00a0\u202f\u2009]", " ", text)


def print_page_titles(site, language, edition):
    """The sections' titles of the edition's print page, in its order (the reading order the PDF must follow)."""
    page = site / language / edition / "print" / "index.html"
    source = page.read_text(encoding="utf-8")
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r'<h2 id="[^"]+-title">(.*?)</h2>', source)]


def check_info(pdf, language):
    problems = []
    info = dict(line.split(":", 1) for line in run("pdfinfo", str(pdf)).stdout.splitlines() if ":" in line)
    info = {k.strip(): v.strip() for k, v in info.items()}
    if "(A4)" not in info.get("Page size", ""):
        problems.append(f"{pdf.name}: page size is {info.get('Page size')}, not A4")
    if info.get("Tagged") != "yes":
        problems.append(f"{pdf.name}: not a tagged PDF (pdfinfo Tagged: {info.get('Tagged')})")
    if not info.get("Title"):
        problems.append(f"{pdf.name}: no title in its metadata")
    pages = int(info.get("Pages", "0"))
    if pages < 3:
        problems.append(f"{pdf.name}: {pages} pages, fewer than a cover, a contents page and the text")
    import pikepdf
    with pikepdf.open(pdf) as document:
        lang = str(document.Root.get("/Lang", ""))
        if lang != language:
            problems.append(f"{pdf.name}: document language is '{lang}', not '{language}'")
        shows_title = document.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)
        if not shows_title:
            problems.append(f"{pdf.name}: the title is not shown as the window title (DisplayDocTitle)")
        if len(document.open_outline().root) == 0:
            problems.append(f"{pdf.name}: no bookmarks")
    return problems, pages, info.get("Title", "")


def check_fonts(pdf):
    rows = run("pdffonts", str(pdf)).stdout.splitlines()[2:]
    if not rows:
        return [f"{pdf.name}: pdffonts lists no font"]
    problems = []
    for row in rows:
        fields = row.split()
        # name type… encoding emb sub uni object ID: the yes/no columns are the 5th to 3rd from the end.
        emb, sub = fields[-5], fields[-4]
        if emb != "yes":
            problems.append(f"{pdf.name}: the font {fields[0]} is not embedded")
        elif sub != "yes":
            problems.append(f"{pdf.name}: the font {fields[0]} is embedded whole, not subset")
    return problems


def contents_entries(texts):
    """(title, page number) of every line of the table of contents, and the index of the first page after it: the
    pages after the cover until the first page that has no line ending in a number after leader dots."""
    entries, after = [], 1
    for index, text in enumerate(texts[1:], start=1):
        found = re.findall(r"^\s*(.+?)\s*(?:\.\s*){2,}\s*(\d+)\s*$", text, re.M)
        if not found:
            if entries:
                break
            continue
        entries += [(title.strip(), int(number)) for title, number in found]
        after = index + 1
    return entries, after


def check_text(pdf, site, language, edition, pages):
    problems = []
    texts = page_texts(pdf, pages)
    entries, start = contents_entries(texts)
    if not entries:
        return [f"{pdf.name}: no table of contents with page numbers found"], texts
    for title, number in entries:
        if number < 1 or number > pages:
            problems.append(f"{pdf.name}: the contents give page {number} for '{title}', beyond the {pages} pages")
        elif normalised(title) not in normalised(texts[number - 1]):
            problems.append(f"{pdf.name}: the contents give page {number} for '{title}', which is not on that page")
    # Reading order: the print page's sections, found one after the other in the text after the contents.
    body = normalised("".join(texts[start:]))
    position = 0
    for title in print_page_titles(site, language, edition):
        found = body.find(normalised(title), position)
        if found < 0:
            problems.append(f"{pdf.name}: '{title}' is not found after the section before it (reading order)")
        else:
            position = found
    # Figures: every number of the print page's tables is in the PDF as the page writes it (formatted for the
    # language), and the language's own digit grouping or decimal sign is there.
    whole = normalised_spaces("\n".join(texts))
    source = (site / language / edition / "print" / "index.html").read_text(encoding="utf-8")
    figures = {normalised_spaces(html.unescape(re.sub(r"<[^>]+>", "", cell))).strip()
               for cell in re.findall(r"<td[^>]*>(.*?)</td>", source, re.S)}
    squeezed = whole.replace(" ", "").replace("\n", "")
    for figure in sorted(f for f in figures if re.search(r"\d", f)):
        if figure.replace(" ", "") not in squeezed:
            problems.append(f"{pdf.name}: the figure '{figure}' of the print page is not in the PDF")
    problems += check_footnotes(pdf, site, language, edition, texts, start)
    pattern = r"\d\.\d{3}|\d,\d" if language == "fr" else r"\d,\d{3}|\d\.\d"
    if not re.search(pattern, whole):
        problems.append(f"{pdf.name}: no number written as {language} writes it ({pattern})")
    return problems, texts


def print_page_notes(site, language, edition):
    """(the last words before the call, the note's first words) of every footnote of the edition's print page, both
    normalised: the note is at the end of its section there, and its call a <sup class="footnote-ref">."""
    source = (site / language / edition / "print" / "index.html").read_text(encoding="utf-8")
    notes = []
    for call in re.finditer(r'<sup class="footnote-ref"><a href="#([^"]+)"[^>]*>[^<]*</a></sup>', source):
        before = normalised(re.sub(r"<[^>]+>", " ", source[max(0, call.start() - 600):call.start()]))[-30:]
        item = re.search(r'<li id="' + re.escape(call.group(1)) + r'">(.*?)</li>', source, re.S)
        if not item:
            continue
        text = re.sub(r'<a [^>]*class="footnote-back"[^>]*>.*?</a>', "", item.group(1), flags=re.S)
        words = normalised(re.sub(r"<[^>]+>", " ", text))
        notes.append((before, words[:40], words[-40:], html.unescape(re.sub(r"<[^>]+>", "", text)).strip()))
    return notes


def check_footnotes(pdf, site, language, edition, texts, start):
    """Each footnote's text is at the foot of the page of its call: the words before the call and the note's first
    and last words on the same page (pdftotext, page by page; the contents pages before `start` left out). The
    engine never splits a note across pages: one longer than the page is cut, its end nowhere."""
    problems = []
    pages = [normalised(text) for text in texts]
    for before, note, end, shown in print_page_notes(site, language, edition):
        call_pages = [n + 1 for n in range(start, len(pages)) if before and before in pages[n]]
        note_pages = [n + 1 for n in range(start, len(pages)) if note and note in pages[n]]
        end_pages = [n + 1 for n in range(start, len(pages)) if end and end in pages[n]]
        if not note_pages:
            problems.append(f"{pdf.name}: the note '{shown[:60]}' is not in the PDF")
        elif not set(note_pages) & set(end_pages):
            problems.append(f"{pdf.name}: the note '{shown[:60]}' is cut: its last words are not on its page (longer than a page?)")
        elif not call_pages:
            problems.append(f"{pdf.name}: the call of the note '{shown[:60]}' is not found (its line is split across pages?)")
        elif not set(call_pages) & set(note_pages):
            problems.append(f"{pdf.name}: the note '{shown[:60]}' is on page {note_pages[0]}, not on page {call_pages[0]} "
                            "where it is called")
    return problems


def check_pdfua(pdf):
    """PyPI pdfua (its machine-checkable subset of PDF/UA-1: no error), then the rules of the Matterhorn
    protocol it does not cover that pikepdf can judge: the catalog's marks, language, title shown, the PDF/UA
    identifier in the XMP metadata, a structure tree, and alternative text on every figure."""
    result = run(str(VENV / "pdfua"), "check", "--format", "json", str(pdf))
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [f"{pdf.name}: pdfua gave no report: {result.stderr.strip()[:300]}"]
    problems = [f"{pdf.name}: PDF/UA-1 {f.get('rule_id')} ({f.get('location', '')}): {f.get('message', '')[:200]}"
                for f in report.get("findings", []) if f.get("severity") == "error"]
    import pikepdf
    with pikepdf.open(pdf) as document:
        root = document.Root
        if not root.get("/MarkInfo", {}).get("/Marked", False):
            problems.append(f"{pdf.name}: PDF/UA-1 01-001: the catalog is not marked (/MarkInfo /Marked true)")
        if "/StructTreeRoot" not in root:
            problems.append(f"{pdf.name}: PDF/UA-1 01-002: no structure tree")
        metadata = str(root.get("/Metadata").read_bytes(), "utf-8", "replace") if "/Metadata" in root else ""
        if 'pdfuaid:part="1"' not in metadata and "<pdfuaid:part>1<" not in metadata:
            problems.append(f"{pdf.name}: PDF/UA-1 06-002: no PDF/UA identifier in the XMP metadata")
        if "<dc:title>" not in metadata:
            problems.append(f"{pdf.name}: PDF/UA-1 06-003: no dc:title in the XMP metadata")
        figures = without_alt = 0
        stack = [root["/StructTreeRoot"]] if "/StructTreeRoot" in root else []
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Array):
                stack.extend(element)
                continue
            if not isinstance(element, pikepdf.Dictionary):
                continue
            if element.get("/S") == "/Figure":
                figures += 1
                if not str(element.get("/Alt", "")).strip():
                    without_alt += 1
            kids = element.get("/K")
            if kids is not None:
                stack.append(kids)
        if without_alt:
            problems.append(f"{pdf.name}: PDF/UA-1 13-004: {without_alt} of {figures} figures have no alternative text")
    return problems


def screenshots(pdf, texts, folder, language, chart_title):
    folder.mkdir(parents=True, exist_ok=True)
    # The first page past the cover and the contents (no leader dots) that shows the chart's title.
    chart_page = next((i + 1 for i, t in enumerate(texts) if i >= 2 and chart_title and "....." not in t
                       and normalised(chart_title) in normalised(t)), None)
    shots = [("cover", 1), ("contents", 2)] + ([("chart", chart_page)] if chart_page else [])
    for name, page in shots:
        run("pdftoppm", "-png", "-r", "70", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(folder / f"pdf-{name}-{language}"))
    return [] if chart_page else [f"{pdf.name}: no page with the chart '{chart_title}' for its screenshot"]


def check_site(site, screenshot_folder=None):
    problems, found = [], pdfs(site)
    if not found:
        return ["no PDF in the site (built without --pdf?)"]
    for pdf in found:
        language, edition = pdf.parent.parent.name, pdf.parent.name
        info_problems, pages, _ = check_info(pdf, language)
        problems += info_problems + check_fonts(pdf) + check_pdfua(pdf)
        text_problems, texts = check_text(pdf, site, language, edition, pages)
        problems += text_problems
        if screenshot_folder and edition == max(p.parent.name for p in found):
            home = (site / language / edition / "index.html").read_text(encoding="utf-8")
            chart = re.search(r'<h2 id="budget-chart-title">(.*?)</h2>', home)
            problems += screenshots(pdf, texts, screenshot_folder, language, chart and html.unescape(chart.group(1)))
    return problems


def plant(kind, source, target):
    import pikepdf
    with pikepdf.open(source) as document:
        if kind == "untagged":
            del document.Root["/MarkInfo"]
            del document.Root["/StructTreeRoot"]
        elif kind == "unembedded-font":
            for page in document.pages:
                for font in page.Resources.get("/Font", {}).values():
                    for descendant in font.get("/DescendantFonts", []):
                        descriptor = descendant.get("/FontDescriptor")
                        if descriptor is not None and "/FontFile2" in descriptor:
                            del descriptor["/FontFile2"]
        document.save(target, deterministic_id=True)


def main(arguments):
    if arguments[:1] == ["--plant"]:
        plant(arguments[1], arguments[2], arguments[3])
        return
    if arguments[:1] == ["--file"]:
        pdf = pathlib.Path(arguments[1])
        print(json.dumps(check_info(pdf, arguments[2])[0] + check_fonts(pdf) + check_pdfua(pdf)))
        return
    folder = None
    if arguments[:1] == ["--screenshots"]:
        folder, arguments = pathlib.Path(arguments[1]), arguments[2:]
    print(json.dumps(check_site(pathlib.Path(arguments[0]), folder)))


if __name__ == "__main__":
    main(sys.argv[1:])
