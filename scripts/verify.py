#!/usr/bin/env python3
"""Judges a built Rapport site with tools written by others, offline:

  vnu          the Nu HTML checker on every page: zero errors
  links        linkchecker over the site served on 127.0.0.1, from "/": zero broken links, anchors included
  axe          axe-core (WCAG 2.1 A and AA rules) in headless Chromium on every page of both languages
  overflow     every page at 390 px wide: no horizontal scrolling
  screenshots  home, edition home and a country page per language at 1280 and 390 px (into screenshots/)
  behaviour    the "Lire plus / Read more" fold and the language switcher, with JavaScript on and off
  commonmark   the 652 examples of the CommonMark 0.30 spec and the 672 of the GFM spec (CommonMark core, tables,
               strikethrough, autolinks) through Rapport's Markdown stage; the examples libcmark-gfm 0.29 is known to
               miss (docs/reference/content.md, "Conformance") must fail, the others pass
  pdf          the site built with --pdf: each edition's PDF judged by pdfinfo, pdffonts, pdftotext and a PDF/UA-1
               machine check (scripts/verify_pdf.py); its cover, a contents page and a chart page as PNG
  identical    a second build with --pdf into another folder: every file (the PDFs too) the same bytes

    scripts/verify                   # the repository's report, every check
    scripts/verify --selftest        # a site with a planted missing alt text, broken link and overflow:
                                     # the matching checks must fail; PDFs with a wrong contents page number,
                                     # no tags, a font not embedded: the pdf check must fail

Run through scripts/verify, which installs what it needs (apt, a virtual environment, PyPI downloads).
"""
import argparse
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading

REPO = pathlib.Path(__file__).resolve().parent.parent
TOOLS = REPO / "tools"
RAPPORT = REPO / ".build" / "debug" / "rapport"
VENV_PYTHON = REPO / ".venv" / "bin" / "python"


# MARK: - Building and serving

def build(root, output, strict=True, pdf=False):
    command = [str(RAPPORT), "build", "--root", str(root), "--output", str(output)] + (["--strict"] if strict else []) \
        + (["--pdf"] if pdf else [])
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"rapport build failed:\n{result.stderr}")


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        # linkchecker limits itself to ~3 requests/s unless the server allows more with this header.
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pages(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html"))


def url_of(base, page):
    return base + (page[:-len("index.html")] if page.endswith("index.html") else page)


# MARK: - Checks (each returns a list of problems)

def check_vnu(site, base):
    result = subprocess.run(["java", "-jar", str(TOOLS / "vnu.jar"), "--skip-non-html", "--errors-only", "--no-langdetect",
                             "--format", "json", str(site)], capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in messages if m["type"] == "error"]


def check_links(site, base):
    work = pathlib.Path(tempfile.mkdtemp())
    work.chmod(0o755)
    config = work / "lc.ini"
    config.write_text("[checking]\nmaxrequestspersecond=1000\nthreads=4\n[AnchorCheck]\n")
    config.chmod(0o644)
    result = subprocess.run(["linkchecker", "--no-status", "-f", str(config), "-o", "csv", base], capture_output=True, text=True)
    shutil.rmtree(work, ignore_errors=True)
    problems = []
    for line in result.stdout.splitlines():
        fields = line.split(";")
        if len(fields) < 8 or fields[0] in ("urlname",) or line.startswith("#"):
            continue
        urlname, parent, _, result_text, warning, _, valid, url = fields[:8]
        if valid == "False" or "Anchor" in warning:
            problems.append(f"{url} (from {parent}): {result_text or warning}")
    if result.returncode not in (0, 1):
        problems.append(f"linkchecker failed: {result.stderr.strip()[:500]}")
    return problems


def driver(javascript=True, width=1280):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     f"--window-size={width},900"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    browser = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    browser.set_script_timeout(60)
    return browser


def set_width(browser, width):
    browser.set_window_size(width, 900)
    inner = browser.execute_script("return window.innerWidth")
    if inner != width:  # the window has borders in some builds: make the viewport itself the asked width
        browser.set_window_size(width + (width - inner), 900)


def check_axe_and_overflow(site, base, checks):
    axe = (TOOLS / "axe.min.js").read_text(encoding="utf-8")
    problems = {"axe": [], "overflow": []}
    browser = driver(width=390)
    set_width(browser, 390)
    try:
        for page in pages(site):
            url = url_of(base, page)
            browser.get(url)
            if "overflow" in checks:
                wide = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                if wide > 0:
                    problems["overflow"].append(f"{page}: scrolls horizontally by {wide} px at 390 px")
            if "axe" in checks:
                browser.execute_script(axe)
                result = browser.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                    ".then(done, (e) => done({error: String(e)}));")
                if "error" in result:
                    problems["axe"].append(f"{page}: axe error {result['error']}")
                for violation in result.get("violations", []):
                    targets = " ".join(",".join(node["target"]) for node in violation["nodes"])
                    problems["axe"].append(f"{page}: {violation['impact']}: {violation['id']}: {violation['help']} [{targets}]")
        version = browser.execute_script("return window.axe ? axe.version : ''") if "axe" in checks else ""
    finally:
        browser.quit()
    return problems, version


