// Complaint intake: enhancements only. Every page works without this file (the server does all checks).
(function () {
  'use strict';

  // The error summary takes focus, so screen reader and keyboard users start from the list of problems.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
  }

  // Character counts under long text fields, counted as the server does (a line break is sent as two characters).
  document.querySelectorAll('textarea[data-max-length]').forEach(function (area) {
    var max = parseInt(area.getAttribute('data-max-length'), 10);
    var template = area.getAttribute('data-count-template');
    var counter = document.createElement('p');
    counter.className = 'char-count';
    counter.id = area.id + '-count';
    area.insertAdjacentElement('afterend', counter);
    area.setAttribute('aria-describedby', ((area.getAttribute('aria-describedby') || '') + ' ' + counter.id).trim());
    var update = function () {
      var length = area.value.length + (area.value.match(/\n/g) || []).length;
      counter.textContent = template.replace('{count}', length.toLocaleString());
      counter.classList.toggle('char-count--over', length > max);
    };
    area.addEventListener('input', update);
    update();
  });

  // Parts that depend on a choice: shown only when it is made (without JavaScript they are always shown).
  var form = document.querySelector('[data-complaint-form]');
  if (form) {
    var checkedValue = function (name) {
      var checked = form.querySelector('input[name="' + name + '"]:checked');
      return checked ? checked.value : '';
    };

    var showForCategory = function () {
      var category = checkedValue('Form.Trouble.Category');
      form.querySelectorAll('[data-show-for-category]').forEach(function (part) {
        part.hidden = part.getAttribute('data-show-for-category') !== category;
      });
      form.querySelectorAll('[data-evidence-checklist] [data-for-category]').forEach(function (list) {
        list.hidden = list.getAttribute('data-for-category') !== category;
      });
    };
    form.querySelectorAll('input[name="Form.Trouble.Category"]').forEach(function (radio) {
      radio.addEventListener('change', showForCategory);
    });
    showForCategory();

    var platform = form.querySelector('select[name="Form.Purchase.Platform"]');
    var showForPlatform = function () {
      form.querySelectorAll('[data-show-for-platform]').forEach(function (part) {
        part.hidden = part.getAttribute('data-show-for-platform') !== platform.value && !part.querySelector('[aria-invalid]');
      });
    };
    if (platform) {
      platform.addEventListener('change', showForPlatform);
      showForPlatform();
    }

    // The partner agency for the chosen country, as soon as it is chosen.
    var country = form.querySelector('select[name="Form.Business.Country"]');
    var notice = form.querySelector('[data-partner-notice]');
    if (country && notice) {
      var routing = {};
      notice.getAttribute('data-routing').split(' ').forEach(function (pair) {
        var parts = pair.split(':');
        routing[parts[0]] = parts[1];
      });
      country.addEventListener('change', function () {
        var code = country.value;
        var key = code === '' ? 'choose' : code === 'JP' ? 'JP' : routing[code] || 'none';
        var name = country.options[country.selectedIndex].text;
        notice.querySelectorAll('[data-for]').forEach(function (line) {
          var shown = line.getAttribute('data-for') === key;
          if (shown && line.hasAttribute('data-template')) {
            line.textContent = line.getAttribute('data-template').replace('{country}', name);
          }
          line.hidden = !shown;
        });
        var covered = notice.querySelector('[data-for-covered]');
        if (covered) {
          covered.hidden = !routing[code];
        }
      });
    }

    // Switching language leaves the page: save what was typed first, so nothing is lost.
    var languageSwitch = document.querySelector('form.language-switch');
    if (languageSwitch && window.fetch && window.FormData) {
      var saved = false;
      languageSwitch.addEventListener('submit', function (event) {
        if (saved) {
          return;
        }
        event.preventDefault();
        var submitter = event.submitter;
        var data = new FormData(form);
        data.set('intent', 'autosave');
        var proceed = function () {
          saved = true;
          if (submitter && languageSwitch.requestSubmit) {
            languageSwitch.requestSubmit(submitter);
          } else {
            languageSwitch.submit();
          }
        };
        fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual' }).then(proceed, proceed);
      });
    }
  }

  // Files (the complaint form, an answer on the tracking page, a counselor's addition): say at once when one is too
  // large or too many, and never send more than the server accepts.
  document.querySelectorAll('input[type="file"][data-max-file-bytes]').forEach(function (input) {
    var fileForm = input.form;
    var check = fileForm.querySelector('[data-evidence-check]');
    if (!check) {
      return;
    }
    var number = function (name) { return parseInt(input.getAttribute(name), 10); };
    var problems = function () {
      var messages = [];
      var files = number('data-held-files');
      var total = number('data-held-bytes');
      Array.prototype.forEach.call(input.files, function (file) {
        var message = null;
        if (file.size > number('data-max-file-bytes')) {
          message = 'data-message-too-large';
        } else if (files >= number('data-max-files')) {
          message = 'data-message-too-many';
        } else if (total + file.size > number('data-max-total-bytes')) {
          message = 'data-message-total';
        } else {
          files += 1;
          total += file.size;
        }
        if (message) {
          messages.push(input.getAttribute(message).replace('{name}', file.name));
        }
      });
      return messages;
    };
    input.addEventListener('change', function () {
      check.textContent = problems().join(' ');
    });
    fileForm.addEventListener('submit', function (event) {
      var selected = Array.prototype.reduce.call(input.files, function (sum, file) { return sum + file.size; }, 0);
      if (selected > number('data-max-total-bytes')) {
        // The server could not even read a post this large: keep the consumer on the page with the reason.
        event.preventDefault();
        check.textContent = problems().join(' ');
        input.focus();
      }
    });
  });

  // The final submit: one click is enough (the server also turns a second submit into the same case).
  document.querySelectorAll('form[data-submit-once]').forEach(function (once) {
    once.addEventListener('submit', function () {
      var button = once.querySelector('button[type="submit"]');
      window.setTimeout(function () { button.disabled = true; }, 0);
    });
  });

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
}());
