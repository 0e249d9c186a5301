// Runs the shipped templates/assets/rapport.js as a browser would, in a minimal DOM, on a built search index,
// and prints for each query the URLs the reader is shown, as JSON: {"query": ["fr/2022/…/", …], …}.
// Usage: node run-search.js RAPPORT_JS SEARCH_JSON QUERY…
"use strict";
const fs = require("fs");
const vm = require("vm");

const [script, indexFile, ...queries] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));

function element(properties) {
  const listeners = {};
  return Object.assign({
    listeners, children: [], dataset: {}, hidden: true, textContent: "",
    addEventListener(type, listener) { listeners[type] = listener; },
    append(...nodes) { this.children.push(...nodes); },
    replaceChildren() { this.children = []; },
  }, properties);
}
const input = element({ value: "" });
const list = element({});
const status = element({ dataset: { count: "{count}", none: "none" } });
const parts = { input, ".search-results": list, ".search-status": status };
const form = element({ dataset: { index: "search.json", root: "" }, querySelector: (selector) => parts[selector] ?? null });
const context = {
  document: {
    querySelector: (selector) => (selector === "form.search" ? form : null),
    querySelectorAll: () => [],
    getElementById: () => null,
    createElement: (tag) => element({ tag }),
    documentElement: { lang: "fr" },
  },
  window: { addEventListener() {}, print() {} },
  fetch: async () => ({ json: async () => index }),
  localStorage: { getItem: () => null, setItem() {} },
  setTimeout, clearTimeout,
};
vm.runInNewContext(fs.readFileSync(script, "utf8"), context, { filename: script });

(async () => {
  if (form.hidden) throw new Error("the script did not show the search form");
  const results = {};
  for (const query of queries) {
    input.value = query;
    form.listeners.submit({ preventDefault() {} });
    // The search is asynchronous (the index is fetched once): let it finish.
    await new Promise((resolve) => setTimeout(resolve, 5));
    results[query] = list.children.map((item) => item.children[0].href);
  }
  process.stdout.write(JSON.stringify(results));
})().catch((error) => { console.error(error); process.exit(1); });