def check_screenshots(site, base, targets, folder):
    problems = []
    folder.mkdir(parents=True, exist_ok=True)
    browser = driver()
    try:
        for name, page in targets:
            for width in (1280, 390):
                set_width(browser, width)
                browser.get(url_of(base, page))
                height = min(browser.execute_script("return document.documentElement.scrollHeight"), 6000)
                browser.set_window_size(browser.get_window_size()["width"], height)
                path = folder / f"{name}-{width}.png"
                browser.save_screenshot(str(path))
                if not path.exists() or path.stat().st_size == 0:
                    problems.append(f"{name} at {width} px: no screenshot")
                if width == 390:
                    wide = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                    if wide > 0:
                        problems.append(f"{name}: scrolls horizontally by {wide} px at 390 px")
    finally:
        browser.quit()
    return problems


def check_behaviour(site, base, country_fr, country_en):
    from selenium.webdriver.common.by import By
    problems = []
    for javascript in (True, False):
        mode = "JavaScript on" if javascript else "JavaScript off"
        browser = driver(javascript=javascript)
        try:
            browser.get(url_of(base, country_fr))
            details = browser.find_element(By.CSS_SELECTOR, "details.more")
            hidden_text = details.find_element(By.CSS_SELECTOR, ".more-body")
            if details.get_attribute("open") is not None or hidden_text.is_displayed():
                problems.append(f"{mode}: the fold starts open")
            details.find_element(By.TAG_NAME, "summary").click()
            if details.get_attribute("open") is None or not hidden_text.is_displayed():
                problems.append(f"{mode}: 'Lire plus' does not open the rest of the text")
            switcher = browser.find_element(By.CSS_SELECTOR, "nav.languages a[hreflang='en']")
            switcher.click()
            if not browser.current_url.rstrip("/").endswith(url_of("", country_en).rstrip("/")):
                problems.append(f"{mode}: the switcher led to {browser.current_url}, not the English page")
            if browser.find_element(By.TAG_NAME, "html").get_attribute("lang") != "en":
                problems.append(f"{mode}: the switcher did not land on an English page")
            search = browser.find_element(By.CSS_SELECTOR, "form.search")
            if javascript and not search.is_displayed():
                problems.append(f"{mode}: the search box is hidden")
            if not javascript and search.is_displayed():
                problems.append(f"{mode}: the search box shows without JavaScript")
            if javascript:
                from selenium.webdriver.support.ui import WebDriverWait
                search.find_element(By.TAG_NAME, "input").send_keys("Cardiovascular")
                try:
                    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".search-results a"))
                    first = browser.find_element(By.CSS_SELECTOR, ".search-results a").get_attribute("href")
                    if "/en/" not in first:
                        problems.append(f"{mode}: the English search returned a page of another language: {first}")
                except Exception:
                    problems.append(f"{mode}: searching 'Cardiovascular' on the English page found nothing")
        finally:
            browser.quit()
    return problems


# The examples libcmark-gfm 0.29.0.gfm.6 renders otherwise than the spec file says (docs/reference/content.md, "Conformance").
KNOWN_MISSES = {
    # CommonMark 0.30: a numeric reference past U+10FFFF stays text (0.29: U+FFFD); <textarea> opens an HTML block.
    "commonmark-0.30.json": [28, 171],
    # The GFM spec file of cmark-gfm's repository, edited after 0.29.0.gfm.6: runs of ** and __ nest no strong
    # emphasis in strong emphasis; HTML comments follow CommonMark 0.31 (<!--> and -- inside a comment).
    "gfm-spec.txt": [398, 426, 434, 435, 436, 473, 474, 475, 477, 644, 645],
}


