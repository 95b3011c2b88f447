/* The entity list: a filter box that hides the rows not matching (text only). */
(function () {
  "use strict";
  var box = document.getElementById("filter");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#entities tbody tr"));
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var shown = document.getElementById("shown");
  box.addEventListener("input", function () {
    var q = box.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r, i) {
      var on = !q || texts[i].indexOf(q) >= 0;
      r.hidden = !on;
      if (on) n++;
    });
    shown.textContent = n + " / " + rows.length + " entities";
  });
})();
