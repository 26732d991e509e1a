// Open a timeline wider than its box at today: the as-of line a quarter of the way in, so
// the coming deadlines show first (on a phone the timeline would otherwise open in 2024).
(function () {
  "use strict";
  var wrap = document.querySelector(".timeline-wrap");
  var line = document.querySelector("#timeline-svg .tl-asof");
  if (!wrap || !line || wrap.scrollWidth <= wrap.clientWidth) { return; }
  var x = line.getBoundingClientRect().left - wrap.getBoundingClientRect().left + wrap.scrollLeft;
  wrap.scrollLeft = Math.max(0, x - wrap.clientWidth / 4);
})();

// Filter the timeline by partij and hoofdstuk. Without this script the page shows every row,
// and the (then useless) controls stay hidden.
(function () {
  "use strict";
  var form = document.getElementById("timeline-filter");
  var svg = document.getElementById("timeline-svg");
  if (!form || !svg) { return; }
  var rows = Array.prototype.slice.call(svg.querySelectorAll(".tl-row"));
  var full = svg.querySelectorAll(".tl-full");
  var status = document.getElementById("filter-status");
  var header = Number(svg.getAttribute("data-header"));
  var step = Number(svg.getAttribute("data-row"));
  var footer = Number(svg.getAttribute("data-footer"));
  var bottom = svg.querySelectorAll(".tl-bottom");
  var width = svg.viewBox.baseVal.width;

  function apply() {
    var partij = form.elements.partij.value;
    var hoofdstuk = form.elements.hoofdstuk.value;
    var shown = 0;
    rows.forEach(function (row) {
      var leads = (" " + row.getAttribute("data-partijen") + " ").indexOf(" " + partij + " ") !== -1;
      var visible = (!partij || leads) && (!hoofdstuk || row.getAttribute("data-hoofdstuk") === hoofdstuk);
      row.style.display = visible ? "" : "none";
      if (visible) {
        row.setAttribute("transform", "translate(0," + (header + shown * step) + ")");
        shown += 1;
      }
    });
    var height = header + shown * step + footer;
    svg.setAttribute("height", String(height));
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    // Grid lines end above the footer, where the as-of line carries its date.
    Array.prototype.forEach.call(full, function (line) {
      var asOf = line.classList.contains("tl-asof");
      line.setAttribute("y2", String(height - (asOf ? 6 : footer)));
    });
    Array.prototype.forEach.call(bottom, function (label) {
      label.setAttribute("y", String(height - 6));
    });
    status.textContent = shown + " of " + rows.length + " acties shown";
  }

  form.addEventListener("change", apply);
  // A reset changes the values only after its event has run.
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
})();
