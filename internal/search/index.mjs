// Writes one Pagefind bundle per language from records on stdin, one JSON
// object a line, grouped by bundle: {bundle, url, language, content, meta}.
// Run by `jishi build` (internal/search) from the site's folder, so that
// `pagefind` resolves from its node_modules. A bundle is written and its
// index dropped before the next begins: one language in memory at a time.
import * as pagefind from "pagefind";
import readline from "node:readline";

const window = 64; // records in flight to the Pagefind service
let index = null, bundle = "", pending = [], pages = 0;
const fail = (what, errors) => {
  if (errors && errors.length) throw new Error(`${what}: ${errors.join("; ")}`);
};
async function flush() {
  for (const r of await Promise.all(pending)) fail("pagefind: adding a record", r.errors);
  pending = [];
}
async function finish() {
  if (!index) return;
  await flush();
  const w = await index.writeFiles({ outputPath: bundle });
  fail(`pagefind: writing ${bundle}`, w.errors);
  await index.deleteIndex();
  index = null;
}
try {
  for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line) continue;
    const r = JSON.parse(line);
    if (r.bundle !== bundle) {
      await finish();
      const c = await pagefind.createIndex({});
      fail("pagefind: creating an index", c.errors);
      index = c.index;
      bundle = r.bundle;
    }
    pending.push(index.addCustomRecord({ url: r.url, content: r.content, language: r.language, meta: r.meta }));
    pages++;
    if (pending.length >= window) await flush();
  }
  await finish();
  console.log(JSON.stringify({ pages }));
} finally {
  await pagefind.close();
}
