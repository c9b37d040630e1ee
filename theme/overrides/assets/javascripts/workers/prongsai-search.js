/*
 * Prongsai: Thai queries for Material's search worker (mkdocs-material 9.8.1).
 *
 * The search index is segmented at build time (generator/search.py: pythainlp newmm,
 * words joined by U+200B, which is in the search separator). A query typed without
 * spaces ("จัดซื้อจัดจ้าง", "แผนพัฒนาท้องถิ่น") must be cut into the same words, or lunr
 * finds nothing. This worker runs before Material's own worker (imported at the end) and
 * rewrites each query message:
 *   - Thai runs are cut into words of the index's own vocabulary (fewest unknown letters,
 *     then fewest words), so query and index always agree; letters that form no word of
 *     the index are searched inside words (*text*), e.g. the tail of a compound.
 *   - item ids as assessors type them: "o13", "O13", "๐๑๓", "ข้อ 13" -> o13 (exact).
 *   - digits: Thai or Arabic, whichever the index uses.
 *   - a fiscal year typed alone or after "ปี"/"ปีงบประมาณ" ("ปี 2569", "๒๕๖๙") that the site
 *     has pages for limits the results to that year's pages (and is not searched for).
 * Material then adds its trailing wildcard to every word and ranks as usual. Its results
 * (one group per page) are then rearranged before they reach the page:
 *   - index pages (a year's overview and OIT list, the home page) count for a third, so an
 *     item page that matches as well comes first;
 *   - among results that match about equally (within 15 % of the best of them), the
 *     current fiscal year's pages come first (the build writes it in the index, "prongsai");
 *   - a page of a fiscal year shows its year in the result title, so the same item of two
 *     years is told apart;
 *   - Thai text shows without the U+200B word separators of the index: words are joined
 *     in <nobr> with <wbr> between them (as on the pages, generator/engine/linebreak.py), so
 *     lines wrap between words and copied text has no invisible characters.
 */
