// Reply templates on the case page: "use the template" puts the chosen template, already filled from the case by the
// server (the <template> elements beside the list), into the message without a round trip. Without this script the
// button posts the form and the page comes back with the message filled: this only saves the wait.
(function () {
    'use strict';

    document.querySelectorAll('[data-reply-template]').forEach(function (picker) {
        var button = picker.querySelector('[data-use-template]');
        var select = picker.querySelector('select');
        var target = document.getElementById(picker.getAttribute('data-target'));
        if (!button || !select || !target) {
            return;
        }

        button.addEventListener('click', function (event) {
            var source = null;
            picker.querySelectorAll('template[data-template-text]').forEach(function (candidate) {
                if (candidate.getAttribute('data-template-text') === select.value) {
                    source = candidate;
                }
            });
            if (!source) {
                // Nothing chosen: the server says so, next to the list.
                return;
            }

            event.preventDefault();
            target.value = source.content.textContent;
            target.dispatchEvent(new Event('input', { bubbles: true }));
            target.focus();
        });
    });
})();
