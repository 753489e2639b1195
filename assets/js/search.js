// Search with this language's Pagefind bundle (internal/search), loaded on
// the search page only. Chinese has one bundle for both scripts, one record
// for a page and its twins: a result is shown in the page's language when
// the article has it (meta url: and title: of that language), else in its
// own, marked with its lang. The index holds each Han character as a token
// of its own, so a query with Han characters is searched as an exact phrase
// of the same tokens: it finds the characters side by side or nothing. The
// index is folded to one script (zh-fold.js, the table internal/search
// folds with), and so is the query: 讯飞星火 and 訊飛星火 are one query on
// either page. A title that holds the query comes first. Excerpts are cut
// at clause ends from the text as written, a file beside the index.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.dataset.bundle;
  var root = base.replace(/pagefind\/[^/]+\/$/, ""); // the site's root, /sub/ on a site under a path
  var t = JSON.parse(script.dataset.strings);
  var lang = document.documentElement.lang;
  var want = lang.toLowerCase();
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pagefind = null;
  var fold = null; // the fold as a function, once zh-fold.js has loaded
  var han = /\p{Script=Han}/u;
  var space = /\s/u;
  var BREAK = "¶"; // between blocks (internal/search.Break)
  var clauseEnd = /^[，。；：、！？,.;:!?]+$/;
  var sentenceEnd = /^[。！？!?；;]+$/;

  function folder() {
    if (fold) return fold;
    if (!window.jishiFold) return function (q) { return q; };
    var from = Array.from(window.jishiFold.from), to = Array.from(window.jishiFold.to), m = new Map();
    from.forEach(function (c, i) { m.set(c, to[i]); });
    fold = function (q) { return Array.from(q, function (c) { return m.get(c) || c; }).join(""); };
    return fold;
  }
  window.jishiFolded = function (q) { return folder()(q); }; // for the test that holds it to internal/search

  // tokens splits text as internal/search.Tokens does: each Han character
  // is a token, and so is each run of other characters between spaces and
  // Han characters.
  function tokens(s) {
    var out = [], run = "";
    for (var c of s) {
      if (han.test(c)) {
        if (run) out.push(run);
        run = "";
        out.push(c);
      } else if (space.test(c)) {
        if (run) out.push(run);
        run = "";
      } else {
        run += c;
      }
    }
    if (run) out.push(run);
    return out;
  }
  window.jishiTokens = tokens; // for the test that holds it to internal/search.Tokens

  function phrase(q) {
    var ts = tokens(q);
    return han.test(q) ? '"' + ts.join(" ") + '"' : ts.join(" ");
  }

  // join writes tokens back as text: no space beside a Han character or
  // full-width punctuation, except between Han and Latin letters or digits.
  function gap(a, b) {
    if (!a || !b) return "";
    var aw = /[\p{L}\p{N}]$/u.test(a), bw = /^[\p{L}\p{N}]/u.test(b);
    return aw && bw && !(han.test(a) && han.test(b)) ? " " : "";
  }
  function join(ts) {
    var s = "";
    ts.forEach(function (w, i) { s += (i > 0 ? gap(ts[i - 1], w) : "") + w; });
    return s;
  }

  // excerpt returns [before, match, after] around the first match: the
  // clause before it and the text after it to a sentence's end, with … where
  // the block goes on.
  // view is what a result shows on this page: the article in the page's
  // language when it has one, else in its own (with its lang); nothing when
  // its version in this language is a result of its own.
  function view(d, texts) {
    var m = d.meta, own = m.lang === want, twin = m["url:" + want];
    if (!own && !twin && (m.alts || "").split(" ").indexOf(want) >= 0) return null;
    return {
      url: twin ? root + twin.replace(/^\//, "") : d.url,
      title: (twin ? m["title:" + want] : m.title) || "",
      text: texts[own || twin ? want : m.lang] || d.content,
      date: m.date,
      lang: own || twin ? "" : m.lang,
      locations: d.locations,
    };
  }

  function excerpt(d, n, qt, f) {
    var words = d.text.split(" ");
    // The first match in the text, else in the title (block 0).
    var title = words.indexOf(BREAK);
    var locs = (d.locations || []).slice().sort(function (a, b) { return a - b; });
    var at = locs.find(function (l) { return l > title; });
    // Pagefind gives the places of a phrase's first match only: when that
    // is in the title, shown just above, the text is searched for the
    // query itself, folded as the index folds it.
    if (at === undefined && locs.length && title >= 0) at = find(words, title + 1, qt, f);
    if (at === undefined) at = locs.length ? locs[0] : 0;
    var end = Math.min(words.length, at + Math.max(n, 1));
    var s = at;
    while (s > 0 && words[s - 1] !== BREAK && at - s < 30) s--;
    var lead = s > 0 && words[s - 1] !== BREAK;
    for (var i = at - 1; i >= s; i--) {
      if (clauseEnd.test(words[i]) && i < at - 1) { s = i + 1; lead = true; break; }
    }
    var e = end, tail = false;
    while (e < words.length && words[e] !== BREAK) {
      e++;
      if (sentenceEnd.test(words[e - 1])) break;
      if (e - end >= 60) { tail = e < words.length && words[e] !== BREAK; break; }
    }
    if (!locs.length) return ["", "", join(words.slice(0, e)) + (tail ? "…" : "")];
    var before = join(words.slice(s, at)) + gap(words[at - 1], words[at]);
    var after = gap(words[end - 1], words[end]) + join(words.slice(end, e));
    return [(lead ? "…" : "") + (s < at ? before : ""), join(words.slice(at, end)), (end < e ? after : "") + (tail ? "…" : "")];
  }

  // find returns where the tokens qt first stand side by side in words,
  // from index from on, each word folded by f; undefined if nowhere.
  function find(words, from, qt, f) {
    if (!qt.length) return undefined;
    var want = qt.map(function (t) { return t.toLowerCase(); }); // Pagefind's words are lower case
    for (var i = from; i + want.length <= words.length; i++) {
      var j = 0;
      while (j < want.length && f(words[i + j]).toLowerCase() === want[j]) j++;
      if (j === qt.length) return i;
    }
    return undefined;
  }

  function say(text) { status.textContent = text; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function when(iso) {
    var d = new Date(iso);
    if (isNaN(d)) return "";
    try { return new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(d); } catch (e) { return iso.slice(0, 10); }
  }

  async function search(q) {
    say(t.searching);
    list.replaceChildren();
    try {
      if (!pagefind) {
        // A large archive is indexed in shards (internal/search.ShardTokens),
        // merged here into one search, all at once: one after another, a
        // phone paid a round trip for each.
        var shards = (await (await fetch(base + "shards.json")).json()).shards;
        var pf = await import(base + shards[0] + "pagefind.js");
        await pf.options({ baseUrl: root });
        await pf.init();
        await Promise.all(shards.slice(1).map(function (s) { return pf.mergeIndex(base + s); }));
        pagefind = pf;
      }
    } catch (e) {
      say(t.unavailable);
      return;
    }
    var f = folder();
    var fq = f(q);
    var found = await pagefind.search(phrase(fq));
    var data = (await Promise.all(found.results.slice(0, 20).map(async function (h) {
      var d = await h.data();
      // The texts as written are a file beside the shard (internal/search), not meta.
      var r = await fetch(base + d.meta.t);
      return view(d, r.ok ? await r.json() : {});
    }))).filter(Boolean);
    var inTitle = function (d) { return f(d.title).indexOf(fq) >= 0 ? 0 : 1; };
    data = data.map(function (d, i) { return { d: d, i: i }; })
      .sort(function (a, b) { return inTitle(a.d) - inTitle(b.d) || a.i - b.i; })
      .map(function (x) { return x.d; });
    var qt = tokens(fq);
    var n = qt.length;
    data.forEach(function (d) {
      var li = el("li", "result");
      var h = el("h2");
      var a = el("a", null, d.title);
      a.href = d.url;
      if (d.lang) h.lang = d.lang; // another language's article; the date stays the page's
      h.appendChild(a);
      li.appendChild(h);
      if (d.date) {
        var date = when(d.date);
        if (date) li.appendChild(el("p", "meta", date));
      }
      var parts = excerpt(d, n, qt, f);
      var p = el("p", "excerpt");
      if (d.lang) p.lang = d.lang;
      p.append(parts[0]);
      if (parts[1]) p.append(el("mark", null, parts[1]));
      p.append(parts[2]);
      li.appendChild(p);
      list.appendChild(li);
    });
    say(data.length === 0 ? t.none : data.length === 1 ? t.one : t.results.replace("{n}", data.length));
  }

  window.jishiSearch = search; // what the form calls, for the precision and recall test

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
