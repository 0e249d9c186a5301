// Rapport's small enhancements. The site works without them: search stays hidden, tables keep their order,
// the privacy notice is a plain line at the end of the page, the "Read more" folds open by hand.
(() => {
  "use strict";

  // Search: the language's index (written at build time); an entry is found when every word of the query
  // begins one of its words. Query and index fold by one rule (Rapport's SearchFolding, which the index was
  // made with): character by character, an ASCII letter or digit in lowercase; a combining mark dropped; any
  // other letter lowercased, decomposed (NFD), its marks dropped, then œ oe, æ ae, ß ss, đ d, ø o, ł l, ı i;
  // anything else ends a word. Words of one character are no words ("l’aide" is "aide").
  const plainLetters = { "œ": "oe", "æ": "ae", "ß": "ss", "đ": "d", "ø": "o", "ł": "l", "ı": "i" };
  const foldCharacter = (character) => {
    if (/^[A-Za-z0-9]$/.test(character)) return character.toLowerCase();
    if (/^\p{M}$/u.test(character)) return "";
    if (!/^\p{Alphabetic}$/u.test(character)) return null;
    let folded = "";
    for (const part of character.toLowerCase().normalize("NFD")) {
      if (!/^\p{M}$/u.test(part)) folded += plainLetters[part] ?? part;
    }
    return folded;
  };
  const words = (text) => {
    const found = [];
    let word = "";
    for (const character of text + " ") {
      const folded = foldCharacter(character);
      if (folded !== null) { word += folded; continue; }
      if ([...word].length >= 2 && !found.includes(word)) found.push(word);
      word = "";
    }
    return found;
  };
  const form = document.querySelector("form.search");
  if (form) {
    const input = form.querySelector("input");
    const list = form.querySelector(".search-results");
    const status = form.querySelector(".search-status");
    let index = null;
    const load = () => index || (index = fetch(form.dataset.index).then((r) => r.json()).catch(() => []));
    const show = async () => {
      const wanted = words(input.value);
      list.replaceChildren();
      if (wanted.length === 0) { status.textContent = ""; return; }
      const entries = await load();
      const found = entries.filter((entry) => {
        const available = entry.w.split(" ");
        return wanted.every((word) => available.some((candidate) => candidate.startsWith(word)));
      }).slice(0, 20);
      for (const entry of found) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = form.dataset.root + entry.u;
        link.textContent = entry.t;
        item.append(link);
        if (entry.s) { const summary = document.createElement("span"); summary.textContent = " " + entry.s; item.append(summary); }
        list.append(item);
      }
      status.textContent = found.length ? status.dataset.count.replace("{count}", found.length) : status.dataset.none;
    };
    let timer;
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(show, 120); });
    input.addEventListener("focus", load, { once: true });
    form.addEventListener("submit", (event) => { event.preventDefault(); show(); });
    form.hidden = false;
  }

  // Sortable tables: each column header becomes a button; numbers sort as numbers, text by the page's language.
  for (const table of document.querySelectorAll("table.sortable")) {
    const hint = table.querySelector(".sort-hint");
    if (hint) hint.hidden = false;
    const headers = [...table.tHead.rows[0].cells];
    headers.forEach((header, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.append(...header.childNodes);
      header.append(button);
      button.addEventListener("click", () => {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach((other) => other.removeAttribute("aria-sort"));
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const number = header.dataset.type === "number";
        const rows = [...table.tBodies[0].rows];
        const key = (row) => row.cells[column].dataset.value;
        rows.sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
          const order = number ? Number(x) - Number(y) : x.localeCompare(y, document.documentElement.lang);
          return ascending ? order : -order;
        });
        table.tBodies[0].append(...rows);
      });
    });
  }

  // The privacy notice: dismissed once, remembered in this browser (localStorage, no cookie).
  const banner = document.getElementById("privacy-banner");
  if (banner) {
    const key = "rapport-privacy-dismissed";
    let dismissed = false;
    try { dismissed = localStorage.getItem(key) === "1"; } catch (error) { /* storage off: keep the line */ }
    if (dismissed) {
      banner.hidden = true;
    } else {
      const close = banner.querySelector(".privacy-close");
      close.hidden = false;
      close.addEventListener("click", () => {
        try { localStorage.setItem(key, "1"); } catch (error) { /* nothing to remember with */ }
        banner.hidden = true;
      });
    }
  }

  // Printing: every fold open; the print page's button.
  window.addEventListener("beforeprint", () => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  const printButton = document.querySelector("[data-print]");
  if (printButton) { printButton.hidden = false; printButton.addEventListener("click", () => window.print()); }
})();
