// The fax form's page: the print button, shown only when this script runs (the page works without it: the browser's
// own print command prints the same form, and the PDF is a link).
(function () {
  'use strict';
  document.querySelectorAll('[data-fax-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
}());