(function () {
  "use strict"
  var SETUP = 0, QUERY = 2, RESULT = 3           /* Material's SearchMessageType */
  var THAI = /[\u0e01-\u0e4f\u0e5a\u0e5b]+/g     /* Thai letters (not digits) */
  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
  /* Thai function words: they match nearly every section (and many titles, which Material
     boosts 1000x), so a query like "ภาษีที่ดินและสิ่งปลูกสร้าง" drowns in "และ". They are
     dropped from a query that has other words. "ไม่" stays: "ไม่รับของขวัญ". */
  var STOP = new Set(("และ หรือ ของ ใน ที่ การ ความ เป็น ได้ ให้ กับ แก่ จาก โดย ซึ่ง อัน นี้ " +
                      "นั้น ตาม เพื่อ แต่ ก็ จะ ว่า คือ ด้วย ถึง ต่อ แห่ง ๆ").split(" "))
  var vocab = new Set()
  var freq = new Map()                           /* how often each word is in the index */
  var total = 1
  var words = []
  var longest = 1
  var current = null                             /* the site's current fiscal year */
  var years = new Set()                          /* fiscal years the site has pages for */
  var synonyms = new Map()                       /* typed word -> the documents' words */
  var pending = []                               /* year and word groups of each query */
  var INDEX_PAGE = /^(?:\d{4}\/(?:oit\/)?)?$/       /* home, a year's overview, OIT list */
  var YEAR_PAGE = /^(\d{4})\//
  var INDEX_WEIGHT = 1 / 3
  var EQUAL = 0.85
  var SYNONYM_WEIGHT = 0.75

  function arabic(s) {
    return s.replace(/[๐-๙]/g, function (d) { return String(THAI_DIGITS.indexOf(d)) })
  }
  function thai(s) {
    return s.replace(/[0-9]/g, function (d) { return THAI_DIGITS[+d] })
  }

  function learn(index) {
    var sep = new RegExp(index.config.separator, "g")
    vocab = new Set()
    freq = new Map()
    total = 1
    for (var i = 0; i < index.docs.length; i++) {
      var doc = index.docs[i]
      var text = (doc.title || "") + " " + (doc.text || "")
      var tokens = text.replace(/<[^>]*>/g, " ").toLowerCase().split(sep)
      for (var t = 0; t < tokens.length; t++)
        if (tokens[t]) {
          vocab.add(tokens[t])
          freq.set(tokens[t], (freq.get(tokens[t]) || 0) + 1)
          total++
        }
    }
    words = Array.from(vocab)
    years = new Set()
    for (var d = 0; d < index.docs.length; d++) {
      var y = YEAR_PAGE.exec(index.docs[d].location || "")
      if (y) years.add(y[1])
    }
    var meta = index.config.prongsai
    current = meta && meta.current_year ? String(meta.current_year) : null
    synonyms = new Map(Object.entries(meta && meta.synonyms || {}))
    longest = 1
    vocab.forEach(function (w) { if (/[\u0e01-\u0e4f]/.test(w) && w.length > longest) longest = w.length })
  }

  function hasPrefix(prefix) {
    for (var i = 0; i < words.length; i++)
      if (words[i].lastIndexOf(prefix, 0) === 0) return true
    return false
  }

  /* Cut a Thai run into index words: fewest unknown letters, then the likeliest words
     (each word as often as it occurs in the index: "มาตรการ|ยืม", not "มาตร|การยืม";
     a longer word usually wins over its parts, each of which costs its own odds). */
  function cut(run) {
    var n = run.length
    var cost = [[0, 0]], back = [null]
    for (var i = 1; i <= n; i++) { cost.push(null); back.push(null) }
    function better(a, b) { return !b || a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) }
    var unknownOdds = Math.log(total)
    for (var i = 0; i < n; i++) {
      if (!cost[i]) continue
      var unk = [cost[i][0] + 1, cost[i][1] + unknownOdds]
      if (better(unk, cost[i + 1])) { cost[i + 1] = unk; back[i + 1] = [i, false] }
      for (var j = i + 2; j <= Math.min(n, i + longest); j++) {
        var w = run.slice(i, j)
        if (vocab.has(w)) {
          var c = [cost[i][0], cost[i][1] + Math.log(total / (freq.get(w) || 1))]
          if (better(c, cost[j])) { cost[j] = c; back[j] = [i, true] }
        }
      }
    }
    var pieces = []
    for (var k = n; k > 0; k = back[k][0]) {
      var known = back[k][1], piece = run.slice(back[k][0], k)
      if (!known && pieces.length && !pieces[0].known)
        pieces[0].text = piece + pieces[0].text    /* merge unknown letters */
      else
        pieces.unshift({ text: piece, known: known || vocab.has(piece) })
    }
    var out = []
    for (var p = 0; p < pieces.length; p++) {
      if (pieces[p].known) out.push(pieces[p].text)
      else if (pieces[p].text.length > 1 || pieces.length === 1) out.push("*" + pieces[p].text)
    }
    return out.join(" ")
  }

  function digits(d) {
    var forms = /[๐-๙]/.test(d) ? [d, arabic(d)] : [d, thai(d)]
    for (var i = 0; i < forms.length; i++) if (hasPrefix(forms[i])) return forms[i]
    return forms[0]
  }

  /* A fiscal year the site has, typed alone or after ปี / ปีงบ / ปีงบประมาณ (not inside a
     span such as "2566-2570"): [the query without it, the year] */
  function yearFilter(query) {
    var re = /(^|\s)(?:ปีงบประมาณ|ปีงบ|ปี)?\s*([0-9๐-๙]{4})(?=\s|$)/g
    var m, found = null, rest = query
    while ((m = re.exec(query))) {
      var y = arabic(m[2])
      if (years.has(y)) { found = y; rest = query.slice(0, m.index) + " " + query.slice(re.lastIndex); break }
    }
    if (found === null || !rest.trim()) return [query, null]
    return [rest, found]
  }

  function bare(t) { return t.replace(/^[+\-*]+|[*]+$|\^\d+$/g, "") }

  function pieces(text) {
    return text.split(/\s+/).map(function (term) {
      var id = /^(?:o|๐)([0-9๐-๙]{1,2})$/.exec(term)
      if (id) return "o" + String(parseInt(arabic(id[1]), 10)) + "^1"
      return term
        .replace(/[0-9๐-๙]+/g, function (d) { return " " + digits(d) + " " })
        .replace(THAI, function (run) { return " " + cut(run) + " " })
    }).join(" ").split(/\s+/).filter(function (t) { return t })
  }

  /* The query for lunr, and which of its words stand for the same thing (a typed word and
     its synonyms: a page that has either has that word of the query). */
  function expand(query) {
    var q = query.toLowerCase()
      .replace(/ข้อ\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])/g, " o$1 ")
    var terms = pieces(q)
    var groups = {}
    synonyms.forEach(function (others, word) {
      if (q.indexOf(word) < 0) return
      var group = "=" + word
      pieces(word).forEach(function (t) { groups[bare(t)] = {word: group, typed: true} })
      others.forEach(function (other) {
        pieces(other).forEach(function (t) {
          if (!groups[bare(t)]) groups[bare(t)] = {word: group, typed: false}
          terms.push(t)
        })
      })
    })
    /* Function words and single letters or digits ("สขร.1" -> "1") match almost every
       section; keep them only when nothing else is left. */
    var useful = terms.filter(function (t) {
      var b = bare(t)
      return !STOP.has(b) && b.replace(/[.\-]/g, "").length > 1
    })
    return {query: (useful.length ? useful : terms).join(" "), groups: groups}
  }

  function rewrite(query) { return expand(query).query }

  /* Thai runs of a result's HTML (title or text, with Material's <mark>s) without the
     index's U+200B: words in <nobr>, <wbr> between them and where the separator was. */
  function display(html) {
    if (typeof html !== "string" || !/[\u200b\u2060]/.test(html)) return html
    /* a highlighted word joined to its การ/ความ: highlight the whole word, so that the
       line cannot wrap between the prefix and the highlight */
    html = html
      .replace(/([\u0e01-\u0e5b]+)\u2060<mark>/g, "<mark>$1")
      .replace(/<\/mark>\u2060([\u0e01-\u0e5b]+)/g, "$1</mark>")
    return html.split(/(<[^>]*>)/).map(function (part, i) {
      if (i % 2) return part
      part = part.replace(/\u2060/g, "")               /* การ|ป้องกัน: one word on the page */
      return part.replace(/[\u0e01-\u0e5b\u200b]+/g, function (run) {
        var pieces = run.split("\u200b"), out = "", inner = []
        for (var k = 0; k < pieces.length; k++) if (pieces[k]) inner.push(pieces[k])
        if (pieces[0] === "") out += "<wbr>"
        if (inner.length) out += "<nobr>" + inner.join("<wbr>") + "</nobr>"
        if (pieces.length > 1 && pieces[pieces.length - 1] === "") out += "<wbr>"
        return out
      })
    }).join("")
  }

  function pageOf(group) {
    for (var i = 0; i < group.length; i++)
      if (group[i].location.indexOf("#") < 0) return group[i]
    return group[0]
  }

  /* Share of the query's words that a page has, in any of its sections (Material marks
     each word found per section in `terms`); a word found only through a synonym counts
     for SYNONYM_WEIGHT, so that the page with the words as typed comes first. */
  function coverage(group, same) {
    var all = {}, found = {}
    for (var i = 0; i < group.length; i++)
      for (var key in group[i].terms) {
        var word = same[key] ? same[key].word : key
        var weight = same[key] && !same[key].typed ? SYNONYM_WEIGHT : 1
        all[word] = true
        if (group[i].terms[key]) found[word] = Math.max(found[word] || 0, weight)
      }
    var n = Object.keys(all).length, sum = 0
    for (var w in found) sum += found[w]
    return n ? sum / n : 1
  }

  /* Rearrange Material's result groups (one per page): see the header. */
  function arrange(items, year, same) {
    same = same || {}
    var rows = []
    for (var i = 0; i < items.length; i++) {
      var group = items[i], page = pageOf(group), loc = page.location.split("#")[0]
      var y = YEAR_PAGE.exec(loc)
      if (year && (!y || y[1] !== year)) continue
      var best = 0
      for (var k = 0; k < group.length; k++) if (group[k].score > best) best = group[k].score
      var raw = best, cover = coverage(group, same)
      if (INDEX_PAGE.test(loc)) { best *= INDEX_WEIGHT; cover *= INDEX_WEIGHT }
      rows.push({group: group, page: page, year: y ? y[1] : null, score: best, raw: raw,
                 cover: cover, order: i})
    }
    rows.sort(function (a, b) {
      return b.cover - a.cover || b.score - a.score || a.order - b.order
    })
    var out = []
    for (var start = 0; start < rows.length;) {        /* runs of about equal matches */
      var end = start + 1
      while (end < rows.length && rows[end].cover === rows[start].cover &&
             rows[end].score >= rows[start].score * EQUAL) end++
      var run = rows.slice(start, end)
      run.sort(function (a, b) {
        var ca = a.year === null || a.year === current ? 0 : 1
        var cb = b.year === null || b.year === current ? 0 : 1
        return ca - cb || b.score - a.score || a.order - b.order
      })
      out = out.concat(run)
      start = end
    }
    return out.map(function (row, rank) {
      /* scores that follow the new order: Material's Enter key opens the highest */
      var factor = (out.length - rank) / (row.raw || 1)
      var group = row.group.map(function (doc) {
        var copy = {}
        for (var key in doc) copy[key] = doc[key]
        copy.score = doc.score * factor
        copy.title = display(doc.title)
        copy.text = display(doc.text)
        if (doc === row.page && row.year && String(doc.title).replace(/\u200b/g, "")
            .indexOf(row.year) < 0)
          copy.title += " <span class=\"pg-result-year\">· ปีงบประมาณ " + row.year + "</span>"
        return copy
      })
      return group
    })
  }

  self.prongsaiRewrite = rewrite                 /* for tests */
  self.prongsaiExpand = expand
  self.prongsaiYearFilter = yearFilter
  self.prongsaiArrange = arrange
  addEventListener("message", function (ev) {
    var m = ev.data
    if (!m) return
    if (m.type === SETUP && m.data && m.data.docs) learn(m.data)
    else if (m.type === QUERY && typeof m.data === "string") {
      var split = yearFilter(m.data), q = expand(split[0])
      pending.push({year: split[1], groups: q.groups})
      m.data = q.query
    }
  })

  /* Material's worker answers each query with one RESULT message, in order */
  var post = self.postMessage.bind(self)
  self.postMessage = function (m) {
    if (m && m.type === RESULT && m.data && m.data.items) {
      var q = pending.length ? pending.shift() : {year: null, groups: {}}
      var items = arrange(m.data.items, q.year, q.groups)
      if (q.year && !items.length) items = arrange(m.data.items, null, q.groups)  /* none */
      var data = {items: items}
      if (m.data.suggest) data.suggest = m.data.suggest
      m = {type: m.type, data: data}
    }
    post(m)
  }

  /* Material's own worker, next to this file (name pinned to mkdocs-material 9.8.1) */
  importScripts("search.a7633da7.min.js")
})()
