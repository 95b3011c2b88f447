/* policy-kg graph pages: the overview and the theme pages (the evolution view is evolution.js).
 *
 * Reads the page's data from <script id="kg-data"> (JSON written by kg.site.pages), draws it with
 * vis-network at the positions computed ahead (physics off), and wires the filters, the search box, the
 * evidence panel (panel.js), the neighbour highlight and the ego view. On top of vis-network's canvas the
 * page draws what vis-network cannot: the theme names and the names of the most mentioned entities in
 * sight (those that do not collide), the name of the group without a theme, and, around a focused entity,
 * its neighbours in full colour over the rest dimmed. The filters live in the URL's hash
 * (#theme=…&types=…&focus=<key>&ego=1), so a view can be shared; "#<key>" alone focuses an entity. Every
 * text from the graph reaches the page through textContent or the canvas, never as HTML.
 */
(function () {
  "use strict";
  var kg = window.kgStart(), D = kg.data;  // controls.js
  function byId(id) { return document.getElementById(id); }
  var panel = byId("panel");
  var P = window.kgPanel(D, panel), el = P.el, clear = P.clear, sentenceItem = P.sentenceItem;
  var entities = D.entities, nodeInfo = D.nodeInfo, edgeInfo = D.edgeInfo;
  var themeInfo = P.themeInfo, typeInfo = P.typeInfo;
  var LABELS_AT_MOST = 60;  // names drawn over the picture when vis-network's own are too small to read

  // ---- the network --------------------------------------------------------
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var container = byId("network");
  kg.timing.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  kg.timing.network = performance.now();
  kg.network = network; kg.nodes = nodes; kg.edges = edges;
  kg.counts = [D.nodes.length, D.edges.length];
  network.once("afterDrawing", function () {
    kg.timing.drawn = performance.now();
    kg.ready = true;
  });

  var nodesOf = {};
  Object.keys(nodeInfo).forEach(function (id) {
    var e = nodeInfo[id].entity;
    if (e) (nodesOf[e] = nodesOf[e] || []).push(id);
  });
  var size = {};
  D.nodes.forEach(function (n) { size[n.id] = n.size || 10; });
  // neighbours of every node (drawn edges and the theme lines), made at the first highlight: nothing
  // that can wait runs before the first picture
  var adjacentIndex = null;
  function adjacent(id) {
    if (!adjacentIndex) {
      adjacentIndex = {};
      var adj = function (a, b) {
        (adjacentIndex[a] = adjacentIndex[a] || []).push(b);
        (adjacentIndex[b] = adjacentIndex[b] || []).push(a);
      };
      D.edges.forEach(function (e) { adj(e.from, e.to); });
      (D.themeLinks || []).forEach(function (l) { adj(l[0], l[1]); });
    }
    return adjacentIndex[id] || [];
  }

  // ---- controls -----------------------------------------------------------
  var C = window.kgControls(D, P);
  var typeBoxes = C.typeBoxes, themeSel = C.themeSel;
  if (D.view === "theme") themeSel.disabled = true;
  var yFrom = C.yFrom, yTo = C.yTo;
  var egoSel = byId("ego");
  var edgeBoxes = {};
  var edgeSet = byId("filter-edges");
  if (edgeSet) {
    D.edgeKinds.forEach(function (k) {
      var box = el("input", { type: "checkbox", value: k.id, "data-edge": k.id });
      box.checked = true;
      edgeBoxes[k.id] = box;
      edgeSet.appendChild(el("label", null, box, " ", el("span", { cls: "line", style: "background:" + k.color }),
        k.label + " (" + k.count + ")"));
    });
  }
  var legend = byId("legend");
  if (legend) {
    legend.appendChild(el("span", { cls: "legend-row" }, el("span", { cls: "chip" }), "圆点 dot: 实体 entity (大小 size: 提及 mentions)"));
    legend.appendChild(el("span", { cls: "legend-row" }, el("span", { cls: "chip box" }), "方框 box: 主题 theme"));
    legend.appendChild(el("span", { cls: "legend-row" }, el("span", { cls: "chip dim" }), "淡色 faded: 不在选中实体附近 away from the focused entity"));
  }

  var DEFAULTS = { types: "", theme: "", from: String(D.years[0] || ""), to: String(D.years[D.years.length - 1] || ""),
                   edges: "", ego: "0" };
  function state() {
    return {
      types: D.types.filter(function (t) { return !typeBoxes[t.id].checked; }).map(function (t) { return t.id; }).join(","),
      theme: D.view === "theme" ? "" : themeSel.value,
      from: yFrom.value, to: yTo.value,
      edges: Object.keys(edgeBoxes).filter(function (k) { return !edgeBoxes[k].checked; }).join(","),
      ego: egoSel ? egoSel.value : "0"
    };
  }
  function setState(s) {
    var off = s.types ? s.types.split(",") : [], eoff = s.edges ? s.edges.split(",") : [];
    D.types.forEach(function (t) { typeBoxes[t.id].checked = off.indexOf(t.id) < 0; });
    Object.keys(edgeBoxes).forEach(function (k) { edgeBoxes[k].checked = eoff.indexOf(k) < 0; });
    themeSel.value = s.theme; if (themeSel.selectedIndex < 0) themeSel.value = "";
    yFrom.value = s.from; if (yFrom.selectedIndex < 0) yFrom.value = DEFAULTS.from;
    yTo.value = s.to; if (yTo.selectedIndex < 0) yTo.value = DEFAULTS.to;
    if (egoSel) { egoSel.value = s.ego; if (egoSel.selectedIndex < 0) egoSel.value = "0"; }
  }
  function readHash() { return C.readHash(DEFAULTS); }
  function writeHash() { C.writeHash(state(), DEFAULTS, kg.focused); }

  // ---- filters ------------------------------------------------------------
  function currentFilter() {
    var s = state();
    var off = s.types ? s.types.split(",") : [];
    return {
      types: D.types.map(function (t) { return t.id; }).filter(function (t) { return off.indexOf(t) < 0; }),
      theme: s.theme,
      from: s.from ? Number(s.from) : -Infinity,
      to: s.to ? Number(s.to) : Infinity,
      edges: Object.keys(edgeBoxes).filter(function (k) { return edgeBoxes[k].checked; }),
      ego: Number(s.ego) || 0
    };
  }
  function entityVisible(key, f) {
    var e = entities[key];
    if (f.types.indexOf(e.type) < 0) return false;
    if (f.theme && e.themes.indexOf(f.theme) < 0) return false;
    for (var i = 0; i < e.years.length; i++) {
      if (e.years[i] >= f.from && e.years[i] <= f.to) return true;
    }
    return e.years.length === 0 && f.from === D.years[0] && f.to === D.years[D.years.length - 1];
  }
  function egoSet(key, hops) {  // the entity's node and every node within ``hops`` links of it
    var seen = {}, frontier = nodesOf[key] || [];
    frontier.forEach(function (id) { seen[id] = true; });
    for (var h = 0; h < hops; h++) {
      var next = [];
      frontier.forEach(function (id) {
        adjacent(id).forEach(function (n) { if (!seen[n]) { seen[n] = true; next.push(n); } });
      });
      frontier = next;
    }
    return seen;
  }
  // what the page shows now, so a filter change only updates what changes
  var nodeHidden = {}, edgeHidden = {};
  D.nodes.forEach(function (n) { nodeHidden[n.id] = !!n.hidden; });
  D.edges.forEach(function (e) { edgeHidden[e.id] = !!e.hidden; });
  function applyFilters(fit) {
    var f = currentFilter();
    var visible = {};
    Object.keys(entities).forEach(function (k) { visible[k] = entityVisible(k, f); });
    var ego = f.ego && kg.focused ? egoSet(kg.focused, f.ego) : null;
    var shown = {};
    Object.keys(nodeInfo).forEach(function (id) {
      var info = nodeInfo[id], on;
      if (info.kind === "theme") on = !f.theme || f.theme === info.theme;
      else on = visible[info.entity] || info.entity === kg.focused;
      if (ego) on = on && !!ego[id];
      shown[id] = !!on;
    });
    var updates = [];
    Object.keys(nodeInfo).forEach(function (id) {
      if (nodeHidden[id] !== !shown[id]) {
        updates.push({ id: id, hidden: !shown[id] });
        nodeHidden[id] = !shown[id];
      }
    });
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
    byId("stats").textContent = "显示 showing " + count + " / " + total + " nodes";
    kg.visibleCount = count;
    noThemeDirty = true;
    if (fit) fitVisible(shown);
    writeHash();
    return count;
  }
  function fitVisible(shown) {
    var ids = Object.keys(shown).filter(function (id) { return shown[id]; });
    if (ids.length) network.fit({ nodes: ids, animation: false });
  }
  [themeSel, yFrom, yTo].forEach(function (s) { s.addEventListener("change", function () { applyFilters(true); }); });
  if (egoSel) egoSel.addEventListener("change", function () { applyFilters(true); });
  Object.keys(typeBoxes).forEach(function (k) { typeBoxes[k].addEventListener("change", function () { applyFilters(true); }); });
  Object.keys(edgeBoxes).forEach(function (k) {
    edgeBoxes[k].addEventListener("change", function () { applyFilters(false); network.redraw(); });
  });
  function resetFilters() { setState(DEFAULTS); }
  byId("reset").addEventListener("click", function () {
    resetFilters(); kg.focused = null; highlight = null; network.unselectAll(); applyFilters(true);
  });

  // ---- the evidence panel (panel.js) -----------------------------------------
  var pinned = false;
  function panelLinks(key) {
    var out = [];
    if (D.view !== "overview") out.push(["overview.html#" + key, "关系图 overview"]);
    out.push(["evolution.html#" + key, "演变 evolution"]);
    return out;
  }
  function showEntity(key) { P.showEntity(key, null, panelLinks(key)); }
  function showEdge(id) {
    var info = edgeInfo[id], e = edges.get(id);
    if (!info || !e) return;
    var a = nodeInfo[e.from], b = nodeInfo[e.to];
    clear(panel);
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
    if (info.kind === "theme") P.showTheme(info.theme);
    else showEntity(info.entity);
  }
  kg.showNode = showNode;

  // ---- neighbour highlight: the node and its neighbours over the rest dimmed ---------
  var highlight = null;  // {id: true} of the nodes in full colour
  function setHighlight(id) {
    if (!id) { highlight = null; kg.highlighted = []; network.redraw(); return; }
    highlight = {}; highlight[id] = true;
    adjacent(id).forEach(function (n) { if (!nodeHidden[n]) highlight[n] = true; });
    kg.highlighted = Object.keys(highlight).sort();
    network.redraw();
  }
  network.on("click", function (p) {
    if (p.nodes.length) {
      pinned = true; showNode(p.nodes[0]); setHighlight(p.nodes[0]);
      var info = nodeInfo[p.nodes[0]];
      if (info.entity) { kg.focused = info.entity; writeHash(); if (currentFilter().ego) applyFilters(true); }
      if (window.kgDrawers) window.kgDrawers.open("panel");
    } else if (p.edges.length) { pinned = true; showEdge(p.edges[0]); }
    else { pinned = false; setHighlight(null); }
  });
  network.on("hoverNode", function (p) { if (!pinned) { showNode(p.node); setHighlight(p.node); } });
  network.on("blurNode", function () { if (!pinned) setHighlight(null); });

  // ---- search -------------------------------------------------------------
  var index = Object.keys(entities).map(function (k) {
    var e = entities[k];
    return { key: k, label: e.label, mentions: e.mentions.length,
             names: [e.label].concat(e.aliases).map(function (n) { return n.toLowerCase(); }) };
  });
  function focusEntity(key) {
    var ids = nodesOf[key];
    if (!ids || !ids.length) return false;
    kg.focused = key;
    if (ids.some(function (id) { return nodeHidden[id]; }) || currentFilter().ego) applyFilters(!!currentFilter().ego);
    network.selectNodes(ids, false);
    if (!currentFilter().ego) network.focus(ids[0], { scale: Math.max(network.getScale(), 1.0), animation: false });
    pinned = true;
    showEntity(key);
    setHighlight(ids[0]);
    writeHash();
    return true;
  }
  kg.focusEntity = focusEntity;
  C.search(index, focusEntity);

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

  // ---- over the picture: the highlight, the names in sight, the theme names --------
  var themeNodes = Object.keys(nodeInfo).filter(function (id) { return nodeInfo[id].kind === "theme"; });
  var byMentionsList = null;  // entity nodes, the most mentioned first (made at the first use)
  function byMentions() {
    if (!byMentionsList) {
      byMentionsList = Object.keys(nodeInfo).filter(function (id) { return nodeInfo[id].kind === "entity"; })
        .sort(function (a, b) {
          var ma = entities[nodeInfo[a].entity].mentions.length, mb = entities[nodeInfo[b].entity].mentions.length;
          return mb - ma || (a < b ? -1 : 1);
        });
    }
    return byMentionsList;
  }
  var noTheme = null, noThemeDirty = true;  // where the entities of no theme sit: the label of their group
  function computeNoTheme() {
    noThemeDirty = false;
    var ids = byMentions().filter(function (id) { return !nodeHidden[id] && !entities[nodeInfo[id].entity].themes.length; });
    if (ids.length < 5 || !themeNodes.length) { noTheme = null; return; }
    var pos = network.getPositions(ids), x = 0, y = 0, top = Infinity;
    ids.forEach(function (id) { x += pos[id].x; y += pos[id].y; });
    x /= ids.length; y /= ids.length;
    ids.forEach(function (id) { if (Math.abs(pos[id].x - x) < 200 && pos[id].y < top) top = pos[id].y; });
    noTheme = { x: x, y: isFinite(top) ? top - 24 : y, count: ids.length };
  }
  function labelFont(px) { return px + "px " + D.options.nodes.font.face; }
  kg.drawnLabels = [];
  network.on("afterDrawing", function (ctx) {
    var scale = network.getScale(), pos;
    if (noThemeDirty) computeNoTheme();
    var tl = network.DOMtoCanvas({ x: 0, y: 0 });
    var br = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    ctx.save();
    if (highlight) {  // dim everything, then draw the highlighted nodes and their links again on top
      ctx.fillStyle = "rgba(255,255,255,0.78)";
      ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
      var ids = Object.keys(highlight);
      pos = network.getPositions(ids);
      var centre = kg.focused && nodesOf[kg.focused] ? nodesOf[kg.focused][0] : ids[0];
      ctx.strokeStyle = "rgba(40,40,40,0.55)";
      ctx.lineWidth = Math.max(1, 1.2 / scale);
      ctx.beginPath();
      ids.forEach(function (id) {
        if (id === centre || !pos[id] || !pos[centre]) return;
        ctx.moveTo(pos[centre].x, pos[centre].y); ctx.lineTo(pos[id].x, pos[id].y);
      });
      ctx.stroke();
      ids.forEach(function (id) {
        var n = nodes.get(id), info = nodeInfo[id], p = pos[id];
        if (!n || !p) return;
        var g = D.options.groups[n.group] || {}, c = g.color || {};
        ctx.beginPath();
        ctx.arc(p.x, p.y, info.kind === "theme" ? 12 : size[id], 0, 2 * Math.PI);
        ctx.fillStyle = c.background || "#3C3C3C"; ctx.fill();
        ctx.lineWidth = id === centre ? 3 / scale : 1 / scale; ctx.strokeStyle = "#000"; ctx.stroke();
      });
    }
    // names: the most mentioned in sight (and every highlighted one), none over another
    var taken = [], drawnNow = [], px = 13, labelled = 0;
    ctx.lineWidth = 3 / scale; ctx.strokeStyle = "rgba(255,255,255,0.95)"; ctx.lineJoin = "round";
    // theme names stay readable when the whole picture is in view; their room is taken first
    if (22 * scale < 9 && themeNodes.length) {
      pos = network.getPositions(themeNodes);
      ctx.font = "bold " + (14 / scale) + "px " + D.options.nodes.font.face;
      ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.lineWidth = 4 / scale; ctx.fillStyle = "#111";
      themeNodes.forEach(function (id) {
        if (nodeHidden[id]) return;
        var label = (themeInfo[nodeInfo[id].theme] || { zh: "" }).zh, w = ctx.measureText(label).width;
        taken.push([pos[id].x - w / 2, pos[id].y - 9 / scale, pos[id].x + w / 2, pos[id].y + 9 / scale]);
        ctx.strokeText(label, pos[id].x, pos[id].y);
        ctx.fillText(label, pos[id].x, pos[id].y);
      });
    }
    ctx.font = labelFont(px / scale);
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    ctx.lineWidth = 3 / scale; ctx.strokeStyle = "rgba(255,255,255,0.95)"; ctx.lineJoin = "round";
    function place(id, label, x, y, bold) {
      var w = ctx.measureText(label).width, h = (px + 3) / scale;
      var box = [x - w / 2, y, x + w / 2, y + h];
      for (var i = 0; i < taken.length; i++) {
        var t = taken[i];
        if (box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1]) return false;
      }
      taken.push(box);
      ctx.fillStyle = bold ? "#000" : "#222";
      ctx.strokeText(label, x, y); ctx.fillText(label, x, y);
      drawnNow.push(id);
      return true;
    }
    var vis = 14 * scale >= 6;  // vis-network draws every label itself at this scale
    var atMost = Math.min(LABELS_AT_MOST, Math.round(container.clientWidth * container.clientHeight / 9000));
    var cands = highlight ? byMentions().filter(function (id) { return highlight[id]; }) : (vis ? [] : byMentions());
    var all = network.getPositions(cands);
    for (var i = 0; i < cands.length; i++) {
      var id = cands[i], p = all[id];
      if (nodeHidden[id] || !p || p.x < tl.x || p.x > br.x || p.y < tl.y || p.y > br.y) continue;
      if (place(id, entities[nodeInfo[id].entity].label, p.x, p.y + size[id] + 2 / scale, !!highlight)) labelled++;
      if (!highlight && labelled >= atMost) break;
    }
    kg.drawnLabels = drawnNow;
    if (noTheme) {
      ctx.font = "italic bold " + (Math.max(13, 13 / scale)) + "px " + D.options.nodes.font.face;
      ctx.textAlign = "center"; ctx.textBaseline = "bottom";
      ctx.lineWidth = 4 / scale; ctx.fillStyle = "#555";
      var text = "无主题 no theme (" + noTheme.count + ")";
      ctx.strokeText(text, noTheme.x, noTheme.y); ctx.fillText(text, noTheme.x, noTheme.y);
    }
    ctx.restore();
  });

  // ---- start ----------------------------------------------------------------
  var start = readHash();
  setState(start);
  if (start.focus && entities[start.focus]) kg.focused = start.focus;
  var changed = Object.keys(DEFAULTS).some(function (k) { return start[k] !== DEFAULTS[k]; });
  applyFilters(changed);
  if (kg.focused) focusEntity(kg.focused);
  window.addEventListener("hashchange", function () {
    var s = readHash();
    setState(s);
    if (s.focus && entities[s.focus]) focusEntity(s.focus); else applyFilters(true);
  });
})();
