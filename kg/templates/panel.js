/* policy-kg: the evidence panel, shared by the graph pages (graph.js) and the evolution view (evolution.js).
 *
 * window.kgPanel(D, panel) returns the functions that fill the panel from the page's data (D: the JSON of
 * kg.site.pages): an entity with its status strip, claims and sentences; a theme. Every text from the graph
 * reaches the page through textContent, never as HTML.
 */
(function () {
  "use strict";
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "cls") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  var MODE = { planned: "计划 planned", reviewed: "回顾 reviewed" };
  var MODES = ["planned", "reviewed"];

  // The CJK font the pages name: when none of them is installed, Chinese shows as boxes or in a fallback;
  // say so once, at the top of the page, instead of leaving a reader to guess.
  function fontNote() {
    if (!document.fonts || !document.fonts.check) return;
    var faces = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
                 "Noto Sans SC", "Hiragino Sans GB", "SimHei", "SimSun"];
    var ok = faces.some(function (f) { try { return document.fonts.check("12px \"" + f + "\"", "中文"); } catch (e) { return false; } });
    window.kgFontMissing = !ok;
    if (ok) return;
    var note = el("p", { cls: "font-note", role: "status",
      text: "未找到中文字体：中文可能显示为方框。No CJK font found on this system (Noto Sans CJK SC, Source Han Sans, " +
            "PingFang, Microsoft YaHei…): Chinese text may show as boxes. Install one, e.g. fonts-noto-cjk." });
    document.body.insertBefore(note, document.body.firstChild);
  }
  // after the page has drawn: the check is not worth delaying the first picture for
  if (document.readyState === "complete") setTimeout(fontNote, 0);
  else window.addEventListener("load", function () { setTimeout(fontNote, 0); });

  window.kgPanel = function (D, panel) {
    var entities = D.entities;
    var typeInfo = {}; D.types.forEach(function (t) { typeInfo[t.id] = t; });
    var themeInfo = {}; D.themes.forEach(function (t) { themeInfo[t.id] = t; });
    var statusInfo = {}, statusRank = {};
    D.statuses.forEach(function (s, i) { statusInfo[s.id] = s; statusRank[s.id] = i; });
    function link(href, text) { return el("a", { href: D.base + href, text: text }); }
    function sentenceItem(si, start, end, extra) {
      var s = D.sentences[String(si)], text = s[1];
      var r = D.reports[s[0]];
      var body = el("span");
      if (start >= 0 && end > start && end <= text.length) {
        body.appendChild(document.createTextNode(text.slice(0, start)));
        body.appendChild(el("mark", { text: text.slice(start, end) }));
        body.appendChild(document.createTextNode(text.slice(end)));
      } else {
        body.textContent = text;
      }
      var where = r[0] + (r[1] ? " · " + r[1] : "") + (extra ? " · " + extra : "") + (s[2] ? " · " + s[2] : "");
      // the sentence in its report's text, when the site has the report pages (D.reportFiles: name → page)
      var page = D.reportFiles && D.reportFiles[r[0]];
      var src = page ? el("a", { cls: "src", href: D.base + page + "#s" + s[3], text: "原文 in the report" }) : null;
      return el("li", null, el("span", { cls: "where" }, where + " ", src), body);
    }
    function statusChip(id) {
      var s = statusInfo[id] || { zh: id, en: "", color: "#999" };
      return el("span", { cls: "status" + (s.light ? " light" : ""), style: "background:" + s.color, text: s.zh + " " + s.en });
    }
    // One cell per corpus year and mode: the status that year (the highest claimed, else "mentioned"),
    // empty where a report speaks of the year without naming the entity, hatched where no report does.
    function strip(e) {
      var years = D.corpusYears || D.years, slots = D.slots || [];
      var best = {};
      e.mentions.forEach(function (m) { if (m[3] !== null) { var k = m[3] + ":" + m[4]; if (!best[k]) best[k] = "mentioned"; } });
      e.claims.forEach(function (c) {
        if (c[0] === null) return;
        var k = c[0] + ":" + c[1];
        if (!best[k] || (statusRank[c[2]] || 0) > (statusRank[best[k]] || 0)) best[k] = c[2];
      });
      var box = el("div", { cls: "strip", role: "img", "aria-label": "status per year", style: "grid-template-columns:repeat(" + (2 * years.length) + ",1fr)" });
      years.forEach(function (y, i) {
        MODES.forEach(function (mode, j) {
          var st = best[y + ":" + mode], slot = slots[i] ? slots[i][j] : 1, cell;
          var tip = y + " " + MODE[mode] + ": ";
          if (st) {
            var s = statusInfo[st] || { color: "#999", zh: st, en: "" };
            cell = el("span", { cls: "c " + mode, style: (mode === "planned" ? "border-color:" : "background:") + s.color, title: tip + s.zh + " " + s.en });
          } else if (!slot) {
            cell = el("span", { cls: "c missing", title: tip + "无报告 no report" });
          } else {
            cell = el("span", { cls: "c none", title: tip + "未提及 not named" });
          }
          box.appendChild(cell);
        });
      });
      var wrap = el("div", { cls: "strip-wrap" }, box,
        el("div", { cls: "strip-axis" }, el("span", { text: String(years[0] || "") }), el("span", { text: String(years[years.length - 1] || "") })));
      return wrap;
    }
    function showEntity(key, cell, links) {
      var e = entities[key];
      if (!e) return;
      clear(panel);
      panel.appendChild(el("h2", { text: e.label }));
      var t = typeInfo[e.type] || { label: e.type, color: "#999" };
      panel.appendChild(el("p", null, el("span", { cls: "chip", style: "background:" + t.color }), t.label,
        " · " + e.mentions.length + " 处提及 mentions · " + (e.years.length ? e.years[0] + "–" + e.years[e.years.length - 1] : "")));
      panel.appendChild(strip(e));
      if (e.aliases.length) panel.appendChild(el("p", null, "又名 also: ", e.aliases.join("、")));
      if (e.themes.length) {
        var p = el("p", null, "主题 themes: ");
        e.themes.forEach(function (th) {
          var info = themeInfo[th];
          p.appendChild(info ? el("a", { cls: "tag", href: D.base + info.href, text: info.zh }) : el("span", { cls: "tag", text: th }));
        });
        panel.appendChild(p);
      }
      var nav = el("p", null, link(e.href, "实体页 entity page →"));
      (links || []).forEach(function (l) { nav.appendChild(document.createTextNode(" ")); nav.appendChild(link(l[0], l[1])); });
      panel.appendChild(nav);
      var mentions = e.mentions, claims = e.claims;
      if (cell) {
        panel.appendChild(el("h3", null, cell.year + " " + (MODE[cell.mode] || cell.mode) + " ", statusChip(cell.status)));
        if (cell.names && cell.names.length) panel.appendChild(el("p", null, "名称 names: " + cell.names.join("、")));
        mentions = mentions.filter(function (m) { return m[3] === cell.year && m[4] === cell.mode; });
        claims = claims.filter(function (c) { return c[0] === cell.year && c[1] === cell.mode; });
      }
      claims = claims.filter(function (c) { return c[2] !== "mentioned"; });
      if (claims.length) {
        panel.appendChild(el("h3", { text: "状态 status" }));
        var ul = el("ul", { cls: "sentences" });
        claims.forEach(function (c) {
          var li = el("li", null, el("span", { cls: "where" }, (c[0] === null ? "" : c[0] + " ") + (MODE[c[1]] || c[1]) + " ",
            statusChip(c[2]), " «" + c[3] + "»"));
          li.appendChild(document.createTextNode(c[4] !== null ? D.sentences[String(c[4])][1] : c[5]));
          ul.appendChild(li);
        });
        panel.appendChild(ul);
      }
      panel.appendChild(el("h3", { text: "证据 evidence (" + mentions.length + ")" }));
      var list = el("ul", { cls: "sentences" });
      mentions.forEach(function (m) {
        list.appendChild(sentenceItem(m[0], m[1], m[2], (m[3] === null ? "" : m[3] + " ") + (MODE[m[4]] || m[4])));
      });
      panel.appendChild(list);
    }
    function showTheme(id) {
      var t = themeInfo[id];
      if (!t) return;
      clear(panel);
      panel.appendChild(el("h2", { text: t.zh }));
      panel.appendChild(el("p", { text: t.en }));
      panel.appendChild(el("p", { text: t.count + " 个实体 entities" }));
      panel.appendChild(el("p", null, link(t.href, "主题页 theme page →")));
    }
    return { el: el, clear: clear, MODE: MODE, typeInfo: typeInfo, themeInfo: themeInfo, statusInfo: statusInfo,
             link: link, sentenceItem: sentenceItem, statusChip: statusChip, strip: strip,
             showEntity: showEntity, showTheme: showTheme };
  };
})();

/* Side panels as drawers below 900 px: the buttons of .drawer-buttons open one (and close the other); a
 * click outside closes it. Above 900 px the panels are columns and open() does nothing. */
(function () {
  "use strict";
  var narrow = window.matchMedia ? window.matchMedia("(max-width: 900px)") : { matches: false };
  function set(name) {
    ["controls", "panel"].forEach(function (id) {
      var node = document.getElementById(id);
      if (node) node.classList.toggle("open", id === name);
    });
    document.body.classList.toggle("drawer-open", !!name);
  }
  window.kgDrawers = {
    open: function (name) { if (narrow.matches) set(name); },
    close: function () { set(null); }
  };
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest("[data-drawer]") : null;
    if (b) {
      var node = document.getElementById(b.getAttribute("data-drawer"));
      set(node && node.classList.contains("open") ? null : b.getAttribute("data-drawer"));
      ev.stopPropagation();
      return;
    }
    if (narrow.matches && document.body.classList.contains("drawer-open") && !(ev.target.closest && ev.target.closest(".drawer"))) {
      set(null);
    }
  }, true);
})();
