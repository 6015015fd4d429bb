// The staff queue: enhancements only. The page works without this file: "all on this page" is sent as its own
// field and the server takes every row of the page when it is ticked.
(function () {
  'use strict';


  var form = document.querySelector('[data-queue-bulk]');
  if (!form) {
    return;
  }

  var all = form.querySelector('[data-queue-select-all]');
  var rows = Array.prototype.slice.call(form.querySelectorAll('[data-queue-select]'));

  // Ticking "all on this page" ticks every row; a row ticked or unticked by hand makes it say how many are ticked.
  var update = function () {
    var ticked = rows.filter(function (row) { return row.checked; }).length;
    all.checked = rows.length > 0 && ticked === rows.length;
    all.indeterminate = ticked > 0 && ticked < rows.length;
  };

  all.addEventListener('change', function () {
    rows.forEach(function (row) { row.checked = all.checked; });
    all.indeterminate = false;
  });
  rows.forEach(function (row) { row.addEventListener('change', update); });
  if (all.checked) {
    rows.forEach(function (row) { row.checked = true; });
  }
  update();
})();
