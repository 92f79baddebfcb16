(function () {
  "use strict";
  var table = document.getElementById("claims-table");
  if (!table || !table.tHead || !table.tBodies.length) {
    return;
  }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function sortValue(cell, numeric) {
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (numeric) {
      var parsed = parseFloat(raw);
      return isNaN(parsed) ? -Infinity : parsed;
    }
    return raw.trim().toLowerCase();
  }
  headers.forEach(function (header, index) {
    var button = header.querySelector("button");
    if (!button) {
      return;
    }
    button.addEventListener("click", function () {
      var numeric = header.getAttribute("data-type") === "number";
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = sortValue(a.cells[index], numeric);
        var y = sortValue(b.cells[index], numeric);
        var order = x < y ? -1 : x > y ? 1 : 0;
        if (order === 0) {
          order = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
          return order;
        }
        return ascending ? order : -order;
      });
      headers.forEach(function (other) {
        other.removeAttribute("aria-sort");
      });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.forEach(function (row) {
        body.appendChild(row);
      });
    });
  });
})();
