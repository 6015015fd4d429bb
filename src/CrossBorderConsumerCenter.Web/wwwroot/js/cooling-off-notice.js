// The cooling-off notice's page: the print button, shown only when this script runs (the page works without it: the
// browser's own print command prints the same postcards, and the PDF is a button of the form).
(function () {
  'use strict';
  document.querySelectorAll('[data-notice-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
}());
