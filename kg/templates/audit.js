// audit.html: sortable columns and filters for every table in a section with class "filterable".
// Nothing is fetched; the data is the table itself.
(function () {
  "use strict";
  var collator = new Intl.Collator("zh-Hans-CN", { numeric: true });

  function cellKey(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) { return x - y; }
    if (a === "" && b !== "") { return 1; }
    if (b === "" && a !== "") { return -1; }
    return collator.compare(a, b);
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      if (th.classList.contains("nosort")) { return; }
      th.classList.add("sortable");
      th.setAttribute("tabindex", "0");
      th.setAttribute("title", "Sort by this column");
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (row, i) { row.setAttribute("data-order", String(i)); });
        rows.sort(function (r1, r2) {
          var c = compare(cellKey(r1, index), cellKey(r2, index));
          if (c === 0) { c = Number(r1.getAttribute("data-order")) - Number(r2.getAttribute("data-order")); }
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  }

  function makeFilterable(section) {
    var table = section.querySelector("table");
    var text = section.querySelector(".filters input[type=search]");
    var selects = section.querySelectorAll(".filters select");
    var count = section.querySelector(".filters .count");
    var texts = new WeakMap();  // each row's text, lower-cased once: a national audit has ten thousand rows
    function textOf(row) {
      var t = texts.get(row);
      if (t === undefined) { t = row.textContent.toLowerCase(); texts.set(row, t); }
      return t;
    }
    function apply() {
      var needle = text ? text.value.trim().toLowerCase() : "";
      var wanted = Array.prototype.map.call(selects, function (s) { return [s.getAttribute("data-key"), s.value]; });
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var ok = !needle || textOf(row).indexOf(needle) >= 0;
        for (var i = 0; ok && i < wanted.length; i++) {
          var key = wanted[i][0], value = wanted[i][1];
          if (value) { ok = (" " + (row.getAttribute("data-" + key) || "") + " ").indexOf(" " + value + " ") >= 0; }
        }
        if (row.hidden === ok) { row.hidden = !ok; }  // touch only the rows that change
        if (ok) { shown++; }
      });
      showCount(shown);
    }
    function showCount(shown) {
      if (count) { count.textContent = shown + " of " + table.tBodies[0].rows.length + " rows"; }
    }
    if (text) { text.addEventListener("input", apply); }
    Array.prototype.forEach.call(selects, function (s) { s.addEventListener("change", apply); });
    showCount(table.tBodies[0].rows.length);  // every row shows until a filter is set
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll("section.filterable"), makeFilterable);
}());
