// Claim packs being built: ask the progress endpoint every two seconds and move the bar; when the pack is done, show
// its download link. Without this file the page still works (reload to see the state).
(function () {
    'use strict';

    function follow(cell) {
        var url = cell.getAttribute('data-progress-url');
        var bar = cell.querySelector('progress');
        var percent = cell.querySelector('.claim-percent');
        var link = cell.querySelector('.claim-download');
        var timer = window.setInterval(function () {
            fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error('HTTP ' + response.status);
                    }
                    return response.json();
                })
                .then(function (p) {
                    bar.value = p.percent;
                    bar.textContent = p.percent + ' %';
                    percent.textContent = p.percent + ' %';
                    if (p.finished) {
                        window.clearInterval(timer);
                        link.classList.remove('d-none');
                    } else if (p.status === 'FAILED') {
                        window.clearInterval(timer);
                        window.location.reload();
                    }
                })
                .catch(function () {
                    window.clearInterval(timer);
                });
        }, 2000);
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-progress-url]').forEach(follow);
    });
})();
