/* policy-kg: what the graph pages (graph.js) and the evolution view (evolution.js) share besides the panel.
 *
 * window.kgStart() reads the page's data into window.kg. window.kgControls(D, P) (D: that data; P: the
 * functions of panel.js) fills the filters both pages have (types, theme, years) and returns them with the
 * two things both pages do alike: keep the filters in the URL's hash, and search the entities by name. Each
 * page keeps what it alone draws; what both do lives here once, so a fix to the hash or the search reaches
 * both pages. Every text reaches the page through textContent.
 */
(function () {
  "use strict";
  // The page's data, and window.kg: what the tests and bench/site.py read (timing: milliseconds since the
  // navigation started). The page's own script calls it first thing, so "script" is when that script starts.
  window.kgStart = function () {
    var t0 = performance.now();
    var D = JSON.parse(document.getElementById("kg-data").textContent);
    return (window.kg = { data: D, ready: false, timing: { script: t0, parsed: performance.now() } });
  };
  window.kgControls = function (D, P) {
    var el = P.el;
    function byId(id) { return document.getElementById(id); }

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
    var yFrom = byId("filter-year-from"), yTo = byId("filter-year-to");
    D.years.forEach(function (y) {
      yFrom.appendChild(el("option", { value: String(y), text: String(y) }));
      yTo.appendChild(el("option", { value: String(y), text: String(y) }));
    });

    // The hash: "#<key>" alone focuses an entity; otherwise k=v pairs, the defaults left out.
    function readHash(defaults) {
      var h = decodeURIComponent((location.hash || "").slice(1)), s = {}, k;
      for (k in defaults) s[k] = defaults[k];
      s.focus = "";
      if (h && h.indexOf("=") < 0) { s.focus = h; return s; }
      h.split("&").forEach(function (part) {
        var i = part.indexOf("=");
        if (i > 0) s[part.slice(0, i)] = part.slice(i + 1);
      });
      return s;
    }
    function writeHash(s, defaults, focused) {
      var parts = [];
      Object.keys(defaults).forEach(function (k) { if (s[k] !== defaults[k]) parts.push(k + "=" + encodeURIComponent(s[k])); });
      if (focused) parts.push("focus=" + encodeURIComponent(focused));
      var hash = parts.length ? "#" + parts.join("&") : "";
      if (hash !== location.hash && !(hash === "" && location.hash === "#")) {
        history.replaceState(null, "", hash || location.pathname + location.search);
      }
    }

    // The search box: items are {key, label, mentions (a count), names (lower case)}; an exact name first,
    // then a name that starts with the query, then one that holds it; the most mentioned first among equals.
    // pick(key) is what a click on a result (or Enter) does.
    function search(items, pick) {
      var box = byId("search"), results = byId("search-results");
      function find(q) {
        q = q.trim().toLowerCase();
        if (!q) return [];
        var hits = [];
        items.forEach(function (it) {
          var best = 9;
          it.names.forEach(function (n) {
            if (n === q) best = Math.min(best, 0);
            else if (n.indexOf(q) === 0) best = Math.min(best, 1);
            else if (n.indexOf(q) > 0) best = Math.min(best, 2);
          });
          if (best < 9) hits.push([best, -it.mentions, it.label, it.key]);
        });
        hits.sort(function (a, b) {
          for (var i = 0; i < 4; i++) { if (a[i] < b[i]) return -1; if (a[i] > b[i]) return 1; }
          return 0;
        });
        return hits.slice(0, 30).map(function (h) { return h[3]; });
      }
      function render() {
        var keys = find(box.value);
        P.clear(results);
        keys.forEach(function (k) {
          var e = D.entities[k], t = P.typeInfo[e.type] || { color: "#999" };
          var b = el("button", { type: "button", "data-key": k }, el("span", { cls: "chip", style: "background:" + t.color }), e.label);
          b.addEventListener("click", function () { pick(k); });
          results.appendChild(el("li", null, b));
        });
        if (box.value.trim() && !keys.length) results.appendChild(el("li", { cls: "muted", text: "无结果 no match" }));
        window.kg.searchResults = keys;
        return keys;
      }
      box.addEventListener("input", render);
      box.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter") { var keys = render(); if (keys.length) pick(keys[0]); }
      });
      return { find: find, render: render };
    }

    return { typeBoxes: typeBoxes, themeSel: themeSel, yFrom: yFrom, yTo: yTo,
             readHash: readHash, writeHash: writeHash, search: search };
  };
})();
