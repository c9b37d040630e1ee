// Prongsai editor, loaded after Decap CMS: the Thai date widget, the checklist beside each
// form (a preview template fed by /api/prongsai/checklist, refreshed after every save, with
// the preview page under it), then Decap's start.
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var bus = window.prongsai.bus;

  // --- dates: typed as the loader reads them, or picked from a calendar (Buddhist era) ----
  function pickerValue(text) {
    var m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text || "");
    if (!m || +m[1] < 2400) { return ""; }
    var pad = function (n) { return ("0" + n).slice(-2); };
    return (+m[1] - 543) + "-" + pad(+m[2]) + "-" + pad(+m[3]);
  }
  var DateControl = createClass({
    typed: function (e) { this.props.onChange(e.target.value); },
    picked: function (e) {
      var v = e.target.value;  // yyyy-mm-dd, Christian era
      if (!v) { return; }
      var p = v.split("-");
      this.props.onChange((+p[0] + 543) + "-" + p[1] + "-" + p[2]);
    },
    render: function () {
      var value = this.props.value == null ? "" : String(this.props.value);
      return h("div", { className: (this.props.classNameWrapper || "") + " prongsai-date" },
        h("input", { type: "text", id: this.props.forID, value: value, onChange: this.typed,
                     placeholder: "เช่น 2568-04-03 หรือ 3 เมษายน 2568",
                     onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle }),
        h("input", { type: "date", value: pickerValue(value), onChange: this.picked,
                     title: "เลือกวันที่จากปฏิทิน (บันทึกเป็นปี พ.ศ.)",
                     "aria-label": "เลือกวันที่จากปฏิทิน" }));
    }
  });
  var DatePreview = createClass({
    render: function () { return h("span", null, this.props.value ? String(this.props.value) : ""); }
  });
  CMS.registerWidget("thaidate", DateControl, DatePreview);

  // --- the checklist ---------------------------------------------------------------------
  function problemList(problems) {
    return h("ul", { className: "pr-problems" }, problems.map(function (p, i) {
      return h("li", { key: i, className: "pr-" + p.severity },
        h("div", { className: "pr-msg" }, (p.severity === "error" ? "✘ ต้องแก้: " : "⚠ ควรแก้: ") + p.message_th),
        h("div", { className: "pr-where" }, p.where_th),
        h("div", { className: "pr-fix" }, "วิธีแก้: " + p.fix_th));
    }));
  }

  var Checklist = createClass({
    getInitialState: function () { return { data: null, refused: null, version: 0, error: null }; },
    componentDidMount: function () {
      var self = this;
      this.onSaved = function () { self.setState({ refused: null }); self.load(true); };
      this.onRefused = function (e) { self.setState({ refused: e.detail }); };
      bus.addEventListener("saved", this.onSaved);
      bus.addEventListener("refused", this.onRefused);
      this.load(false);
    },
    componentWillUnmount: function () {
      bus.removeEventListener("saved", this.onSaved);
      bus.removeEventListener("refused", this.onRefused);
    },
    path: function () { return this.props.entry.get("path"); },
    load: function (saved) {
      var self = this;
      fetch("/api/prongsai/checklist?path=" + encodeURIComponent(this.path()))
        .then(function (r) { return r.json(); })
        .then(function (data) {
          self.setState(function (s) {
            return { data: data, error: null, version: saved ? s.version + 1 : s.version };
          });
        })
        .catch(function (e) { self.setState({ error: String(e) }); });
    },
    render: function () {
      var d = this.state.data;
      var parts = [h("h2", { key: "t", className: "pr-title" }, "ตรวจความครบถ้วน")];
      if (this.state.refused) {
        parts.push(h("div", { key: "r", className: "pr-refused", role: "alert" },
          h("strong", null, "ยังไม่บันทึก"),
          h("pre", null, this.state.refused.error || "")));
      }
      if (this.state.error) { parts.push(h("p", { key: "e" }, "อ่านผลการตรวจไม่ได้: " + this.state.error)); }
      if (!d) { parts.push(h("p", { key: "l" }, "กำลังตรวจ…")); return h("div", { className: "pr-checklist" }, parts); }
      if (d.unreadable.length) {
        parts.push(h("div", { key: "u", className: "pr-refused" },
          h("strong", null, "อ่านข้อมูลของหน่วยงานไม่ได้"), problemList(d.unreadable)));
      }
      if (d.as_of) {
        parts.push(h("p", { key: "a", className: "pr-asof" },
          "ปีงบประมาณ " + d.year + " · นับถึง " + d.as_of + " · ผลเดียวกับคำสั่ง prongsai check"));
      }
      d.items.forEach(function (it) {
        parts.push(h("section", { key: it.id, className: "pr-item pr-status-" + it.status, "data-item": it.id },
          h("h3", null, it.id + " " + it.title + " ", h("span", { className: "pr-badge" }, it.status_th)),
          h("ul", { className: "pr-components" }, it.components.map(function (c) {
            return h("li", { key: c.id, className: c.met ? "pr-met" : "pr-unmet", "data-component": c.id },
              (c.met ? "✔ " : "✘ ") + c.title,
              c.auto ? h("span", { className: "pr-auto" }, " (ตรวจอัตโนมัติ" + (c.detail ? ": " + c.detail : "") + ")") : null,
              c.evidence.length ? h("span", { className: "pr-ev" }, " — หลักฐานรายการที่ " + c.evidence.join(", ")) : null);
          })),
          it.problems.length ? problemList(it.problems) : h("p", { className: "pr-ok" }, "ไม่พบปัญหา")));
      });
      if (d.problems.length) {
        parts.push(h("section", { key: "p" }, h("h3", null, "ปัญหาในไฟล์นี้"), problemList(d.problems)));
      } else if (!d.items.length) {
        parts.push(h("p", { key: "ok", className: "pr-ok" }, "ไม่พบปัญหาในไฟล์นี้"));
      }
      if (d.preview) {
        parts.push(h("h2", { key: "pt", className: "pr-title" }, "ตัวอย่างหน้าเว็บ (หลังบันทึก)"));
        parts.push(h("iframe", { key: "pv" + this.state.version, className: "pr-preview",
          src: d.preview + "?v=" + this.state.version + "-" + d.saves, title: "ตัวอย่างหน้าเว็บ" }));
      }
      return h("div", { className: "pr-checklist", "data-saves": String(d.saves) }, parts);
    }
  });

  // Decap's words for a git workflow ("publish") are wrong here: a form saves a file, and
  // the site is published with `prongsai build`
  var th = CMS.getLocale && CMS.getLocale("th");
  if (th && th.editor && th.editor.editorToolbar) {
    Object.assign(th.editor.editorToolbar, {
      publish: "บันทึก", publishing: "กำลังบันทึก...", published: "บันทึกแล้ว",
      publishNow: "บันทึกลงไฟล์", publishAndCreateNew: "บันทึก และสร้างใหม่",
      publishAndDuplicate: "บันทึก และทำซ้ำ", deletePublishedEntry: "ลบไฟล์นี้",
      deleteEntry: "ลบไฟล์นี้"
    });
    if (th.ui && th.ui.toast) {
      Object.assign(th.ui.toast, {
        entryPublished: "บันทึกแล้ว (ฉบับก่อนแก้ไขเก็บไว้แล้ว)",
        onFailToPersist: "บันทึกไม่สำเร็จ: %{details}"
      });
    }
    CMS.registerLocale("th", th);
  }

  fetch("/api/prongsai/forms").then(function (r) { return r.json(); }).then(function (info) {
    info.templates.forEach(function (name) { CMS.registerPreviewTemplate(name, Checklist); });
    CMS.registerPreviewStyle("/admin/preview.css");
    CMS.init();
  });
})();
