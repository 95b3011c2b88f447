/* The entity list: a filter box that hides the rows not matching (text only), and column heads that sort
 * (numbers as numbers, names in pinyin order). The filter and the sort live in the URL's hash
 * (#q=…&sort=mentions&desc=1), so a list can be shared. */
(function () {
  "use strict";
  var box = document.getElementById("filter");
  var table = document.getElementById("entities");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var shown = document.getElementById("shown");
  var collator = new Intl.Collator("zh-Hans-CN", { numeric: true });
  var sort = { col: "", desc: false };
  function key(r, i) {
    var c = r.cells[i], v = c.getAttribute("data-sort");
    return v !== null ? v : c.textContent.trim();
  }
  function apply() {
    var q = box.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r, i) {
      var on = !q || texts[i].indexOf(q) >= 0;
      r.hidden = !on;
      if (on) n++;
    });
    shown.textContent = n + " / " + rows.length + " entities";
    var parts = [];
    if (q) parts.push("q=" + encodeURIComponent(box.value.trim()));
    if (sort.col) parts.push("sort=" + sort.col + (sort.desc ? "&desc=1" : ""));
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname + location.search);
  }
  function sortBy(col, desc) {
    var i = heads.findIndex(function (h) { return h.getAttribute("data-col") === col; });
    if (i < 0) return;
    var numeric = heads[i].classList.contains("num");
    var order = rows.map(function (r, k) { return k; });
    order.sort(function (a, b) {
      var x = key(rows[a], i), y = key(rows[b], i), c;
      if (numeric) {
        var ex = x === "", ey = y === "";
        if (ex || ey) return ex === ey ? a - b : (ex ? 1 : -1);  // empty last either way
        c = Number(x) - Number(y);
      } else {
        c = collator.compare(x, y);
      }
      return (desc ? -c : c) || a - b;
    });
    var frag = document.createDocumentFragment();
    order.forEach(function (k) { frag.appendChild(rows[k]); });
    body.appendChild(frag);
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    heads[i].setAttribute("aria-sort", desc ? "descending" : "ascending");
    sort = { col: col, desc: desc };
  }
  heads.forEach(function (h) {
    if (!h.getAttribute("data-col")) return;
    h.tabIndex = 0;
    h.classList.add("sortable");
    h.title = "排序 sort";
    function go() {
      var col = h.getAttribute("data-col");
      sortBy(col, sort.col === col ? !sort.desc : h.classList.contains("num"));
      apply();
    }
    h.addEventListener("click", go);
    h.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
  });
  box.addEventListener("input", apply);
  var state = {};
  (location.hash || "").slice(1).split("&").forEach(function (p) {
    var i = p.indexOf("=");
    if (i > 0) state[p.slice(0, i)] = decodeURIComponent(p.slice(i + 1));
  });
  if (state.q) box.value = state.q;
  if (state.sort) sortBy(state.sort, state.desc === "1");
  apply();
  window.kgEntities = { ready: true, sortBy: sortBy };
})();