def check_commonmark():
    problems, summaries = [], []
    for name, misses in KNOWN_MISSES.items():
        spec = REPO / ".cache" / name
        command = [str(REPO / ".build" / "debug" / "commonmark-conformance"), str(spec), "--expect-fail", ",".join(map(str, misses))]
        result = subprocess.run(command, capture_output=True, text=True)
        summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
        summaries.append(f"{name}: {summary}")
        found = [f"{name}: {line}" for line in result.stdout.splitlines() if line.startswith(("FAIL", "PASS"))]
        problems += found
        if result.returncode != 0 and not found:
            problems.append(f"{name}: {summary}")
    return problems, "; ".join(summaries)


def check_pdf(site, screenshot_folder=None):
    command = [str(VENV_PYTHON), str(REPO / "scripts" / "verify_pdf.py")]
    command += ["--screenshots", str(screenshot_folder)] if screenshot_folder else []
    result = subprocess.run(command + [str(site)], capture_output=True, text=True)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        return [f"verify_pdf.py failed: {result.stderr.strip()[-800:]}"]


def check_pdf_file(pdf, language):
    result = subprocess.run([str(VENV_PYTHON), str(REPO / "scripts" / "verify_pdf.py"), "--file", str(pdf), language],
                            capture_output=True, text=True)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        return [f"verify_pdf.py failed: {result.stderr.strip()[-800:]}"]


