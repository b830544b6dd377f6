// The history chart of a detail page (/orte/{id}): reads the buckets from the JSON endpoint named
// in #chart's data-src and draws them with uPlot: the mean as a line, lowest and highest as thin
// lines. The chart is hidden from screen readers; the page carries a summary and a table with the
// same numbers. No inline script: the content security policy forbids it.
(function () {
  'use strict';
  var box = document.getElementById('chart');
  if (!box || typeof uPlot === 'undefined') {
    return;
  }
  var lang = box.getAttribute('data-lang') === 'en' ? 'en-GB' : 'de-DE';
  var zone = box.getAttribute('data-zone') || 'Europe/Berlin';
  var plot = null;

  function width() {
    return Math.max(260, Math.min(box.clientWidth || 600, 960));
  }

  function draw(data) {
    if (!data.points || data.points.length === 0) {
      return;
    }
    var t = [], avg = [], min = [], max = [];
    data.points.forEach(function (p) {
      t.push(p[0]); avg.push(p[1]); min.push(p[2]); max.push(p[3]);
    });
    var unit = data.unit ? ' ' + data.unit : '';
    var number = new Intl.NumberFormat(lang, {maximumFractionDigits: 1});
    var year = data.period === 'year';
    var dates = new Intl.DateTimeFormat(lang, year
        ? {day: 'numeric', month: 'short', timeZone: zone}
        : {weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone});
    var options = {
      width: width(),
      height: 260,
      legend: {show: false},
      cursor: {show: false},
      scales: {x: {time: true}},
      axes: [
        {values: function (u, ticks) { return ticks.map(function (s) { return dates.format(new Date(s * 1000)); }); }},
        {values: function (u, ticks) { return ticks.map(function (v) { return number.format(v) + unit; }); }, size: 70}
      ],
      series: [
        {},
        {label: box.getAttribute('data-avg'), stroke: '#0b4f8a', width: 2},
        {label: box.getAttribute('data-min'), stroke: '#767676', width: 1, dash: [4, 4]},
        {label: box.getAttribute('data-max'), stroke: '#b00020', width: 1, dash: [4, 4]}
      ]
    };
    plot = new uPlot(options, [t, avg, min, max], box);
  }

  fetch(box.getAttribute('data-src'), {headers: {'Accept': 'application/json'}})
    .then(function (response) { return response.ok ? response.json() : {points: []}; })
    .then(draw)
    .catch(function () { /* the summary and the table still show the numbers */ });

  window.addEventListener('resize', function () {
    if (plot) {
      plot.setSize({width: width(), height: 260});
    }
  });
})();
