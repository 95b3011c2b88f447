/* policy-kg: the evolution view, a timeline drawn on one canvas.
 *
 * Rows are entities, columns the corpus years (each split: the plan for the year on the left, its review
 * on the right), every year fitted to the width at once; the labels stay fixed on the left and the year
 * header on top while the rows scroll. Only the rows in sight are drawn, so 3,000 rows cost what 40 do.
 * Two modes: a timeline (a ring for a plan, a dot for a review, coloured by status; red links where the
 * name really changed) and a heat map (entity × year, a coloured cell per year and mode) for hundreds of
 * rows. The filters live in the URL's hash (#min=3&sort=span&focus=<key>…), so a view can be shared;
 * "#<key>" alone focuses an entity. Every text reaches the page through textContent or the canvas.
 */
(function () {
  "use strict";
  var kg = window.kgStart(), D = kg.data;  // controls.js
  function byId(id) { return document.getElementById(id); }
  var P = window.kgPanel(D, byId("panel")), el = P.el;
  var MODES = ["planned", "reviewed"];
  var HEADER = 34, LABEL_PAD = 8;
  var container = byId("network"), canvas = byId("tl-canvas"), scroller = byId("tl-scroll");
  var spacer = byId("tl-spacer"), tip = byId("tl-tip");
  var ctx = canvas.getContext("2d");
  var FONT = getComputedStyle(document.body).fontFamily || "sans-serif";
  var RENAME = D.stepKinds.indexOf("rename");
  var statuses = D.statuses;

  var rows = D.rows.map(function (r, i) {
    var e = D.entities[r[0]], cells = r[1], last = cells[cells.length - 1];
    var steps = {};
    r[2].forEach(function (s) { steps[s[1]] = { kind: D.stepKinds[s[2]], name: s[3] }; });
    return { key: r[0], e: e, cells: cells, steps: steps, reports: r[3], order: i,
             first: cells[0][0], last: last[0], mentions: e.mentions.length,
             span: D.years[last[0]] - D.years[cells[0][0]] };
  });
  var rowOf = {}; rows.forEach(function (r) { rowOf[r.key] = r; });
  kg.counts = [rows.length, rows.reduce(function (n, r) { return n + r.cells.length; }, 0)];

  // ---- controls ---------------------------------------------------------------
  var C = window.kgControls(D, P);
  var typeBoxes = C.typeBoxes, themeSel = C.themeSel, yFrom = C.yFrom, yTo = C.yTo;
  var minSel = byId("filter-min"), sortSel = byId("sort");
  var modeBoxes = Array.prototype.slice.call(document.querySelectorAll("input[name=mode]"));
  var legend = byId("legend-status");
  statuses.forEach(function (s) {
    legend.appendChild(el("span", { cls: "legend-row" },
      el("span", { cls: "chip", style: "background:" + s.color }), s.zh + " " + s.en));
  });
  legend.appendChild(el("span", { cls: "legend-row" },
    el("span", { cls: "chip ring", style: "border-color:#555" }), "空心 ring: 计划 planned (the report planning the year)"));
  legend.appendChild(el("span", { cls: "legend-row" },
    el("span", { cls: "chip", style: "background:#555" }), "实心 filled: 回顾 reviewed (the report reviewing it)"));
  legend.appendChild(el("span", { cls: "legend-row" },
    el("span", { cls: "line", style: "background:#D62728" }), "红线 red: 更名 renamed (the name really changed)"));
  legend.appendChild(el("span", { cls: "legend-row" },
    el("span", { cls: "line", style: "background:#999" }), "灰线 grey: 同一名称或变体 same name or a variant"));
  legend.appendChild(el("span", { cls: "legend-row" },
    el("span", { cls: "chip band" }), "黄带 band: 选中 the focused row"));
  legend.appendChild(el("span", { cls: "legend-row muted", text: "⋯ 无提及的年份已略去 years nobody names are left out" }));

  var DEFAULTS = { min: String(D.defaultMin || 1), sort: "first", mode: "dots", theme: "", from: String(D.years[0] || ""),
                   to: String(D.years[D.years.length - 1] || ""), types: "" };
  function state() {
    var off = D.types.filter(function (t) { return !typeBoxes[t.id].checked; }).map(function (t) { return t.id; });
    var mode = modeBoxes.filter(function (b) { return b.checked; })[0];
    return { min: minSel.value, sort: sortSel.value, mode: mode ? mode.value : "dots", theme: themeSel.value,
             from: yFrom.value, to: yTo.value, types: off.join(",") };
  }
  function setState(s) {
    minSel.value = s.min; sortSel.value = s.sort; themeSel.value = s.theme;
    yFrom.value = s.from; yTo.value = s.to;
    var off = s.types ? s.types.split(",") : [];
    D.types.forEach(function (t) { typeBoxes[t.id].checked = off.indexOf(t.id) < 0; });
    modeBoxes.forEach(function (b) { b.checked = b.value === s.mode; });
    if (minSel.selectedIndex < 0) minSel.value = DEFAULTS.min;
    if (sortSel.selectedIndex < 0) sortSel.value = DEFAULTS.sort;
    if (yFrom.selectedIndex < 0) yFrom.value = DEFAULTS.from;
    if (yTo.selectedIndex < 0) yTo.value = DEFAULTS.to;
    if (themeSel.selectedIndex < 0) themeSel.value = "";
  }
  function readHash() { return C.readHash(DEFAULTS); }
  function writeHash() { C.writeHash(state(), DEFAULTS, focused); }

  // ---- which rows, in which order ------------------------------------------------
  var visible = [], focused = null, pinned = false;
  function filter() {
    var s = state(), min = Number(s.min), from = Number(s.from), to = Number(s.to);
    var off = s.types ? s.types.split(",") : [];
    visible = rows.filter(function (r) {
      if (r.key === focused) return true;  // the focused row stays, whatever the filters
      if (r.reports < min || off.indexOf(r.e.type) >= 0) return false;
      if (s.theme && r.e.themes.indexOf(s.theme) < 0) return false;
      return r.e.years.some(function (y) { return y >= from && y <= to; });
    });
    var by = {
      first: function (a, b) { return a.order - b.order; },
      span: function (a, b) { return b.span - a.span || a.order - b.order; },
      mentions: function (a, b) { return b.mentions - a.mentions || a.order - b.order; },
      type: function (a, b) { return a.e.type < b.e.type ? -1 : a.e.type > b.e.type ? 1 : a.order - b.order; }
    }[s.sort] || function (a, b) { return a.order - b.order; };
    visible.sort(by);
    byId("stats").textContent = "显示 showing " + visible.length + " / " + rows.length + " 实体 entities";
    layout();
    writeHash();
  }

  // ---- geometry: every shown year fitted to the width -------------------------------
  var G = {};
  function layout() {
    var s = state(), from = Number(s.from), to = Number(s.to);
    var W = container.clientWidth, H = container.clientHeight;
    var heat = s.mode === "heat";
    G = { W: W, H: H, heat: heat, rowH: heat ? 14 : 24, labelW: Math.round(Math.max(96, Math.min(W * 0.3, 230))) };
    var shown = [];
    D.years.forEach(function (y, i) { if (y >= from && y <= to) shown.push(i); });
    var gapUnit = 0.6, gaps = 0;
    shown.forEach(function (yi, k) { if (k && D.years[yi] - D.years[shown[k - 1]] > 1) gaps++; });
    var units = Math.max(shown.length + gapUnit * gaps, 1);
    G.colW = Math.max((W - G.labelW - 12) / units, 1);
    G.x = {}; G.gaps = [];
    var at = G.labelW + 6;
    shown.forEach(function (yi, k) {
      if (k && D.years[yi] - D.years[shown[k - 1]] > 1) {
        G.gaps.push([at + gapUnit * G.colW / 2, D.years[shown[k - 1]] + 1, D.years[yi] - 1]);
        at += gapUnit * G.colW;
      }
      G.x[yi] = at;
      at += G.colW;
    });
    G.shown = shown;
    spacer.style.height = (HEADER + visible.length * G.rowH + 8) + "px";
    var dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(W * dpr) || canvas.height !== Math.round(H * dpr)) {
      canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
      canvas.style.width = W + "px"; canvas.style.height = H + "px";
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw();
  }
  function cellX(c) { return G.x[c[0]] + (c[1] === 0 ? 0.27 : 0.73) * G.colW; }
  function rowY(i) { return HEADER + i * G.rowH - scroller.scrollTop; }

  // ---- drawing --------------------------------------------------------------------
  function fitText(text, width) {
    if (ctx.measureText(text).width <= width) return text;
    var lo = 0, hi = text.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(text.slice(0, mid) + "…").width <= width) lo = mid; else hi = mid - 1;
    }
    return text.slice(0, lo) + "…";
  }
  var drawn = { labels: [], years: [] };
  function draw() {
    var W = G.W, H = G.H, R = G.rowH, colW = G.colW;
    ctx.clearRect(0, 0, W, H);
    // column shading: every other year, the plan half lighter than the review half
    G.shown.forEach(function (yi, k) {
      ctx.fillStyle = k % 2 ? "rgba(0,0,0,0.035)" : "rgba(0,0,0,0.012)";
      ctx.fillRect(G.x[yi], HEADER, colW, H - HEADER);
    });
    var i0 = Math.max(0, Math.floor(scroller.scrollTop / R)), i1 = Math.min(visible.length - 1, i0 + Math.ceil(H / R) + 1);
    var fontSize = G.heat ? 11 : 13;
    drawn.labels = [];
    for (var i = i0; i <= i1; i++) {
      var r = visible[i], yTop = rowY(i), y = yTop + R / 2;
      if (yTop + R < HEADER || yTop > H) continue;
      if (r.key === focused) {  // a band behind the row: its cells keep their own colours
        ctx.fillStyle = "rgba(255,200,0,0.28)";
        ctx.fillRect(0, yTop, W, R);
        ctx.fillStyle = "#E0A800";
        ctx.fillRect(0, yTop, 4, R);
      } else if (i === hoverRow) {
        ctx.fillStyle = "rgba(11,87,164,0.07)";
        ctx.fillRect(0, yTop, W, R);
      }
      if (G.heat) drawHeatRow(r, yTop); else drawDotRow(r, y);
      // the label, fixed on the left, over a white column so cells never run under it
      ctx.fillStyle = r.key === focused ? "rgba(255,236,170,1)" : "#fff";
      ctx.fillRect(0, yTop, G.labelW, R);
      ctx.font = (r.key === focused ? "bold " : "") + fontSize + "px " + FONT;
      ctx.textAlign = "right"; ctx.textBaseline = "middle";
      ctx.fillStyle = (P.typeInfo[r.e.type] || { color: "#333" }).color;
      ctx.fillRect(3, y - 3, 6, 6);
      ctx.fillStyle = "#222";
      ctx.fillText(fitText(r.e.label, G.labelW - LABEL_PAD - 14), G.labelW - LABEL_PAD, y);
      drawn.labels.push(r.key);
    }
    if (!visible.length) {
      ctx.fillStyle = "#666"; ctx.font = "14px " + FONT; ctx.textAlign = "center";
      ctx.fillText("无符合筛选的实体 no entity matches the filters", W / 2, HEADER + 40);
    }
    drawHeader();
  }
  function drawDotRow(r, y) {
    var cells = r.cells, rad = Math.max(2.5, Math.min(6, G.colW * 0.22));
    ctx.lineWidth = 1.5;
    for (var k = 1; k < cells.length; k++) {  // the links in time order
      var a = cells[k - 1], b = cells[k];
      if (G.x[a[0]] === undefined || G.x[b[0]] === undefined) continue;
      var step = r.steps[k];
      ctx.strokeStyle = step && step.kind === "rename" ? "#D62728" : "rgba(120,120,120,0.65)";
      ctx.lineWidth = step && step.kind === "rename" ? 2.5 : 1.2;
      ctx.beginPath(); ctx.moveTo(cellX(a), y); ctx.lineTo(cellX(b), y); ctx.stroke();
    }
    cells.forEach(function (c) {
      if (G.x[c[0]] === undefined) return;
      var s = statuses[c[2]], x = cellX(c);
      ctx.beginPath(); ctx.arc(x, y, rad, 0, 2 * Math.PI);
      if (c[1] === 0) {  // a plan: a ring
        ctx.fillStyle = "#fff"; ctx.fill();
        ctx.lineWidth = Math.max(1.5, rad * 0.55); ctx.strokeStyle = s.color; ctx.stroke();
      } else {
        ctx.fillStyle = s.color; ctx.fill();
        ctx.lineWidth = 0.8; ctx.strokeStyle = "rgba(0,0,0,0.45)"; ctx.stroke();
      }
    });
  }
  function drawHeatRow(r, yTop) {
    var half = G.colW / 2, h = G.rowH - 3;
    r.cells.forEach(function (c, k) {
      if (G.x[c[0]] === undefined) return;
      var s = statuses[c[2]], x = G.x[c[0]] + c[1] * half;
      ctx.globalAlpha = c[1] === 0 ? 0.55 : 1;  // a plan lighter than a review
      ctx.fillStyle = s.color;
      ctx.fillRect(x + 0.5, yTop + 1.5, Math.max(half - 1, 1), h);
      ctx.globalAlpha = 1;
      var step = r.steps[k];
      if (step && step.kind === "rename") {  // a rename: a red tick at the new name's cell
        ctx.fillStyle = "#D62728";
        ctx.fillRect(x, yTop + 1, Math.max(2, half * 0.3), h + 1);
      }
    });
  }
  function drawHeader() {
    var W = G.W, colW = G.colW;
    ctx.fillStyle = "#fafaf8"; ctx.fillRect(0, 0, W, HEADER);
    ctx.fillStyle = "#ccc"; ctx.fillRect(0, HEADER - 1, W, 1);
    ctx.fillStyle = "#444"; ctx.font = "12px " + FONT; ctx.textAlign = "left"; ctx.textBaseline = "middle";
    ctx.fillText(fitText(visible.length + " 实体 entities", G.labelW - 10), 8, HEADER / 2);
    var every = [1, 2, 5, 10, 20].filter(function (n) { return n * colW >= 34; })[0] || 20;
    ctx.textAlign = "center";
    drawn.years = [];
    // ticks for every year; labels every ``every`` years, the first and the last, none closer than 30 px
    var labels = [];
    G.shown.forEach(function (yi, k) {
      var year = D.years[yi], x = Math.min(G.x[yi] + colW / 2, W - 16);
      var major = every === 1 || year % every === 0;
      ctx.fillStyle = "#bbb";
      ctx.fillRect(G.x[yi], HEADER - (major ? 8 : 4), 1, major ? 8 : 4);
      if (major || k === 0 || k === G.shown.length - 1) labels.push([x, year, k === 0 || k === G.shown.length - 1]);
    });
    var kept = [], last = labels[labels.length - 1];
    labels.forEach(function (l) {
      var prev = kept[kept.length - 1];
      if (prev && l[0] - prev[0] < 30) {
        if (!l[2] || prev[2]) return;  // an end year wins over an ordinary one
        kept.pop();
      }
      if (l !== last && last && last[0] - l[0] < 30) return;
      kept.push(l);
    });
    ctx.fillStyle = "#222"; ctx.font = "11px " + FONT;
    kept.forEach(function (l) {
      ctx.fillText(String(l[1]), l[0], HEADER / 2 - 2);
      drawn.years.push(l[1]);
    });
    ctx.fillStyle = "#999"; ctx.font = "11px " + FONT;
    G.gaps.forEach(function (g) { ctx.fillText("⋯", g[0], HEADER - 10); });
  }

  // ---- hover, click, scroll -----------------------------------------------------
  var hoverRow = -1;
  function hit(ev) {
    var rect = scroller.getBoundingClientRect(), x = ev.clientX - rect.left, y = ev.clientY - rect.top;
    if (y < HEADER) return null;
    var i = Math.floor((y - HEADER + scroller.scrollTop) / G.rowH);
    var r = visible[i];
    if (!r) return null;
    var cell = null, best = G.colW * 0.5 + 3;
    if (x > G.labelW) {
      r.cells.forEach(function (c) {
        if (G.x[c[0]] === undefined) return;
        var cx = G.heat ? G.x[c[0]] + c[1] * G.colW / 2 + G.colW / 4 : cellX(c);
        var d = Math.abs(cx - x);
        if (d < best) { best = d; cell = c; }
      });
    }
    return { i: i, row: r, cell: cell, x: x, y: y };
  }
  function cellInfo(r, c) {
    var year = D.years[c[0]], mode = MODES[c[1]], names = {};
    r.e.mentions.forEach(function (m) {
      if (m[3] === year && m[4] === mode) {
        var t = D.sentences[String(m[0])][1].slice(m[1], m[2]);
        names[t] = (names[t] || 0) + 1;
      }
    });
    var list = Object.keys(names).sort(function (a, b) { return names[b] - names[a] || (a < b ? -1 : 1); });
    return { year: year, mode: mode, status: statuses[c[2]].id, names: list };
  }
  scroller.addEventListener("scroll", function () { hideTip(); draw(); });
  scroller.addEventListener("mousemove", function (ev) {
    var h = hit(ev);
    var i = h ? h.i : -1;
    if (i !== hoverRow) { hoverRow = i; draw(); }
    if (!h) { hideTip(); return; }
    var text = h.row.e.label;
    if (h.cell) {
      var info = cellInfo(h.row, h.cell), s = P.statusInfo[info.status] || { zh: info.status, en: "" };
      text += " · " + info.year + " " + P.MODE[info.mode] + " · " + s.zh + " " + s.en;
      if (info.names.length && info.names[0] !== h.row.e.label) text += " · " + info.names.join("、");
      var k = h.row.cells.indexOf(h.cell), step = h.row.steps[k];
      if (step && step.kind === "rename") text += " · 更名 renamed → " + step.name;
    }
    tip.textContent = text;
    tip.hidden = false;
    tip.style.left = Math.min(h.x + 14, G.W - 260) + "px";
    tip.style.top = (h.y + 16) + "px";
  });
  function hideTip() { tip.hidden = true; }
  scroller.addEventListener("mouseleave", function () { hideTip(); if (hoverRow >= 0) { hoverRow = -1; draw(); } });
  scroller.addEventListener("click", function (ev) {
    var h = hit(ev);
    if (!h) return;
    focusEntity(h.row.key, h.cell ? cellInfo(h.row, h.cell) : null, true, true);
  });

  function panelLinks(key) { return [["overview.html#" + key, "关系图 overview"]]; }
  function focusEntity(key, cell, keepScroll, byUser) {
    if (!rowOf[key]) return false;
    var before = focused;
    focused = key;
    pinned = true;
    if (before !== key || visible.indexOf(rowOf[key]) < 0) filter();
    var i = visible.indexOf(rowOf[key]);
    if (!keepScroll && i >= 0) {
      var target = HEADER + i * G.rowH - (G.H - HEADER) / 2;
      scroller.scrollTop = Math.max(0, target);
    }
    draw();
    P.showEntity(key, cell, panelLinks(key));
    kg.focused = key;
    writeHash();
    if (byUser && window.kgDrawers) window.kgDrawers.open("panel");
    return true;
  }
  kg.focusEntity = function (key) { return focusEntity(key, null, false, true); };

  // ---- search -------------------------------------------------------------------
  var index = rows.map(function (r) {
    return { key: r.key, label: r.e.label, mentions: r.mentions,
             names: [r.e.label].concat(r.e.aliases).map(function (n) { return n.toLowerCase(); }) };
  });
  C.search(index, kg.focusEntity);

  [minSel, sortSel, themeSel, yFrom, yTo].forEach(function (s) { s.addEventListener("change", filter); });
  modeBoxes.forEach(function (b) { b.addEventListener("change", filter); });
  Object.keys(typeBoxes).forEach(function (k) { typeBoxes[k].addEventListener("change", filter); });
  byId("reset").addEventListener("click", function () { setState(DEFAULTS); filter(); });
  if (window.ResizeObserver) new ResizeObserver(function () { layout(); }).observe(container);

  // ---- what the tests and bench/site.py read ------------------------------------------
  kg.visibleRows = function () { return visible.map(function (r) { return r.key; }); };
  kg.layout = function () {
    var years = G.shown.map(function (yi) { return D.years[yi]; });
    return { width: G.W, height: G.H, labelW: G.labelW, rowH: G.rowH, mode: G.heat ? "heat" : "dots", years: years,
             left: G.x[G.shown[0]], right: G.x[G.shown[G.shown.length - 1]] + G.colW,
             labels: drawn.labels.slice(), yearLabels: drawn.years.slice() };
  };
  kg.rowBox = function (key) {  // where a row's cells are drawn, in canvas pixels (null when not in sight)
    var i = visible.indexOf(rowOf[key]);
    if (i < 0) return null;
    var r = rowOf[key], xs = r.cells.filter(function (c) { return G.x[c[0]] !== undefined; }).map(cellX);
    return { top: rowY(i), bottom: rowY(i) + G.rowH, minX: Math.min.apply(null, xs), maxX: Math.max.apply(null, xs),
             cells: r.cells.length, drawnCells: xs.length, years: [D.years[r.first], D.years[r.last]] };
  };

  // ---- start -----------------------------------------------------------------------
  function fromHash(byUser) {
    var s = readHash();
    setState(s);
    if (s.focus && rowOf[s.focus]) focused = s.focus;  // before filtering, so that the URL keeps it
    filter();
    if (s.focus && rowOf[s.focus]) focusEntity(s.focus, null, false, byUser);
  }
  fromHash(false);
  kg.timing.drawn = performance.now();
  kg.ready = true;
  window.addEventListener("hashchange", function () { fromHash(false); });
})();
