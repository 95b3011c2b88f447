// audit.html: the tables of the sections with class "filterable" are drawn from the JSON in
// script#audit-data (kg/audit/html.py's page_data says what it holds), PAGE rows at a time with
// "show more": a national audit has ten thousand findings, and as DOM rows they took half a minute
// to open. Sorting (click a column head) and filtering (the text box, the selects) run over the
// data, not the DOM. Every cell is built with createElement and textContent, never innerHTML, so
// a name holding a script tag stays text. The table of report pairs is HTML rows, sorted the same way;
// its counts set the filters of the findings they count. Nothing is fetched.
(function () {
  "use strict";
  var PAGE = 200;          // rows drawn at first and added by "show more"
  var ALL_AT_MOST = 2000;  // "show all" is offered while at most this many matching rows are drawn and undrawn
  var QUOTES_AT_ONCE = 3;  // quotes shown per side of a finding before "n more quotes"
  var collator = new Intl.Collator("zh-Hans-CN", { numeric: true });
  var timing = { start: performance.now() };  // milliseconds after navigation start; bench/audit_page.py reads them
  var data = JSON.parse(document.getElementById("audit-data").textContent);
  timing.parsed = performance.now();
  var S = data.strings;

  function str(i) { return i === null || i === undefined ? "" : S[i]; }
  function fieldsOf(table) {
    var f = {};
    table.columns.forEach(function (c, i) { f[c] = i; });
    return f;
  }
  function slug(s) { return s.trim().replace(/\s+/g, "-"); }
  function num(v) { return v === null || v === undefined ? "" : String(v); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null && text !== "") { e.textContent = String(text); }
    return e;
  }
  function td(text, cls) { return el("td", cls, text); }
  // an entity's name links to its page in the site (entities/<key>.html; data.entityPages maps the ids whose
  // key is not the id itself); names of indicators are plain text
  var pages = data.entityPages || {};
  function nameCell(name, id, entity) {
    var cell = el("td", "name");
    if (entity && id) {
      var a = el("a", null, name);
      a.href = "entities/" + (pages[id] || id) + ".html";
      cell.appendChild(a);
    } else if (name) {
      cell.appendChild(document.createTextNode(name));
    }
    cell.appendChild(el("span", "id", id));
    return cell;
  }
  function badgeCell(cls, text) {
    var cell = el("td");
    cell.appendChild(el("span", "badge v-" + slug(cls), text));
    return cell;
  }
  function list(items) {  // a cell holding ul.plain with one li per item, each made by the caller
    var cell = el("td"), ul = el("ul", "plain");
    items.forEach(function (li) { ul.appendChild(li); });
    cell.appendChild(ul);
    return cell;
  }

  // ---- quotes: [report, year, mode, section, sentence, marks as flat UTF-16 offsets]
  var Q = fieldsOf(data.quotes), quotes = data.quotes.rows;
  function citeText(q) {
    var y = num(q[Q.year]);
    return str(q[Q.report]) + " · " + (y ? y + " " : "") + str(q[Q.mode]) + " · " + str(q[Q.section]);
  }
  function quoteNode(i) {
    var q = quotes[i], s = str(q[Q.sentence]), marks = q[Q.marks], at = 0, bq = el("blockquote");
    var cite = el("cite", null, citeText(q));
    if (str(q[Q.source])) {  // the sentence in its report's text, a page of the site
      var a = el("a", "src", "原文 in the report");
      a.href = str(q[Q.source]);
      cite.appendChild(document.createTextNode(" · "));
      cite.appendChild(a);
    }
    bq.appendChild(cite);
    for (var k = 0; k < marks.length; k += 2) {
      if (marks[k] > at) { bq.appendChild(document.createTextNode(s.slice(at, marks[k]))); }
      bq.appendChild(el("mark", null, s.slice(marks[k], marks[k + 1])));
      at = marks[k + 1];
    }
    if (at < s.length) { bq.appendChild(document.createTextNode(s.slice(at))); }
    return bq;
  }
  // a finding's side: a list of quote indices, or the index of the words saying it names nothing.
  // The first QUOTES_AT_ONCE show, a button shows the rest: one entity can be named in 48 sentences.
  function quotesCell(v) {
    var cell = el("td", "quotes");
    if (typeof v === "number") { cell.appendChild(el("span", "none", str(v))); return cell; }
    v.slice(0, QUOTES_AT_ONCE).forEach(function (i) { cell.appendChild(quoteNode(i)); });
    if (v.length > QUOTES_AT_ONCE) {
      var rest = el("button", "more-quotes", (v.length - QUOTES_AT_ONCE) + " more quotes");
      rest.type = "button";
      rest.addEventListener("click", function () {
        v.slice(QUOTES_AT_ONCE).forEach(function (i) { cell.insertBefore(quoteNode(i), rest); });
        cell.removeChild(rest);
      });
      cell.appendChild(rest);
    }
    return cell;
  }
  function quotesText(v) {
    if (typeof v === "number") { return str(v); }
    return v.map(function (i) { return citeText(quotes[i]) + " " + str(quotes[i][Q.sentence]); }).join("\n");
  }
  function evidenceCell(report, evidence, none) {
    var cell = el("td", "quotes");
    if (report === null) { cell.appendChild(el("span", "none", none)); return cell; }
    var bq = el("blockquote");
    bq.appendChild(el("cite", null, str(report)));
    bq.appendChild(document.createTextNode(str(evidence)));
    cell.appendChild(bq);
    return cell;
  }

  var verdicts = {};
  // plain Chinese first, as the vocabulary (ontology/continuity.tsv) words it; any verdict it lists is shown
  data.verdicts.forEach(function (v, i) { verdicts[v.id] = { order: i, text: v.zh ? v.zh + " " + v.en : v.en }; });

  // ---- the tables: per column, text (what the filter reads), key (what sorting compares; the text
  // when absent) and cell (the td; a plain one with the text when absent)
  var P = fieldsOf(data.pairs), pairs = data.pairs.rows;
  function findingSpec(table) {
    var f = fieldsOf(table);
    function at(name) { return function (r) { return str(r[f[name]]); }; }
    function earlier(r) { return str(pairs[r[f.pair]][P.earlier]); }
    function later(r) { return str(pairs[r[f.pair]][P.later]); }
    function verdictText(r) { var v = verdicts[str(r[f.verdict])]; return v ? v.text : str(r[f.verdict]); }
    return {
      columns: [
        { text: function (r) { return num(r[f.year]); }, key: function (r) { return r[f.year]; }, cls: "num" },
        { text: earlier },
        { text: later },
        { text: at("type") },
        { text: function (r) { return str(r[f.name]) + "\n" + str(r[f.id]); }, key: at("name"),
          cell: function (r) { return nameCell(str(r[f.name]), str(r[f.id]), true); } },
        { text: verdictText, cell: function (r) { return badgeCell(str(r[f.verdict]), verdictText(r)); },
          key: function (r) { var v = verdicts[str(r[f.verdict])]; return v ? v.order : str(r[f.verdict]); } },
        { text: function (r) { return quotesText(r[f.earlier_quotes]); },
          cell: function (r) { return quotesCell(r[f.earlier_quotes]); } },
        { text: function (r) { return quotesText(r[f.later_quotes]); },
          cell: function (r) { return quotesCell(r[f.later_quotes]); } },
        { text: at("note") }
      ],
      facets: { type: at("type"), verdict: at("verdict"), year: function (r) { return num(r[f.year]); },
                pair: function (r) { return String(r[f.pair]); } }
    };
  }

  function entitySpec(table) {
    var f = fieldsOf(table), modes = data.modes;
    function names(r) {
      return r[f.names].map(function (n) { return [str(n[0]), n[1].map(str).join(", ")]; });
    }
    function seen(r) {  // [year, mode, report, mentions]
      return r[f.appearances].map(function (a) {
        return [(num(a[0]) + " " + str(a[1]) + " " + (modes[str(a[1])] || "")).trim(),
                str(a[2]) + " · " + a[3] + "×"];
      });
    }
    function statuses(r) {  // [year, mode, label, trigger, report, evidence]
      return r[f.statuses].map(function (s) {
        return { head: (num(s[0]) + " " + str(s[1])).trim() + ": ", label: str(s[2]),
                 trigger: str(s[3]) ? " (" + str(s[3]) + ")" : "", report: str(s[4]), evidence: str(s[5]) };
      });
    }
    function pairsText(items) { return items.map(function (x) { return x[0] + " " + x[1]; }).join("\n"); }
    function pairsCell(items) {
      return list(items.map(function (x) {
        var li = el("li", null, x[0] + " ");
        li.appendChild(el("span", "id", x[1]));
        return li;
      }));
    }
    return {
      columns: [
        { text: function (r) { return str(r[f.type]); } },
        { text: function (r) { return str(r[f.name]) + "\n" + str(r[f.id]); },
          key: function (r) { return str(r[f.name]); },
          cell: function (r) { return nameCell(str(r[f.name]), str(r[f.id]), true); } },
        { text: function (r) { return pairsText(names(r)); }, cell: function (r) { return pairsCell(names(r)); } },
        { text: function (r) { return pairsText(seen(r)); }, cell: function (r) { return pairsCell(seen(r)); } },
        { text: function (r) {
            return statuses(r).map(function (s) { return s.head + s.label + s.trigger + " " + s.report; }).join("\n");
          },
          cell: function (r) {
            var items = statuses(r).map(function (s) {
              var li = el("li", null, s.head);
              li.appendChild(el("strong", null, s.label));
              if (s.trigger) { li.appendChild(document.createTextNode(s.trigger)); }
              var where = el("span", "id", s.report);
              where.title = s.evidence;
              li.appendChild(where);
              return li;
            });
            return list(items.length ? items : [el("li", "none", "none stated")]);
          } },
        { text: function (r) { return num(r[f.first]); }, key: function (r) { return r[f.first]; }, cls: "num" },
        { text: function (r) { return num(r[f.last]); }, key: function (r) { return r[f.last]; }, cls: "num" },
        { text: function (r) { return r[f.gaps].join(" "); }, key: function (r) { return r[f.gaps].length; } }
      ],
      facets: { type: function (r) { return str(r[f.type]); },
                year: function (r) { return r[f.years].map(String); } }
    };
  }

  function planActualSpec(table) {
    var f = fieldsOf(table);
    function at(name) { return function (r) { return str(r[f[name]]); }; }
    return {
      columns: [
        { text: at("area") },
        { text: function (r) { return at("indicator")(r) + "\n" + at("concept")(r) + " · " + at("label")(r); },
          key: at("indicator"),
          cell: function (r) { return nameCell(at("indicator")(r), at("concept")(r) + " · " + at("label")(r)); } },
        { text: at("measure") },
        { text: function (r) { return num(r[f.year]); }, key: function (r) { return r[f.year]; }, cls: "num" },
        { text: at("target"), key: function (r) { return r[f.target_value]; }, cls: "num" },
        { text: at("actual"), key: function (r) { return at("actual")(r) === "" ? null : Number(at("actual")(r)); },
          cls: "num" },
        { text: at("unit") },
        { text: at("verdict"), cell: function (r) { return badgeCell(at("verdict")(r), at("verdict")(r)); } },
        { text: at("rule") },
        { text: function (r) { return at("target_report")(r) + " " + at("target_evidence")(r); },
          cell: function (r) { return evidenceCell(r[f.target_report], r[f.target_evidence], "no target stated"); } },
        { text: function (r) { return at("actual_report")(r) + " " + at("actual_evidence")(r); },
          cell: function (r) { return evidenceCell(r[f.actual_report], r[f.actual_evidence], "no actual stated"); } }
      ],
      facets: { type: at("concept"), verdict: function (r) { return slug(at("verdict")(r)); },
                year: function (r) { return num(r[f.year]); } }
    };
  }

  function dataRow(spec) {
    return function (r) {
      var tr = el("tr");
      spec.columns.forEach(function (c) { tr.appendChild(c.cell ? c.cell(r) : td(c.text(r), c.cls)); });
      return tr;
    };
  }

  // The table of pairs: its rows are HTML; a cell's key is its data-sort or its text, a number when numeric.
  function domSpec(table) {
    var columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (_, index) {
      function text(tr) { return tr.cells[index] ? tr.cells[index].textContent.trim() : ""; }
      return {
        text: text,
        key: function (tr) {
          var cell = tr.cells[index];
          var t = cell && cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : text(tr);
          return t !== "" && !isNaN(Number(t)) ? Number(t) : t;
        }
      };
    });
    return { columns: columns, facets: {}, row: function (tr) { return tr; } };
  }

  function empty(v) { return v === null || v === undefined || v === ""; }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return collator.compare(String(a), String(b));
  }

  // Tables out of sight are drawn when they come near it: laying out a page of rows with their quotes
  // costs a quarter of a second each, and only the first table is in sight when the page opens.
  var nearby = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { nearby.unobserve(e.target); e.target.kgDraw(); }
    });
  }, { rootMargin: "600px 0px" }) : null;

  // One table: its rows (data, or tr elements for the pairs), the spec of its columns, its filters;
  // drawn at once when ``eager`` (or when nothing can tell when it comes in sight), else when near.
  function Grid(section, rows, spec, eager) {
    var table = section.querySelector("table"), body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    if (heads.length !== spec.columns.length) {
      throw new Error("audit.html: " + section.id + " has " + heads.length + " column heads and " +
                      spec.columns.length + " columns of data");
    }
    var input = section.querySelector(".filters input[type=search]");
    var selects = Array.prototype.slice.call(section.querySelectorAll(".filters select"));
    var count = section.querySelector(".filters .count");
    selects.forEach(function (s) {
      if (!spec.facets[s.getAttribute("data-key")]) {
        throw new Error("audit.html: " + section.id + " has no values for the select " + s.getAttribute("data-key"));
      }
    });
    var order = rows.map(function (_, i) { return i; });  // row indices in the order of the last sort
    var view = order;   // those that pass the filters
    var shown = 0;      // view[0 .. shown) are in the body
    var keys = [];      // per column, every row's sort key, made at its first sort
    var texts = null;   // every row's text, lower-cased, made at the first text filter
    var drawn = eager || !nearby;  // whether rows go into the body yet (the counts are kept either way)
    var trOf = {};      // data row index → its tr, for the rows drawn
    var bar = el("div", "more"), status = el("span", "shown");
    var more = el("button"), all = el("button");
    more.type = all.type = "button";
    bar.appendChild(status);
    bar.appendChild(more);
    bar.appendChild(all);
    table.parentNode.parentNode.insertBefore(bar, table.parentNode.nextSibling);
    more.addEventListener("click", function () { drawn = true; draw(Math.min(view.length, shown + PAGE)); });
    all.addEventListener("click", function () { drawn = true; draw(view.length); });

    function rowText(r) {
      return spec.columns.map(function (c) { return c.text(r); }).join("\n").toLowerCase();
    }
    function draw(n) {  // view[shown .. n) appended, or everything again from the top when n < shown
      if (!drawn) { n = 0; }
      var frag = document.createDocumentFragment(), from = n < shown ? 0 : shown;
      if (from === 0) { trOf = {}; }
      for (var i = from; i < n; i++) { var tr = spec.row(rows[view[i]]); trOf[view[i]] = tr; frag.appendChild(tr); }
      if (from === 0) { body.replaceChildren(frag); } else { body.appendChild(frag); }
      shown = n;
      var left = view.length - shown;
      if (count) { count.textContent = view.length + " of " + rows.length + " rows"; }
      status.textContent = view.length ? "Showing " + shown + " of " + view.length : "No row matches the filters";
      more.hidden = left <= 0;
      more.textContent = "Show " + Math.min(PAGE, left) + " more";
      all.hidden = left <= PAGE || view.length > ALL_AT_MOST;
      all.textContent = "Show all " + view.length;
      bar.hidden = !(left > 0 || shown > PAGE || view.length === 0);  // only when there is more to say
    }
    function apply() {
      var needle = input ? input.value.trim().toLowerCase() : "";
      var wanted = selects.filter(function (s) { return s.value; }).map(function (s) {
        return [spec.facets[s.getAttribute("data-key")], s.value];
      });
      if (needle && !texts) { texts = rows.map(rowText); }
      view = !needle && !wanted.length ? order : order.filter(function (i) {
        if (needle && texts[i].indexOf(needle) < 0) { return false; }
        for (var k = 0; k < wanted.length; k++) {
          var v = wanted[k][0](rows[i]);
          if (Array.isArray(v) ? v.indexOf(wanted[k][1]) < 0 : v !== wanted[k][1]) { return false; }
        }
        return true;
      });
      shown = 0;
      draw(Math.min(PAGE, view.length));
    }
    function sortBy(index, ascending) {
      var column = spec.columns[index];
      if (!keys[index]) { keys[index] = rows.map(column.key || column.text); }
      var k = keys[index];
      // stable: ties keep the order of the sort before; empty keys last either way
      order = order.slice().sort(function (a, b) {
        var ea = empty(k[a]), eb = empty(k[b]);
        if (ea || eb) { return ea === eb ? 0 : (ea ? 1 : -1); }
        var c = compare(k[a], k[b]);
        return ascending ? c : -c;
      });
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      heads[index].setAttribute("aria-sort", ascending ? "ascending" : "descending");
      interacted();
    }
    Array.prototype.forEach.call(heads, function (th, index) {
      th.classList.add("sortable");
      th.setAttribute("tabindex", "0");
      th.setAttribute("title", "Sort by this column");
      function sort() { sortBy(index, th.getAttribute("aria-sort") !== "ascending"); }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); }
      });
    });
    function interacted() { drawn = true; apply(); }  // a person sorts or filters: the table is in sight
    if (input) { input.addEventListener("input", interacted); }
    selects.forEach(function (s) { s.addEventListener("change", interacted); });
    apply();
    if (!drawn) {
      section.kgDraw = function () { if (!drawn) { drawn = true; draw(Math.min(PAGE, view.length)); } };
      nearby.observe(section);
    }
    return {
      rows: rows.length,
      matching: function () { return view.length; },
      shown: function () { return shown; },
      drawn: function () { return drawn; },
      rowElement: function (i) { return trOf[i] || null; },
      setFilters: function (values) {  // {key: value}; the text box and the other selects cleared
        if (input) { input.value = ""; }
        selects.forEach(function (s) { s.value = values[s.getAttribute("data-key")] || ""; });
        interacted();
      }
    };
  }

  var specs = { "follow-ups": findingSpec, "changes": findingSpec, "entities": entitySpec,
                "plan-vs-actual": planActualSpec };
  var grids = {};
  window.kgAudit = { ready: false, grids: grids, timing: timing };
  var pairsTable = document.querySelector("#pairs table");
  if (pairsTable) {
    var pairsSection = document.getElementById("pairs");
    grids.pairs = Grid(pairsSection, Array.prototype.slice.call(pairsTable.tBodies[0].rows), domSpec(pairsTable),
                       true);
  }
  Array.prototype.forEach.call(document.querySelectorAll("section.filterable"), function (section) {
    var table = data.tables[section.id];
    if (!table || !section.querySelector("table")) { return; }
    var spec = specs[section.id](table);
    spec.row = dataRow(spec);
    grids[section.id] = Grid(section, table.rows, spec, section.id === "follow-ups");  // the first table
  });
  // a count in the table of pairs shows its findings: that pair and verdict, no other filter
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[data-pair]") : null;
    var grid = a && grids[a.getAttribute("href").slice(1)];
    if (grid) { grid.setFilters({ pair: a.getAttribute("data-pair"), verdict: a.getAttribute("data-verdict") }); }
  });
  // a point of a chart shows its row of the plan-versus-actual table: that indicator and year, the row marked
  function showPoint(g) {
    var grid = grids["plan-vs-actual"], table = data.tables["plan-vs-actual"];
    var i = Number(g.getAttribute("data-row"));
    if (!grid || !table || !table.rows[i]) { return; }
    var f = fieldsOf(table), r = table.rows[i];
    grid.setFilters({ type: str(r[f.concept]), year: num(r[f.year]) });
    var tr = grid.rowElement(i), section = document.getElementById("plan-vs-actual");
    Array.prototype.forEach.call(section.querySelectorAll("tr.target"), function (t) { t.classList.remove("target"); });
    if (tr) { tr.classList.add("target"); tr.scrollIntoView({ block: "center" }); } else { section.scrollIntoView(); }
    window.kgAudit.shownRow = i;
  }
  document.addEventListener("click", function (e) {
    var g = e.target.closest ? e.target.closest("g.pt[data-row]") : null;
    if (g) { showPoint(g); }
  });
  document.addEventListener("keydown", function (e) {
    var g = e.target.closest ? e.target.closest("g.pt[data-row]") : null;
    if (g && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); showPoint(g); }
  });
  window.kgAudit.ready = true;
  timing.ready = performance.now();
}());
