// Every page, public and staff: where focus goes after a form is sent, and text that must not be lost. Pages work
// without this file; it only moves focus and keeps text in this browser tab.
(function () {
  'use strict';

  // A form was refused: the error summary takes focus, so screen reader and keyboard users hear it and start from the
  // list of problems (a role=alert present at load is not announced by itself).
  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
  }

  // A link in the summary goes to its field with the label, hint and message in view; a link to a group (a fieldset, a
  // list of choices) focuses its first control.
  if (summary) {
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) {
        return;
      }

      var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (!target) {
        return;
      }

      var control = target.matches('input, select, textarea, button')
        ? target
        : target.querySelector('input:not([type="hidden"]), select, textarea, button');
      if (!control) {
        return;
      }

      event.preventDefault();
      var shown = control.closest('fieldset') || control.closest('.field') || control;
      var legendOrLabel = shown.querySelector('legend') || (control.id && document.querySelector('label[for="' + control.id + '"]')) || shown;
      legendOrLabel.scrollIntoView({ block: 'start' });
      control.focus({ preventScroll: true });
    });
  }

  // An action was done: its confirmation is announced and focus goes to it, where the page continues (a role=status
  // present at load is not announced by itself). Never when the page shows errors.
  var confirmation = document.querySelector('[data-confirmation]');
  if (confirmation && !summary) {
    if (!confirmation.hasAttribute('tabindex')) {
      confirmation.setAttribute('tabindex', '-1');
    }
    confirmation.focus();
  }

  // Text typed in a form marked data-keep-text (a note, a message) is kept in this tab until the form is sent and the
  // page after it confirms, so that a session that ended while typing does not lose it: after signing in again, the same
  // form comes back with the text. Kept for a day at most; never kept for passwords or files.
  var storeKey = 'ccc.kept-text';
  var dayMs = 24 * 60 * 60 * 1000;
  var read = function () {
    try {
      var kept = JSON.parse(window.sessionStorage.getItem(storeKey) || '{}');
      return kept && typeof kept === 'object' ? kept : {};
    } catch (e) {
      return {};
    }
  };
  var write = function (kept) {
    try {
      window.sessionStorage.setItem(storeKey, JSON.stringify(kept));
    } catch (e) {
      // Storage full or refused: the form still works, the text is only not kept.
    }
  };
  var keyOf = function (form) {
    return new URL(form.getAttribute('action') || window.location.href, window.location.href).pathname;
  };
  var fieldsOf = function (form) {
    return Array.prototype.filter.call(form.querySelectorAll('textarea, input[type="text"], input:not([type])'), function (field) {
      return field.name && field.name !== '__RequestVerificationToken';
    });
  };

  var kept = read();
  var now = Date.now();
  Object.keys(kept).forEach(function (key) {
    if (!kept[key] || now - kept[key].at > dayMs) {
      delete kept[key];
    }
  });

  // A confirmation means the form that was sent has done its work: what it kept is no longer needed.
  if (confirmation && kept.sent && kept[kept.sent]) {
    delete kept[kept.sent];
  }
  delete kept.sent;

  document.querySelectorAll('form[data-keep-text]').forEach(function (form) {
    var key = keyOf(form);
    var entry = kept[key];
    if (entry && !summary) {
      var restored = false;
      fieldsOf(form).forEach(function (field) {
        if (!field.value && entry.values[field.name]) {
          field.value = entry.values[field.name];
          restored = true;
        }
      });
      if (restored) {
        var details = form.closest('details');
        if (details) {
          details.open = true;
        }
        var message = form.getAttribute('data-keep-text');
        if (message) {
          var note = document.createElement('p');
          note.className = 'notice notice--info kept-text';
          note.setAttribute('role', 'status');
          note.textContent = message;
          form.insertBefore(note, form.firstChild);
        }
      }
    }

    var save = function () {
      var values = {};
      var any = false;
      fieldsOf(form).forEach(function (field) {
        if (field.value) {
          values[field.name] = field.value;
          any = true;
        }
      });
      var current = read();
      if (any) {
        current[key] = { at: Date.now(), values: values };
      } else {
        delete current[key];
      }
      write(current);
    };
    form.addEventListener('input', save);
    form.addEventListener('submit', function () {
      save();
      var current = read();
      current.sent = key;
      write(current);
    });
  });

  // A form that finishes another's work (the send button of a preview page) sends that form's kept text: the
  // confirmation after it lets it go.
  document.querySelectorAll('form[data-sends-kept]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var current = read();
      current.sent = new URL(form.getAttribute('data-sends-kept'), window.location.href).pathname;
      write(current);
    });
  });

  write(kept);

  // Signing out takes what was kept with it: the next person at this computer finds nothing of it.
  document.querySelectorAll('form[action$="/account/sign-out"]').forEach(function (form) {
    form.addEventListener('submit', function () {
      try {
        window.sessionStorage.removeItem(storeKey);
      } catch (e) {
        // Nothing was kept.
      }
    });
  });
})();
