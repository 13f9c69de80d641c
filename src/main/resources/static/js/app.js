// Kompetensportalen: progressive enhancements. Every page works without this file.
(function () {
    'use strict';

    // Forms marked data-confirm ask before they submit (deletions).
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var question = form.getAttribute('data-confirm');
        if (question && !window.confirm(question)) {
            event.preventDefault();
        }
    }, true);

    // htmx requests carry the CSRF token like ordinary forms do.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
        }
    });

    // After a failed submit, move focus to the error summary so screen-reader users hear what to correct.
    document.addEventListener('DOMContentLoaded', function () {
        var summary = document.getElementById('error-summary');
        if (summary) {
            summary.setAttribute('tabindex', '-1');
            summary.focus();
        }
    });
})();

// A button with data-check-all="name" ticks every checkbox of that name in its form (attendance: "everyone came").
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-check-all]');
    if (!button) {
        return;
    }
    var name = button.getAttribute('data-check-all');
    button.form.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
        box.checked = true;
    });
});
