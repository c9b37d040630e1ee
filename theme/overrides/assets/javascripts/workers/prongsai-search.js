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
 * Material then adds its trailing wildcard to every word and ranks as usual.
 */
(function () {
  "use strict"
  var SETUP = 0, QUERY = 2                       /* Material's SearchMessageType */
  var THAI = /[\u0e01-\u0e4f\u0e5a\u0e5b]+/g     /* Thai letters (not digits) */
  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
  /* Thai function words: they match nearly every section (and many titles, which Material
     boosts 1000x), so a query like "ภาษีที่ดินและสิ่งปลูกสร้าง" drowns in "และ". They are
     dropped from a query that has other words. "ไม่" stays: "ไม่รับของขวัญ". */
  var STOP = new Set(("และ หรือ ของ ใน ที่ การ ความ เป็น ได้ ให้ กับ แก่ จาก โดย ซึ่ง อัน นี้ " +
                      "นั้น ตาม เพื่อ แต่ ก็ จะ ว่า คือ ด้วย ถึง ต่อ แห่ง ๆ").split(" "))
  var vocab = new Set()
  var words = []
  var longest = 1

  function arabic(s) {
    return s.replace(/[๐-๙]/g, function (d) { return String(THAI_DIGITS.indexOf(d)) })
  }
  function thai(s) {
    return s.replace(/[0-9]/g, function (d) { return THAI_DIGITS[+d] })
  }

  function learn(index) {
    var sep = new RegExp(index.config.separator, "g")
    vocab = new Set()
    for (var i = 0; i < index.docs.length; i++) {
      var doc = index.docs[i]
      var text = (doc.title || "") + " " + (doc.text || "")
      var tokens = text.replace(/<[^>]*>/g, " ").toLowerCase().split(sep)
      for (var t = 0; t < tokens.length; t++)
        if (tokens[t]) vocab.add(tokens[t])
    }
    words = Array.from(vocab)
    longest = 1
    vocab.forEach(function (w) { if (/[\u0e01-\u0e4f]/.test(w) && w.length > longest) longest = w.length })
  }

  function hasPrefix(prefix) {
    for (var i = 0; i < words.length; i++)
      if (words[i].lastIndexOf(prefix, 0) === 0) return true
    return false
  }

  /* Cut a Thai run into index words: fewest unknown letters, then fewest pieces. */
  function cut(run) {
    var n = run.length
    var cost = [[0, 0]], back = [null]
    for (var i = 1; i <= n; i++) { cost.push(null); back.push(null) }
    function better(a, b) { return !b || a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) }
    for (var i = 0; i < n; i++) {
      if (!cost[i]) continue
      var unk = [cost[i][0] + 1, cost[i][1] + 1]
      if (better(unk, cost[i + 1])) { cost[i + 1] = unk; back[i + 1] = [i, false] }
      for (var j = i + 2; j <= Math.min(n, i + longest); j++)
        if (vocab.has(run.slice(i, j))) {
          var c = [cost[i][0], cost[i][1] + 1]
          if (better(c, cost[j])) { cost[j] = c; back[j] = [i, true] }
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

  function rewrite(query) {
    var q = query.toLowerCase()
      .replace(/ข้อ\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])/g, " o$1 ")
    var terms = q.split(/\s+/).map(function (term) {
      var id = /^(?:o|๐)([0-9๐-๙]{1,2})$/.exec(term)
      if (id) return "o" + String(parseInt(arabic(id[1]), 10)) + "^1"
      return term
        .replace(/[0-9๐-๙]+/g, function (d) { return " " + digits(d) + " " })
        .replace(THAI, function (run) { return " " + cut(run) + " " })
    }).join(" ").split(/\s+/).filter(function (t) { return t })
    /* Function words and single letters or digits ("สขร.1" -> "1") match almost every
       section; keep them only when nothing else is left. */
    var useful = terms.filter(function (t) {
      var bare = t.replace(/^[+\-*]+|[*]+$/g, "")
      return !STOP.has(bare) && bare.replace(/[.\-]/g, "").length > 1
    })
    return (useful.length ? useful : terms).join(" ")
  }

  self.prongsaiRewrite = rewrite                 /* for tests */
  addEventListener("message", function (ev) {
    var m = ev.data
    if (!m) return
    if (m.type === SETUP && m.data && m.data.docs) learn(m.data)
    else if (m.type === QUERY && typeof m.data === "string") m.data = rewrite(m.data)
  })

  /* Material's own worker, next to this file (name pinned to mkdocs-material 9.8.1) */
  importScripts("search.a7633da7.min.js")
})()
