/*
 * Prongsai: tables on small screens, on every page view (Material's document$ also covers
 * instant navigation) and when the window is resized.
 *
 * 1. An officer's own Markdown table that is wider than the screen becomes cards, one per
 *    row, each cell after its column's name (the build puts data-label on every cell,
 *    generator/engine/tables.py; the stylesheet shows it). Our own tables are laid out by
 *    the stylesheet alone.
 * 2. Keyboard access: a table that still scrolls sideways is a scrolling region, which
 *    must be reachable by keyboard (WCAG 2.1.1, axe rule scrollable-region-focusable), so
 *    it gets tabindex=0 and a name while it scrolls.
 */
(function () {
  "use strict"
  function cards() {
    var tables = document.querySelectorAll(".md-typeset table:not([class])")
    for (var i = 0; i < tables.length; i++) {
      var t = tables[i]
      var box = t.closest(".md-typeset__scrollwrap") || t.parentElement
      t.removeAttribute("data-cards")
      if ((box.scrollWidth > box.clientWidth + 1 || t.scrollWidth > t.clientWidth + 1) &&
          t.querySelector("td[data-label]"))
        t.setAttribute("data-cards", "")
    }
  }
  function mark() {
    var regions = document.querySelectorAll(
      ".md-typeset__scrollwrap, .md-typeset table.pg-table, .pg-scroll")
    for (var i = 0; i < regions.length; i++) {
      var el = regions[i]
      if (el.scrollWidth > el.clientWidth + 1) {
        el.setAttribute("tabindex", "0")
        if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", "ตาราง (เลื่อนซ้าย–ขวาได้)")
        if (!el.hasAttribute("role") && el.tagName !== "TABLE") el.setAttribute("role", "region")
      } else if (el.getAttribute("tabindex") === "0") {
        el.removeAttribute("tabindex")
      }
    }
  }
  function update() { cards(); mark() }
  if (typeof document$ !== "undefined") document$.subscribe(update)
  else document.addEventListener("DOMContentLoaded", update)
  window.addEventListener("resize", update)
})()

/*
 * Prongsai: o13's monthly procurement tables are collapsed sections; printing opens them
 * all (browsers without ::details-content print closed sections closed), and closes again
 * the ones the reader had not opened.
 */
;(function () {
  "use strict"
  var opened = []
  window.addEventListener("beforeprint", function () {
    var months = document.querySelectorAll("details.pg-month:not([open])")
    for (var i = 0; i < months.length; i++) {
      months[i].setAttribute("open", "")
      opened.push(months[i])
    }
  })
  window.addEventListener("afterprint", function () {
    while (opened.length) opened.pop().removeAttribute("open")
  })
})()
