// Prongsai editor, loaded before Decap CMS: initialise Decap by hand (editor.js registers the
// Thai date widget and the checklist first), and tell the server which version of a file a
// form was read from, so that a save over a file changed meanwhile is refused (see
// generator/commands/editor/api.py: prongsai_base).
(function () {
  "use strict";
  window.CMS_MANUAL_INIT = true;
  // the local backend has no account: skip Decap's "log in" page
  try {
    var user = JSON.parse(localStorage.getItem("decap-cms-user") || "null");
    if (!user || user.backendName !== "proxy") {
      localStorage.setItem("decap-cms-user", JSON.stringify({ backendName: "proxy" }));
    }
  } catch (e) { /* storage disabled: Decap shows its log-in button, which works too */ }
  var ids = {};           // file path -> the id (sha256) the editor last read or saved
  var bus = new EventTarget();
  var state = { ids: ids, bus: bus, saves: 0, refusals: 0, lastSave: null };
  window.prongsai = state;
  var original = window.fetch.bind(window);

  function remember(entry) {
    if (entry && entry.file && typeof entry.file.path === "string") {
      ids[entry.file.path] = entry.file.id;
    }
  }

  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || "";
    var path;
    try { path = new URL(url, location.href).pathname; } catch (e) { path = ""; }
    if (path !== "/api/v1" || !init || typeof init.body !== "string") {
      return original(input, init);
    }
    var body;
    try { body = JSON.parse(init.body); } catch (e) { return original(input, init); }
    var action = body.action;
    var params = body.params || {};
    if (action === "persistEntry" || action === "deleteFile" || action === "deleteFiles") {
      var files = action === "persistEntry"
        ? (params.dataFiles || [params.entry]).map(function (f) { return f && f.path; })
        : (params.paths || [params.path]);
      var base = {};
      files.forEach(function (p) { if (p) { base[p] = p in ids ? ids[p] : null; } });
      params.prongsai_base = base;
      body.params = params;
      init = Object.assign({}, init, { body: JSON.stringify(body) });
      if (action === "persistEntry") {
        bus.dispatchEvent(new CustomEvent("saving", { detail: { paths: files } }));
      }
    }
    return original(input, init).then(function (response) {
      response.clone().json().then(function (json) {
        if (action === "getEntry") { remember(json); }
        if ((action === "entriesByFiles" || action === "entriesByFolder") && Array.isArray(json)) {
          json.forEach(remember);
        }
        if (action === "persistEntry") {
          if (response.ok && json && json.prongsai) {
            Object.assign(ids, json.prongsai.ids || {});
            state.saves += 1;
            state.lastSave = json.prongsai;
            bus.dispatchEvent(new CustomEvent("saved", { detail: json.prongsai }));
            if (json.prongsai.renamed && Object.keys(json.prongsai.renamed).length) {
              // the server stored an upload under another (safe, unique) name: read the
              // entry again so that the form holds the name on disk
              setTimeout(function () { location.reload(); }, 1500);
            }
          } else {
            state.refusals += 1;
            bus.dispatchEvent(new CustomEvent("refused", { detail: json || {} }));
          }
        }
        if ((action === "deleteFile" || action === "deleteFiles") && response.ok) {
          (params.paths || [params.path]).forEach(function (p) { delete ids[p]; });
        }
      }).catch(function () {});
      return response;
    });
  };
})();
