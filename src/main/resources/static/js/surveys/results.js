// Course evaluation results: draws each question's distribution with Chart.js from the canvas's data-* attributes.
// The table beside every chart holds the same figures, so nothing is lost without this script.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }
    document.querySelectorAll('canvas.survey-chart').forEach(function (canvas) {
        var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
        var values = JSON.parse(canvas.getAttribute('data-values') || '[]');
        new Chart(canvas, {
            type: 'bar',
            data: {
                labels: labels,
                datasets: [{label: canvas.getAttribute('data-series'), data: values, backgroundColor: '#1f5f8b'}]
            },
            options: {
                indexAxis: 'y',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: {legend: {display: false}},
                scales: {x: {beginAtZero: true, ticks: {precision: 0}}}
            }
        });
    });
})();
