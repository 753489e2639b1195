// Search with Pagefind's index of this language, loaded on the search page
// only. A query in the other script is folded into this page's script
// (讯飞星火 → 訊飛星火) and both are searched; results are merged by page.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.dataset.bundle;
  var t = JSON.parse(script.dataset.strings);
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pagefind = null;
  var fold = null;

  function folder() {
    if (fold || !window.jishiFold) return fold;
    var from = Array.from(window.jishiFold.from), to = Array.from(window.jishiFold.to), m = new Map();
    from.forEach(function (c, i) { m.set(c, to[i]); });
    fold = function (q) { return Array.from(q, function (c) { return m.get(c) || c; }).join(""); };
    return fold;
  }

  function say(text) { status.textContent = text; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  async function search(q) {
    say(t.searching);
    list.replaceChildren();
    try {
      if (!pagefind) {
        pagefind = await import(base + "pagefind.js");
        if (pagefind.init) await pagefind.init();
      }
    } catch (e) {
      say(t.unavailable);
      return;
    }
    var f = folder();
    var queries = f ? Array.from(new Set([q, f(q)])) : [q];
    var found = await Promise.all(queries.map(function (x) { return pagefind.search(x); }));
    var best = new Map();
    found.forEach(function (r) {
      r.results.forEach(function (hit) {
        var seen = best.get(hit.id);
        if (!seen || hit.score > seen.score) best.set(hit.id, hit);
      });
    });
    var hits = Array.from(best.values()).sort(function (a, b) { return b.score - a.score; }).slice(0, 20);
    var data = await Promise.all(hits.map(function (h) { return h.data(); }));
    data.forEach(function (d) {
      var li = el("li", "result");
      var h = el("h2");
      var a = el("a", null, d.meta.title);
      a.href = d.url;
      h.appendChild(a);
      li.appendChild(h);
      if (d.meta.date) li.appendChild(el("p", "meta", d.meta.date));
      var p = el("p", "excerpt");
      // Pagefind's excerpt is escaped page text with <mark> around the match.
      p.innerHTML = d.excerpt;
      li.appendChild(p);
      list.appendChild(li);
    });
    say(data.length ? t.results.replace("{n}", data.length) : t.none);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value.trim();
    if (!q) return;
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    search(q);
  });
  var q0 = new URLSearchParams(location.search).get("q");
  if (q0) {
    input.value = q0;
    search(q0.trim());
  }
})();
