// Search as readers use it, at the size of a test of precision and recall.
// Input (stdin): JSON {base, chromium, pages: [{page, typed: [q…], queries: [q…]}]}.
// On each search page the typed queries are typed into the field and sent
// with Enter, as a reader does; the rest go through the same function the
// form calls (window.jishiSearch), so thousands fit in a test. Either way
// the results are read from the page: the links of #search-results in
// order, and the status line.
// Output (stdout): JSON {results: [{page, query, typed, links, status}], errors: [...]}.
import { chromium } from "playwright-core";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cfg = JSON.parse(Buffer.concat(chunks).toString("utf8")); // whole, or a character split between chunks breaks
const out = { results: [], errors: [] };
const browser = await chromium.launch({
  executablePath: cfg.chromium, headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const read = (page) => page.evaluate(() => ({
  links: Array.from(document.querySelectorAll("#search-results h2 a"), (a) => a.getAttribute("href")),
  status: document.getElementById("search-status").textContent,
}));
try {
  for (const p of cfg.pages) {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await ctx.newPage();
    page.on("pageerror", (e) => out.errors.push(`${p.page}: ${e}`));
    page.on("console", (m) => { if (m.type() === "error") out.errors.push(`${p.page}: ${m.text()}`); });
    await page.goto(new URL(p.page, cfg.base).href, { waitUntil: "networkidle" });
    for (const q of p.typed) {
      await page.locator("#q").fill("");
      await page.locator("#q").focus();
      await page.keyboard.type(q);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => {
        const t = document.getElementById("search-status").textContent;
        return t && !t.endsWith("…");
      }, null, { timeout: 15000 }).catch(() => {});
      out.results.push({ page: p.page, query: q, typed: true, ...(await read(page)) });
    }
    const batch = 200;
    for (let i = 0; i < p.queries.length; i += batch) {
      const got = await page.evaluate(async (qs) => {
        const res = [];
        for (const q of qs) {
          await window.jishiSearch(q);
          res.push({
            links: Array.from(document.querySelectorAll("#search-results h2 a"), (a) => a.getAttribute("href")),
            status: document.getElementById("search-status").textContent,
          });
        }
        return res;
      }, p.queries.slice(i, i + batch));
      got.forEach((r, j) => out.results.push({ page: p.page, query: p.queries[i + j], typed: false, ...r }));
    }
    await ctx.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
