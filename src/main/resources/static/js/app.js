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

// A quick change sent with htmx that the server refuses (a 4xx page) is not swapped in: its message is shown in the
// page's #htmx-error box instead (if it has one), and focus moves there so screen-reader users hear it.
document.addEventListener('htmx:responseError', function (event) {
    var box = document.getElementById('htmx-error');
    var xhr = event.detail.xhr;
    if (!box || !xhr || !xhr.responseText) {
        return;
    }
    var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    var message = page.querySelector('main .lead') || page.querySelector('main h1');
    box.textContent = message ? message.textContent.trim() : '';
    box.classList.remove('d-none');
    box.focus();
});
