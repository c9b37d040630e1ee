/*
 * Prongsai: keyboard access to wide tables. A table that is wider than a phone scrolls
 * sideways; a scrolling region must be reachable by keyboard (WCAG 2.1.1, axe rule
 * scrollable-region-focusable), so it gets tabindex=0 and a name while it scrolls.
 * Runs on every page view (Material's document$ also covers instant navigation).
 */
(function () {
  "use strict"
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
  if (typeof document$ !== "undefined") document$.subscribe(mark)
  else document.addEventListener("DOMContentLoaded", mark)
  window.addEventListener("resize", mark)
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
