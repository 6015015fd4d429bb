// Complaint intake: enhancements only. Every page works without this file (the server does all checks).
(function () {
  'use strict';

  // Submits a form as if `submitter` had been pressed: its name and value go with the form.
  var submitWith = function (target, submitter) {
    if (target.requestSubmit) {
      if (submitter) {
        target.requestSubmit(submitter);
      } else {
        target.requestSubmit();
      }
      return;
    }
    if (submitter && submitter.name) {
      var pressed = document.createElement('input');
      pressed.type = 'hidden';
      pressed.name = submitter.name;
      pressed.value = submitter.value;
      target.appendChild(pressed);
    }
    target.submit();
  };

  // The button that submitted a form (older browsers have no event.submitter: the focused button then).
  var submitterOf = function (event) {
    var focused = document.activeElement;
    return event.submitter || (focused && focused.form === event.target && focused.type === 'submit' ? focused : null);
  };

  // Nothing typed is lost (ADR 0016). Every complaint form saves (intent=autosave) before the language switches. A form
  // marked data-autosave also saves while the consumer types (the values, never files; one request at a time), shows
  // when it last saved, and asks before the page is left with changes not yet saved: "saved" means the server answered
  // 204 to a save that carried every change made so far; a file chosen but not attached is never saved in the
  // background, so it counts as a change until it is attached. The form's own buttons save everything and never ask.
  var keepEntries = function (form) {
    var watched = form.hasAttribute('data-autosave');
    var status = form.querySelector('[data-autosave-status]');
    var question = form.getAttribute('data-leave-question');
    var idleDelay = 3000;     // after the last key
    var changeDelay = 500;    // after a choice, or leaving a field
    var longestUnsaved = 15000;
    var shortestGap = 2000;   // between the starts of two saves
    var requestTimeout = 15000;

    var changes = 0;          // changes made on this page
    var savedChanges = 0;     // how many of them the server holds
    var firstUnsavedAt = 0;
    var pending = null;       // the save under way: a promise of whether it was stored
    var timer = null;
    var lastStart = 0;
    var failures = 0;
    var leaving = false;      // the form's own button was pressed, or the consumer answered "leave"

    var fileChosen = function () {
      return Array.prototype.some.call(form.querySelectorAll('input[type="file"]'), function (input) {
        return input.files && input.files.length > 0;
      });
    };
    var dirty = function () {
      return watched && (changes !== savedChanges || fileChosen());
    };

    var values = function () {
      var data = new FormData();
      new FormData(form).forEach(function (value, name) {
        if (typeof value === 'string') {
          data.append(name, value);
        }
      });
      data.set('intent', 'autosave');
      return data;
    };

    var tell = function (text) {
      if (status && text && status.textContent !== text) {
        status.textContent = text;
      }
    };
    var clock = function (date) {
      var two = function (n) { return (n < 10 ? '0' : '') + n; };
      return two(date.getHours()) + ':' + two(date.getMinutes());
    };

    var schedule = function (delay) {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        timer = null;
        if (!pending) {
          save();
        }
      }, Math.max(delay, lastStart + shortestGap - Date.now()));
    };

    var save = function () {
      window.clearTimeout(timer);
      timer = null;
      var carried = changes;
      var abort = window.AbortController ? new window.AbortController() : null;
      var stop = abort ? window.setTimeout(function () { abort.abort(); }, requestTimeout) : null;
      lastStart = Date.now();
      pending = fetch(form.action, {
        method: 'POST', body: values(), credentials: 'same-origin', redirect: 'manual', signal: abort ? abort.signal : undefined,
      }).then(function (response) {
        return response.status === 204;
      }, function () {
        return false;
      }).then(function (stored) {
        window.clearTimeout(stop);
        pending = null;
        if (stored) {
          savedChanges = carried;
          failures = 0;
          tell((form.getAttribute('data-autosave-saved') || '').replace('{time}', clock(new Date())));
        } else {
          failures += 1;
          tell(form.getAttribute('data-autosave-failed'));
        }
        if (watched && changes !== savedChanges && !leaving) {
          // Typed meanwhile: save again soon; failed: try again later, waiting longer each time (at most a minute).
          schedule(stored ? changeDelay : Math.min(60000, 5000 * Math.pow(2, failures - 1)));
        }
        return stored;
      });
      return pending;
    };

    // Saves now, after the save under way (if any): resolves to whether what the page holds now is stored.
    var flush = function () {
      return pending ? pending.then(flush) : save();
    };

    if (watched) {
      document.querySelectorAll('[data-autosave-note]').forEach(function (note) { note.hidden = false; });

      var changed = function (delay) {
        return function (event) {
          if (!event.target.name || event.target.type === 'file') {
            return;
          }
          if (changes === savedChanges) {
            firstUnsavedAt = Date.now();
          }
          changes += 1;
          schedule(Math.min(delay, Math.max(0, firstUnsavedAt + longestUnsaved - Date.now())));
        };
      };
      form.addEventListener('input', changed(idleDelay));
      form.addEventListener('change', changed(changeDelay));

      // A link away from the page (header, footer, anywhere) with changes not yet saved: ask first.
      document.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('a[href]') : null;
        if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey
          || (link.target && link.target !== '_self') || link.hasAttribute('download')) {
          return;
        }
        var url = new URL(link.href, window.location.href);
        var here = url.origin === window.location.origin && url.pathname === window.location.pathname && url.search === window.location.search;
        if ((url.protocol !== 'http:' && url.protocol !== 'https:') || (here && url.hash) || !dirty()) {
          return;
        }
        if (window.confirm(question)) {
          leaving = true;
        } else {
          event.preventDefault();
        }
      });

      // Closing or reloading the tab, or any other way out: the browser asks in its own words.
      window.addEventListener('beforeunload', function (event) {
        if (leaving || !dirty()) {
          return undefined;
        }
        event.preventDefault();
        event.returnValue = question;
        return question;
      });
      window.addEventListener('pageshow', function () {
        leaving = false;
      });
    }

    // The form's own buttons: never ask. A save still under way could reach the server after this post and overwrite
    // it, so the post waits for it.
    form.addEventListener('submit', function (event) {
      if (pending) {
        event.preventDefault();
        var submitter = submitterOf(event);
        pending.then(function () { submitWith(form, submitter); });
        return;
      }
      window.clearTimeout(timer);
      timer = null;
      leaving = true;
      window.setTimeout(function () {
        if (event.defaultPrevented) {
          // Stopped in the page (a file too large): still here, still keeping.
          leaving = false;
          if (watched && changes !== savedChanges) {
            schedule(changeDelay);
          }
        }
      }, 0);
    });

    // Switching language leaves the page: save first; ask only when that save failed and changes would be lost.
    var languageSwitch = document.querySelector('form.language-switch');
    if (languageSwitch) {
      var switching = false;
      languageSwitch.addEventListener('submit', function (event) {
        if (switching) {
          return;
        }
        event.preventDefault();
        var submitter = submitterOf(event);
        flush().then(function (stored) {
          if (stored || !dirty() || window.confirm(question)) {
            switching = true;
            leaving = true;
            submitWith(languageSwitch, submitter);
          }
        });
      });
    }
  };


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

    var summary = document.querySelector('[data-error-summary]');

    // A field corrected after the server refused it: its message, its aria-invalid and its line in the error summary
    // go at the first change (the summary too once it is empty). The server checks everything again on the next post.
    var clearStaleError = function (event) {
      var field = event.target.closest ? event.target.closest('.field--error') : null;
      if (!field || !form.contains(field)) {
        return;
      }
      field.classList.remove('field--error');
      var error = field.querySelector('.field__error[id$="-error"]');
      if (!error) {
        return;
      }
      var fieldId = error.id.slice(0, -'-error'.length);
      error.parentNode.removeChild(error);
      field.querySelectorAll('[aria-invalid]').forEach(function (control) {
        control.removeAttribute('aria-invalid');
      });
      field.querySelectorAll('[aria-describedby]').forEach(function (described) {
        var rest = described.getAttribute('aria-describedby').split(/\s+/).filter(function (id) { return id && id !== error.id; });
        if (rest.length > 0) {
          described.setAttribute('aria-describedby', rest.join(' '));
        } else {
          described.removeAttribute('aria-describedby');
        }
      });
      if (summary) {
        summary.querySelectorAll('a[href="#' + fieldId + '"]').forEach(function (link) {
          var line = link.closest('li');
          line.parentNode.removeChild(line);
        });
        if (!summary.querySelector('li')) {
          summary.hidden = true;
        }
      }
    };
    form.addEventListener('input', clearStaleError);
    form.addEventListener('change', clearStaleError);

    if (window.fetch && window.FormData) {
      keepEntries(form);
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
