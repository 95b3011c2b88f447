/* policy-kg graph pages: overview, theme pages and the evolution view.
 *
 * Reads the page's data from <script id="kg-data"> (JSON written by kg.site.pages),
 * draws it with vis-network at the positions computed ahead (physics off),
 * and wires the filters, the search box and the evidence panel. Every text
 * from the graph reaches the page through textContent, never as HTML.
 */
(function () {
  "use strict";
  var t0 = performance.now();
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  // timing: milliseconds since navigation start, read by the tests and bench/site.py
  var kg = (window.kg = { data: D, ready: false, timing: { script: t0, parsed: performance.now() } });

  // ---- small DOM helpers: text only -------------------------------------
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
  function byId(id) { return document.getElementById(id); }

  var entities = D.entities, nodeInfo = D.nodeInfo, edgeInfo = D.edgeInfo;
  var typeInfo = {}; D.types.forEach(function (t) { typeInfo[t.id] = t; });
  var themeInfo = {}; D.themes.forEach(function (t) { themeInfo[t.id] = t; });
  var statusInfo = {}; D.statuses.forEach(function (s) { statusInfo[s.id] = s; });
  var MODE = { planned: "计划 planned", reviewed: "回顾 reviewed" };

  // ---- the network --------------------------------------------------------
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var container = byId("network");
  kg.timing.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  kg.timing.network = performance.now();
  kg.network = network; kg.nodes = nodes; kg.edges = edges;
  network.once("afterDrawing", function () {
    kg.timing.drawn = performance.now();
    kg.ready = true;
  });

  // nodes of each entity (the overview: one; the evolution view: its cells, in time order)
  var nodesOf = {};
  Object.keys(nodeInfo).forEach(function (id) {
    var e = nodeInfo[id].entity;
    if (e) (nodesOf[e] = nodesOf[e] || []).push(id);
  });
  var baseX = {};
  D.nodes.forEach(function (n) { baseX[n.id] = n.x; });

  // ---- controls -----------------------------------------------------------
  var typeBoxes = {};
  var typeSet = byId("filter-types");
  D.types.forEach(function (t) {
    var box = el("input", { type: "checkbox", value: t.id, "data-type": t.id });
    box.checked = true;
    typeBoxes[t.id] = box;
    typeSet.appendChild(el("label", null, box, " ",
      el("span", { cls: "chip", style: "background:" + t.color }), t.label + " (" + t.count + ")"));
  });
  var themeSel = byId("filter-theme");
  D.themes.forEach(function (t) {
    themeSel.appendChild(el("option", { value: t.id, text: t.zh + " " + t.en + " (" + t.count + ")" }));
  });
  if (D.view === "theme") themeSel.disabled = true;
  var yFrom = byId("filter-year-from"), yTo = byId("filter-year-to");
  D.years.forEach(function (y) {
    yFrom.appendChild(el("option", { value: String(y), text: String(y) }));
    yTo.appendChild(el("option", { value: String(y), text: String(y) }));
  });
  function resetYears() {
    if (D.years.length) { yFrom.value = String(D.years[0]); yTo.value = String(D.years[D.years.length - 1]); }
  }
  resetYears();
  var minSel = byId("filter-min");
  var edgeBoxes = {};
  var edgeSet = byId("filter-edges");
  if (edgeSet) {
    D.edgeKinds.forEach(function (k) {
      var box = el("input", { type: "checkbox", value: k.id, "data-edge": k.id });
      box.checked = true;
      edgeBoxes[k.id] = box;
      edgeSet.appendChild(el("label", null, box, " " + k.label + " (" + k.count + ")"));
    });
  }
  var statusSet = byId("legend-status");
  if (statusSet) {
    D.statuses.forEach(function (s) {
      statusSet.appendChild(el("span", { cls: "legend-row" },
        el("span", { cls: "chip", style: "background:" + s.color }), s.zh + " " + s.en));
    });
    statusSet.appendChild(el("span", { cls: "legend-row" },
      el("span", { cls: "chip ring", style: "border-color:#777" }), "空心 ring: 计划 planned"));
    statusSet.appendChild(el("span", { cls: "legend-row" },
      el("span", { cls: "chip", style: "background:#777" }), "实心 filled: 回顾 reviewed"));
    statusSet.appendChild(el("span", { cls: "legend-row", style: "color:#D62728" }, "红线 red link: 改名 new name"));
  }

  // ---- filters ------------------------------------------------------------
  function currentFilter() {
    return {
      types: D.types.filter(function (t) { return typeBoxes[t.id].checked; }).map(function (t) { return t.id; }),
      theme: D.view === "theme" ? "" : themeSel.value,
      from: yFrom.value ? Number(yFrom.value) : -Infinity,
      to: yTo.value ? Number(yTo.value) : Infinity,
      min: minSel ? Number(minSel.value) : 1,
      edges: Object.keys(edgeBoxes).filter(function (k) { return edgeBoxes[k].checked; })
    };
  }
  function entityVisible(key, f) {
    var e = entities[key];
    if (f.types.indexOf(e.type) < 0) return false;
    if (f.theme && e.themes.indexOf(f.theme) < 0) return false;
    if (e.cells < f.min) return false;
    for (var i = 0; i < e.years.length; i++) {
      if (e.years[i] >= f.from && e.years[i] <= f.to) return true;
    }
    return e.years.length === 0 && f.from === D.years[0] && f.to === D.years[D.years.length - 1];
  }
  // what the page shows now, so a filter change only updates what changes
  var nodeHidden = {}, nodeY = {}, edgeHidden = {};
  D.nodes.forEach(function (n) { nodeHidden[n.id] = !!n.hidden; nodeY[n.id] = n.y; });
  D.edges.forEach(function (e) { edgeHidden[e.id] = !!e.hidden; });
  var visibleRows = (D.rows || []).map(function (r) { return { key: r[0], y: r[1], x: r[2] }; });
  function applyFilters(fit) {
    var f = currentFilter();
    var visible = {};
    Object.keys(entities).forEach(function (k) { visible[k] = entityVisible(k, f); });
    var shown = {};
    Object.keys(nodeInfo).forEach(function (id) {
      var info = nodeInfo[id], on;
      if (info.kind === "theme") on = !f.theme || f.theme === info.theme;
      else if (info.kind === "cell") on = visible[info.entity] && info.year >= f.from && info.year <= f.to;
      else on = visible[info.entity];
      shown[id] = !!on;
    });
    var updates = [];
    if (D.view === "evolution") {  // close the gaps left by hidden rows
      var firstX = {};
      Object.keys(nodeInfo).forEach(function (id) {
        var k = nodeInfo[id].entity;
        if (shown[id] && (firstX[k] === undefined || baseX[id] < firstX[k])) firstX[k] = baseX[id];
      });
      visibleRows = [];
      var rowY = {};
      D.rows.forEach(function (r) {
        if (firstX[r[0]] === undefined) return;
        rowY[r[0]] = visibleRows.length * D.axis.rowHeight;
        visibleRows.push({ key: r[0], y: rowY[r[0]], x: firstX[r[0]] });
      });
      Object.keys(nodeInfo).forEach(function (id) {
        var k = nodeInfo[id].entity, y = rowY[k] !== undefined ? rowY[k] : nodeY[id];
        if (nodeHidden[id] !== !shown[id] || nodeY[id] !== y) {
          updates.push({ id: id, hidden: !shown[id], y: y });
          nodeHidden[id] = !shown[id];
          nodeY[id] = y;
        }
      });
    } else {
      Object.keys(nodeInfo).forEach(function (id) {
        if (nodeHidden[id] !== !shown[id]) {
          updates.push({ id: id, hidden: !shown[id] });
          nodeHidden[id] = !shown[id];
        }
      });
    }
    if (updates.length) nodes.update(updates);
    var eUpdates = [];
    D.edges.forEach(function (e) {
      var info = edgeInfo[e.id];
      var on = shown[e.from] && shown[e.to] && (!edgeSet || f.edges.indexOf(info.group) >= 0);
      if (edgeHidden[e.id] !== !on) {
        eUpdates.push({ id: e.id, hidden: !on });
        edgeHidden[e.id] = !on;
      }
    });
    if (eUpdates.length) edges.update(eUpdates);
    var count = 0, total = 0;
    Object.keys(shown).forEach(function (id) { total++; if (shown[id]) count++; });
    byId("stats").textContent = "显示 showing " + count + " / " + total + " nodes" +
      (D.view === "evolution" ? " · " + visibleRows.length + " rows" : "");
    kg.visibleCount = count;
    if (fit) fitVisible(shown);
    return count;
  }
  function fitVisible(shown) {
    var ids = Object.keys(shown).filter(function (id) { return shown[id]; });
    if (D.view === "evolution" && ids.length > 400) {  // the first rows, readable, rather than all of them squeezed
      showTop();
      return;
    }
    if (ids.length) network.fit({ nodes: ids, animation: false });
  }
  function showTop() {  // the evolution view opens on its first rows, readable, from the left
    var w = container.clientWidth || 800, h = container.clientHeight || 600;
    var cols = D.axis.columns, span = cols.length ? cols[cols.length - 1][1] + D.axis.yearWidth : 800;
    var minX = Infinity;
    visibleRows.forEach(function (r) { if (r.x < minX) minX = r.x; });
    if (!isFinite(minX)) minX = 0;
    var scale = Math.max(Math.min(w / (span - minX + 300), 1.1), 0.7);
    network.moveTo({ position: { x: minX - 260 + (w / 2) / scale, y: (h / 2) / scale - 50 },
                     scale: scale, animation: false });
  }
  [themeSel, yFrom, yTo, minSel].forEach(function (s) { if (s) s.addEventListener("change", function () { applyFilters(true); }); });
  Object.keys(typeBoxes).forEach(function (k) { typeBoxes[k].addEventListener("change", function () { applyFilters(true); }); });
  Object.keys(edgeBoxes).forEach(function (k) {
    edgeBoxes[k].addEventListener("change", function () { applyFilters(false); network.redraw(); });
  });
  function resetFilters() {
    Object.keys(typeBoxes).forEach(function (k) { typeBoxes[k].checked = true; });
    Object.keys(edgeBoxes).forEach(function (k) { edgeBoxes[k].checked = true; });
    themeSel.value = "";
    if (minSel) minSel.value = "1";
    resetYears();
  }
  byId("reset").addEventListener("click", function () { resetFilters(); applyFilters(true); });

  // ---- the evidence panel -------------------------------------------------
  var panel = byId("panel");
  var pinned = false;
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
    return el("li", null, el("span", { cls: "where", text: where }), body);
  }
  function statusChip(id) {
    var s = statusInfo[id] || { zh: id, en: "", color: "#999" };
    return el("span", { cls: "status" + (s.light ? " light" : ""), style: "background:" + s.color, text: s.zh + " " + s.en });
  }
  function showEntity(key, cell) {
    var e = entities[key];
    if (!e) return;
    clear(panel);
    panel.appendChild(el("h2", { text: e.label }));
    var t = typeInfo[e.type] || { label: e.type, color: "#999" };
    panel.appendChild(el("p", null, el("span", { cls: "chip", style: "background:" + t.color }), t.label,
      " · " + e.mentions.length + " 处提及 mentions · " + (e.years.length ? e.years[0] + "–" + e.years[e.years.length - 1] : "")));
    if (e.aliases.length) panel.appendChild(el("p", null, "又名 also: ", e.aliases.join("、")));
    if (e.themes.length) {
      var p = el("p", null, "主题 themes: ");
      e.themes.forEach(function (th) {
        var info = themeInfo[th];
        p.appendChild(info ? el("a", { cls: "tag", href: D.base + info.href, text: info.zh }) : el("span", { cls: "tag", text: th }));
      });
      panel.appendChild(p);
    }
    panel.appendChild(el("p", null, link(e.href, "实体页 entity page →"),
      D.view !== "overview" ? " " : null, D.view !== "overview" ? link("overview.html#" + key, "关系图 overview") : null,
      D.view !== "evolution" ? " " : null, D.view !== "evolution" ? link("evolution.html#" + key, "演变 evolution") : null));
    var mentions = e.mentions, claims = e.claims;
    if (cell) {
      panel.appendChild(el("h3", null, cell.year + " " + (MODE[cell.mode] || cell.mode) + " ", statusChip(cell.status)));
      if (cell.names.length) panel.appendChild(el("p", null, "名称 names: " + cell.names.join("、")));
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
  function showEdge(id) {
    var info = edgeInfo[id], e = edges.get(id);
    if (!info || !e) return;
    var a = nodeInfo[e.from], b = nodeInfo[e.to];
    clear(panel);
    if (info.kind === "next" || info.kind === "rename") {
      var ent = entities[a.entity];
      panel.appendChild(el("h2", { text: ent.label }));
      panel.appendChild(el("p", { text: a.year + " " + (MODE[a.mode] || a.mode) + " → " + b.year + " " + (MODE[b.mode] || b.mode) }));
      if (info.kind === "rename") panel.appendChild(el("p", null, "新名称 new name: ", el("mark", { text: info.name })));
      panel.appendChild(el("p", { text: "之前 before: " + a.names.join("、") }));
      panel.appendChild(el("p", { text: "之后 after: " + b.names.join("、") }));
      return;
    }
    var ea = entities[a.entity], eb = entities[b.entity];
    panel.appendChild(el("h2", { text: ea.label + " — " + eb.label }));
    panel.appendChild(el("p", { text: info.label + " · " + info.sentences.length + " 句 sentences" }));
    var list = el("ul", { cls: "sentences" });
    info.sentences.forEach(function (si) { list.appendChild(sentenceItem(si, -1, -1, "")); });
    panel.appendChild(list);
  }
  function showNode(id) {
    var info = nodeInfo[id];
    if (!info) return;
    if (info.kind === "theme") showTheme(info.theme);
    else if (info.kind === "cell") showEntity(info.entity, info);
    else showEntity(info.entity);
  }
  kg.showNode = showNode;
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = true; showNode(p.nodes[0]); }
    else if (p.edges.length) { pinned = true; showEdge(p.edges[0]); }
    else if (D.view === "evolution" && rowAt(p.pointer.canvas)) { pinned = true; showEntity(rowAt(p.pointer.canvas)); }
    else pinned = false;
  });
  function rowAt(pt) {  // the entity whose row label is under a point of the canvas
    var r = visibleRows[Math.round(pt.y / D.axis.rowHeight)];
    if (!r || Math.abs(pt.y - r.y) > D.axis.rowHeight / 2) return null;
    var width = entities[r.key].label.length * LABEL_SIZE + 20;
    return pt.x < r.x - 4 && pt.x > r.x - width ? r.key : null;
  }
  network.on("hoverNode", function (p) { if (!pinned) showNode(p.node); });

  // ---- search -------------------------------------------------------------
  var search = byId("search"), results = byId("search-results");
  var index = Object.keys(entities).map(function (k) {
    var e = entities[k];
    return { key: k, label: e.label, names: [e.label].concat(e.aliases).map(function (n) { return n.toLowerCase(); }) };
  });
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    index.forEach(function (it) {
      var best = 9;
      it.names.forEach(function (n) {
        if (n === q) best = Math.min(best, 0);
        else if (n.indexOf(q) === 0) best = Math.min(best, 1);
        else if (n.indexOf(q) > 0) best = Math.min(best, 2);
      });
      if (best < 9) hits.push([best, -entities[it.key].mentions.length, it.label, it.key]);
    });
    hits.sort(function (a, b) {
      for (var i = 0; i < 4; i++) { if (a[i] < b[i]) return -1; if (a[i] > b[i]) return 1; }
      return 0;
    });
    return hits.slice(0, 30).map(function (h) { return h[3]; });
  }
  function focusEntity(key) {
    var ids = nodesOf[key];
    if (!ids || !ids.length) return false;
    if (ids.some(function (id) { return nodes.get(id).hidden; })) { resetFilters(); applyFilters(false); }
    var main = ids[0];
    network.selectNodes(ids, false);
    network.focus(main, { scale: Math.max(network.getScale(), 1.0), animation: false });
    pinned = true;
    showEntity(key);
    kg.focused = key;
    return true;
  }
  kg.focusEntity = focusEntity;
  function renderResults() {
    var keys = find(search.value);
    clear(results);
    keys.forEach(function (k) {
      var e = entities[k], t = typeInfo[e.type] || { color: "#999" };
      var b = el("button", { type: "button", "data-key": k }, el("span", { cls: "chip", style: "background:" + t.color }), e.label);
      b.addEventListener("click", function () { focusEntity(k); });
      results.appendChild(el("li", null, b));
    });
    if (search.value.trim() && !keys.length) results.appendChild(el("li", { cls: "muted", text: "无结果 no match" }));
    kg.searchResults = keys;
    return keys;
  }
  search.addEventListener("input", renderResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var keys = renderResults(); if (keys.length) focusEntity(keys[0]); }
  });

  // ---- theme links: plain lines under the network -----------------------------
  var themeLinks = D.themeLinks || [];
  kg.themeLinks = themeLinks.length;
  if (themeLinks.length) {
    network.on("beforeDrawing", function (ctx) {
      if (edgeBoxes.theme && !edgeBoxes.theme.checked) return;
      var pos = network.getPositions(), scale = network.getScale();
      ctx.save();
      ctx.beginPath();
      for (var i = 0; i < themeLinks.length; i++) {
        var a = themeLinks[i][0], b = themeLinks[i][1];
        if (nodeHidden[a] || nodeHidden[b]) continue;
        ctx.moveTo(pos[a].x, pos[a].y);
        ctx.lineTo(pos[b].x, pos[b].y);
      }
      ctx.strokeStyle = "rgba(120,120,120,0.16)";
      ctx.lineWidth = Math.max(0.6, 0.8 / scale);
      ctx.stroke();
      ctx.restore();
    });
  }

  // theme names stay readable when the whole picture is in view
  var themeNodes = Object.keys(nodeInfo).filter(function (id) { return nodeInfo[id].kind === "theme"; });
  if (themeNodes.length) {
    network.on("afterDrawing", function (ctx) {
      var scale = network.getScale();
      if (22 * scale >= 9) return;  // vis-network's own labels are readable
      var pos = network.getPositions(themeNodes);
      ctx.save();
      ctx.font = "bold " + (14 / scale) + "px " + D.options.nodes.font.face;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.lineWidth = 4 / scale;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.fillStyle = "#111";
      themeNodes.forEach(function (id) {
        if (nodeHidden[id]) return;
        var label = (themeInfo[nodeInfo[id].theme] || { zh: "" }).zh;
        ctx.strokeText(label, pos[id].x, pos[id].y);
        ctx.fillText(label, pos[id].x, pos[id].y);
      });
      ctx.restore();
    });
  }

  // ---- the evolution view's year axis and row labels --------------------------
  var LABEL_SIZE = 13;
  if (D.view === "evolution") {
    network.on("afterDrawing", function (ctx) {
      var scale = network.getScale();
      if (LABEL_SIZE * scale < 5) return;  // too small to read: vis-network skips its labels too
      var tl = network.DOMtoCanvas({ x: 0, y: 0 });
      var br = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
      var R = D.axis.rowHeight;
      var i0 = Math.max(0, Math.floor(tl.y / R) - 1), i1 = Math.min(visibleRows.length - 1, Math.ceil(br.y / R) + 1);
      ctx.save();
      ctx.font = LABEL_SIZE + "px " + D.options.nodes.font.face;
      ctx.textAlign = "right";
      ctx.textBaseline = "middle";
      for (var i = i0; i <= i1; i++) {
        var r = visibleRows[i], e = entities[r.key];
        if (r.x < tl.x || r.x - 600 > br.x) continue;
        ctx.fillStyle = (typeInfo[e.type] || { color: "#333" }).color;
        ctx.fillText(e.label, r.x - 16, r.y);
      }
      ctx.restore();
    });
    network.on("beforeDrawing", function (ctx) {
      var scale = network.getScale(), W = D.axis.yearWidth;
      var tl = network.DOMtoCanvas({ x: 0, y: 0 });
      var br = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
      var every = W * scale < 34 ? 5 : 1;
      ctx.save();
      ctx.font = (12 / scale) + "px sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      D.axis.columns.forEach(function (c, i) {
        var year = c[0], x = c[1];
        if (x < tl.x - W || x > br.x + W) return;
        ctx.fillStyle = i % 2 ? "rgba(0,0,0,0.025)" : "rgba(0,0,0,0.05)";
        ctx.fillRect(x - 14, tl.y, W * 0.45 + 28, br.y - tl.y);
        if (every === 1 || year % every === 0) {
          ctx.fillStyle = "#444";
          ctx.fillText(String(year), x + W * 0.22, tl.y + 4 / scale);
        }
      });
      ctx.fillStyle = "#999";
      D.axis.gaps.forEach(function (g) {  // years nobody mentions are left out: say so
        if (g[0] < tl.x - W || g[0] > br.x + W) return;
        ctx.fillText("⋯", g[0], tl.y + 4 / scale);
        if (scale > 0.5) {
          ctx.font = (9 / scale) + "px sans-serif";
          ctx.fillText(g[1] === g[2] ? String(g[1]) : g[1] + "–" + g[2], g[0], tl.y + 20 / scale);
          ctx.font = (12 / scale) + "px sans-serif";
        }
      });
      ctx.restore();
    });
  }

  // ---- start ----------------------------------------------------------------
  applyFilters(false);
  if (D.view === "evolution") showTop();
  var target = decodeURIComponent((location.hash || "").slice(1));
  if (target && entities[target]) focusEntity(target);
  window.addEventListener("hashchange", function () {
    var k = decodeURIComponent((location.hash || "").slice(1));
    if (entities[k]) focusEntity(k);
  });
})();
