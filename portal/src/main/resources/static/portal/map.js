// The live city map: markers from /portal/markers, reloaded every few seconds, filtered by kind.
// The list beside it is server-rendered and refreshed by htmx from the same data.
(function () {
  "use strict";
  var element = document.getElementById("map");
  var data = element.dataset;
  var map = L.map(element, { scrollWheelZoom: false })
    .setView([parseFloat(data.lat), parseFloat(data.lon)], parseInt(data.zoom, 10));
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.attribution }).addTo(map);
  }
  var layer = L.layerGroup().addTo(map);
  var latest = [];

  function shownKinds() {
    var kinds = {};
    document.querySelectorAll("#filters input[type=checkbox]").forEach(function (box) {
      if (box.checked) { kinds[box.value] = true; }
    });
    return kinds;
  }

  function escape(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function draw() {
    var kinds = shownKinds();
    layer.clearLayers();
    latest.forEach(function (m) {
      if (!kinds[m.kind]) { return; }
      var marker = L.circleMarker([m.lat, m.lon], {
        radius: 9,
        weight: 2,
        fillOpacity: 0.85,
        className: "sw-marker kind-" + m.kind + " level-" + m.level
      });
      marker.bindTooltip("<strong>" + escape(m.name) + "</strong><br>" + escape(m.kindLabel)
        + (m.state ? "<br>" + escape(m.state) : ""));
      marker.addTo(layer);
      var path = marker.getElement();
      if (path) { path.setAttribute("data-id", m.id); }
    });
  }

  function refresh() {
    fetch("/portal/markers?tenant=" + encodeURIComponent(data.tenant), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (markers) { latest = markers; draw(); })
      .catch(function () { /* keep the last markers until the next poll */ });
  }

  var filters = document.getElementById("filters");
  filters.addEventListener("change", draw);
  // The filter applies at once; Enter in the form must not reload the page.
  filters.addEventListener("submit", function (event) { event.preventDefault(); });
  refresh();
  setInterval(refresh, parseInt(data.refresh, 10) || 5000);
})();