def check_identical(root, site):
    """A second build of the same files: every file the same bytes as the first's."""
    second = pathlib.Path(tempfile.mkdtemp(prefix="rapport-verify-again-")) / "site"
    build(root, second, pdf=True)
    problems = []
    first_files = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    second_files = {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    for path in sorted(first_files ^ second_files):
        problems.append(f"{path}: made by one build only")
    for path in sorted(first_files & second_files):
        if (site / path).read_bytes() != (second / path).read_bytes():
            problems.append(f"{path}: differs between two builds")
    shutil.rmtree(second.parent, ignore_errors=True)
    return problems, f"{len(first_files)} files, {len(list(site.glob('*/*/*.pdf')))} PDFs"


# MARK: - Runs

def run(root, checks, strict=True, country=("fr/2020/cooperation-bilaterale/mongolie/index.html", "en/2020/bilateral-cooperation/mongolia/index.html"),
        screenshot_targets=None):
    work = pathlib.Path(tempfile.mkdtemp(prefix="rapport-verify-"))
    work.chmod(0o755)
    site = work / "site"
    build(root, site, strict=strict, pdf=bool({"pdf", "identical"} & checks))
    server, base = serve(site)
    results = {}
    try:
        if "vnu" in checks:
            results["vnu"] = (check_vnu(site, base), subprocess.run(["java", "-jar", str(TOOLS / "vnu.jar"), "--version"],
                                                                   capture_output=True, text=True).stdout.strip())
        if "links" in checks:
            version = subprocess.run(["linkchecker", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
            results["links"] = (check_links(site, base), version)
        if "axe" in checks or "overflow" in checks:
            found, axe_version = check_axe_and_overflow(site, base, checks)
            if "axe" in checks:
                results["axe"] = (found["axe"], f"axe-core {axe_version}, {len(pages(site))} pages")
            if "overflow" in checks:
                results["overflow"] = (found["overflow"], f"{len(pages(site))} pages at 390 px")
        if "screenshots" in checks and screenshot_targets:
            results["screenshots"] = (check_screenshots(site, base, screenshot_targets, REPO / "screenshots"),
                                      f"{len(screenshot_targets) * 2} screenshots in screenshots/")
        if "behaviour" in checks:
            results["behaviour"] = (check_behaviour(site, base, *country), "fold, switcher and search, JavaScript on and off")
        if "commonmark" in checks:
            problems, summary = check_commonmark()
            results["commonmark"] = (problems, f"CommonMark 0.30: {summary}")
        if "pdf" in checks:
            shots = REPO / "screenshots" if screenshot_targets else None
            results["pdf"] = (check_pdf(site, shots), f"{len(list(site.glob('*/*/*.pdf')))} PDFs: pdfinfo, pdffonts, pdftotext, "
                              "pdfua + pikepdf PDF/UA-1 rules" + (", screenshots in screenshots/pdf-*.png" if shots else ""))
        if "pdf-plants" in checks:
            results["pdf-plants"] = (plant_pdf_faults(site), "planted PDF faults")
        if "identical" in checks:
            results["identical"] = check_identical(root, site)
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return results


def plant_pdf_faults(site):
    """The problems found in copies of a PDF of `site` with no tags, and with its fonts not embedded."""
    pdf = sorted(site.glob("*/*/*.pdf"))[0]
    problems = []
    for kind in ("untagged", "unembedded-font"):
        planted = site.parent / f"planted-{kind}.pdf"
        subprocess.run([str(VENV_PYTHON), str(REPO / "scripts" / "verify_pdf.py"), "--plant", kind, str(pdf), str(planted)], check=True)
        problems += [f"{kind}: {p}" for p in check_pdf_file(planted, pdf.parent.parent.name)]
    return problems


def selftest_pdf():
    """The repository's report with a print stylesheet that restarts the page counter at the contents (so every
    page number there is two off), and PDFs without tags or embedded fonts: the pdf check must catch each."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="rapport-broken-pdf-"))
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    with open(root / "templates" / "assets" / "rapport-pdf.css", "a", encoding="utf-8") as css:
        css.write("\n.pdf-contents { counter-reset: page 5; }\n")
    results = run(root, {"pdf", "pdf-plants"})
    shutil.rmtree(root, ignore_errors=True)
    return {"pdf": ("not on that page", results["pdf"][0]),
            "pdf untagged": ("not a tagged PDF", results["pdf-plants"][0]),
            "pdf font": ("is not embedded", results["pdf-plants"][0])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(REPO))
    parser.add_argument("--checks", default="vnu,links,axe,overflow,screenshots,behaviour,commonmark,pdf,identical")
    parser.add_argument("--selftest", action="store_true")
    args = parser.parse_args()

    if args.selftest:
        # A site whose one page plants a missing alt text, a broken link and an overflow (raw HTML, so that
        # Rapport's own checks let them through): each matching check must fail, and name that page.
        root = pathlib.Path(tempfile.mkdtemp(prefix="rapport-broken-"))
        shutil.copytree(REPO / "Tests" / "VerifyFixtures" / "broken" / "content", root / "content")
        shutil.copytree(REPO / "templates", root / "templates")
        shutil.copytree(REPO / "content" / "i18n", root / "content" / "i18n")
        results = run(root, {"links", "axe", "overflow", "vnu"}, strict=False)
        shutil.rmtree(root, ignore_errors=True)
        expectations = {
            "vnu": "img",
            "links": "nowhere",
            "axe": "image-alt",
            "overflow": "fr/2021/countries/niger/index.html",
        }
        planted = {check: (needle, results[check][0]) for check, needle in expectations.items()}
        planted.update(selftest_pdf())
        passed = failed = 0
        for check, (needle, problems) in planted.items():
            if any(needle in problem for problem in problems):
                passed += 1
                print(f"ok   {check} catches the planted problem: {next(p for p in problems if needle in p)}")
            else:
                failed += 1
                print(f"FAIL {check} did not catch the planted problem ({needle}): {problems}")
        print(f"selftest: {passed} passed, {failed} failed")
        sys.exit(1 if failed else 0)

    targets = [("home", "index.html"), ("edition-fr", "fr/2022/index.html"), ("edition-en", "en/2022/index.html"),
               ("country-fr", "fr/2020/cooperation-bilaterale/mongolie/index.html"), ("country-en", "en/2020/bilateral-cooperation/mongolia/index.html"),
               ("chart-fr", "fr/2022/aide-publique-au-developpement/index.html"),
               ("chart-en", "en/2020/official-development-assistance/breakdown-by-sector/index.html")]
    results = run(pathlib.Path(args.root), set(args.checks.split(",")), screenshot_targets=targets)
    passed = failed = 0
    for check, (problems, about) in results.items():
        if problems:
            failed += 1
            print(f"FAIL {check} ({about}): {len(problems)} problem(s)")
            for problem in problems[:50]:
                print(f"     {problem}")
        else:
            passed += 1
            print(f"ok   {check} ({about})")
    print(f"verify: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
