// Actor pages: the bar chart of whole hours per month. The figures come from the canvas's data attributes (the same
// figures are in the table beside it, for screen readers and without JavaScript).
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var canvas = document.getElementById('hours-chart');
        if (!canvas || typeof window.Chart === 'undefined') {
            return;
        }
        var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
        var values = JSON.parse(canvas.getAttribute('data-values') || '[]');
        new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: labels,
                datasets: [{
                    label: canvas.getAttribute('data-series'),
                    data: values,
                    backgroundColor: '#1f5f8b'
                }]
            },
            options: {
                animation: false,
                responsive: true,
                plugins: {legend: {display: false}},
                scales: {y: {beginAtZero: true, ticks: {precision: 0}}}
            }
        });
    });
})();
