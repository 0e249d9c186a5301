// Rapport's small enhancements. The site works without them: search stays hidden, tables keep their order,
// the privacy notice is a plain line at the end of the page, the "Read more" folds open by hand.
(() => {
  "use strict";

  // Search: the language's index (written at build time), accent- and case-insensitive word prefixes,
  // the same rule as SearchIndex.matches in Rapport.
  const fold = (text) => text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  const words = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2);
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
