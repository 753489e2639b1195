// How an article reads on a phone and a desktop, light and dark, and on
// paper: the measures the theme is held to (see internal/site/browser_test.go).

// Contrast ratio of two CSS colours (rgb() or rgba() strings), WCAG 2.
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

function inPage() {
  const q = (s) => document.querySelector(s);
  const art = q("article") || document.body;
  const first = q(".e-content p");
  let firstLine = null;
  if (first) {
    const r = document.createRange();
    r.selectNodeContents(first);
    const rects = r.getClientRects();
    if (rects.length) firstLine = Math.round(rects[0].top + scrollY);
  }
  const size = (e) => (e ? parseFloat(getComputedStyle(e).fontSize) : null);
  const body = size(first);
  const labels = [...document.querySelectorAll(".speakers h2, .toc h2, .article-timeline > summary")].map(size);
  const targets = [...document.querySelectorAll(".site-head a, .langs a, .toc summary, .toc a, .terms a, .article-timeline > summary")]
    .filter((a) => a.getClientRects().length)
    .map((a) => ({ text: a.textContent.trim().slice(0, 20), h: Math.round(a.getBoundingClientRect().height) }));
  const leftOf = (e) => (e ? Math.round(e.getBoundingClientRect().left + parseFloat(getComputedStyle(e).paddingLeft)) : null);
  const answer = q(".e-content [data-speaker]:not([data-question])");
  const tl = q(".article-timeline");
  const text = art.innerText;
  return {
    halfPunct: (text.match(/\p{Script=Han}\s*[,:;?!()]|[,:;?!()]\s*\p{Script=Han}/gu) || []).length,
    h1: (q("h1") || {}).textContent || "",
    textAlign: first ? getComputedStyle(first).textAlign : "",
    h2Ratio: q(".e-content h2") && body ? size(q(".e-content h2")) / body : null,
    labelRatio: labels.length && body ? Math.min(...labels) / body : null,
    firstLine,
    smallTargets: targets.filter((t) => t.h < 44),
    edges: [leftOf(q(".site-head")), leftOf(q("main")), leftOf(q(".site-foot"))],
    ruleContrast: answer ? 0 : null,
    ruleColor: answer ? getComputedStyle(answer).borderLeftColor : "",
    bg: getComputedStyle(document.body).backgroundColor,
    timeline: tl ? { label: tl.querySelector("summary").textContent.trim(), open: tl.open, height: Math.round(tl.getBoundingClientRect().height) } : null,
  };
}

function onPaper() {
  const shown = (s) => [...document.querySelectorAll(s)].some((e) => getComputedStyle(e).display !== "none");
  const clamped = [...document.querySelectorAll(".timeline a, .timeline span")].some((e) => getComputedStyle(e).webkitLineClamp !== "none");
  return { toc: shown(".toc"), series: shown(".series"), timeline: shown(".article-timeline") || shown(".provenance"), clamped, printOnly: shown(".print-only"), address: document.querySelector(".print-only")?.textContent || "" };
}

export async function measureReading(browser, url, path) {
  const views = [];
  for (const [width, height] of [[375, 812], [320, 640], [1280, 800]]) {
    for (const scheme of ["light", "dark"]) {
      const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await ctx.newPage();
      await page.goto(url, { waitUntil: "networkidle" });
      const m = await page.evaluate(inPage);
      if (m.ruleColor) m.ruleContrast = contrast(m.ruleColor, m.bg);
      views.push({ width, height, scheme, ...m });
      await ctx.close();
    }
  }
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1100 } });
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  await page.emulateMedia({ media: "print" });
  const print = await page.evaluate(onPaper);
  await ctx.close();
  return { path, views, print };
}
