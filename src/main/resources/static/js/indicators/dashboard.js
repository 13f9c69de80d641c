// Dashboard charts: each <canvas data-chart="{...}"> gets a Chart.js chart from the JSON in its attribute. The same
// figures are in the table beside each chart, so the page is complete without this file.
(function () {
    'use strict';

    var palette = ['#1d4e89', '#c0392b', '#2e7d32', '#8e44ad', '#b9770e', '#117a8b'];

    function draw(canvas) {
        var spec;
        try {
            spec = JSON.parse(canvas.getAttribute('data-chart'));
        } catch (e) {
            return;
        }
        var datasets = spec.datasets.map(function (d, i) {
            var colour = palette[i % palette.length];
            return {
                label: d.label,
                data: d.data,
                borderColor: colour,
                backgroundColor: spec.type === 'bar' ? colour : 'transparent',
                borderDash: d.dashed ? [6, 4] : [],
                pointRadius: spec.type === 'line' ? 2 : undefined,
                spanGaps: true
            };
        });
        // eslint-disable-next-line no-undef
        new Chart(canvas, {
            type: spec.type,
            data: {labels: spec.labels, datasets: datasets},
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                indexAxis: spec.type === 'bar' ? 'y' : 'x',
                plugins: {legend: {display: spec.type !== 'bar'}},
                scales: {x: {beginAtZero: true}, y: {beginAtZero: true}}
            }
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (typeof Chart === 'undefined') {
            return;
        }
        document.querySelectorAll('canvas[data-chart]').forEach(draw);
    });
})();
