// The live city map. The page arrives complete (legend, filter, list); this script adds the
// Leaflet map with one link per place, keeps filters in the URL, sorts by distance on request
// (the position never leaves the browser), loads tiles only after consent, and applies the
// changes the server pushes (/portal/map/events) to the one marker and list entry they concern,
// never redrawing the rest and never moving the keyboard focus.
(function () {
  "use strict";
  var element = document.getElementById("map");
  var data = element.dataset;
  var list = document.getElementById("entity-list");
  var filters = document.getElementById("filters");
  var status = document.getElementById("status");
  var CONSENT = "sundwerk.tiles";

  var map = L.map(element, { scrollWheelZoom: false })
    .setView([parseFloat(data.lat), parseFloat(data.lon)], parseInt(data.zoom, 10));
  var pins = {}; // entity id -> { marker, data }
  var paused = false;
  var pending = {}; // entity id -> the last event that arrived while paused
  var tiles = null;

  // ---- markers --------------------------------------------------------------------------

  function detailUrl(m) {
    return m.path + "?tenant=" + encodeURIComponent(data.tenant) + "&lang=" + encodeURIComponent(data.lang);
  }

  function label(m) {
    return [m.name, m.kindLabel, m.levelLabel ? m.levelLabel + ": " + m.state : m.state, m.measured]
      .filter(Boolean).join(" – ");
  }

  function pinHtml(m) {
    var link = document.createElement("a");
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    var use = document.createElementNS("http://www.w3.org/2000/svg", "use");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "pin-icon");
    svg.appendChild(use);
    link.appendChild(svg);
    fillPin(link, m);
    return link;
  }

  // Changes the existing link in place: replacing it would drop the keyboard focus.
  function fillPin(link, m) {
    link.href = detailUrl(m);
    link.className = "pin kind-" + m.kind + " level-" + m.level;
    link.setAttribute("aria-label", label(m));
    link.title = label(m);
    link.dataset.id = m.id;
    link.querySelector("use").setAttribute("href", "#sym-" + m.kind);
  }

  function icon(m) {
    return L.divIcon({ html: pinHtml(m), className: "sw-marker", iconSize: [30, 30] });
  }

  function place(m) {
    var known = pins[m.id];
    if (known) {
      known.data = m;
      known.marker.setLatLng([m.lat, m.lon]);
      var shownPin = known.marker.getElement();
      if (shownPin) {
        fillPin(shownPin.querySelector("a.pin"), m);
      } else { // filtered out: nothing on the page to keep, a new icon is drawn when shown again
        known.marker.setIcon(icon(m));
      }
      return;
    }
    var marker = L.marker([m.lat, m.lon], {
      keyboard: false, // the link inside takes the focus, not the marker's own element
      icon: icon(m)
    });
    pins[m.id] = { marker: marker, data: m };
    if (shown(m.kind)) { marker.addTo(map); }
  }

  function forget(id) {
    var known = pins[id];
    if (known) { known.marker.remove(); delete pins[id]; }
    var row = rowOf(id);
    if (row) { row.remove(); }
  }

  // ---- the list -------------------------------------------------------------------------

  function rowOf(id) {
    return Array.prototype.find.call(list.querySelectorAll("li.row"), function (li) {
      return li.dataset.id === id;
    });
  }

  function newRow(m) {
    var template = list.querySelector("li.row");
    if (!template) { return null; }
    var row = template.cloneNode(true);
    row.className = "row kind-" + m.kind;
    row.dataset.id = m.id;
    row.dataset.kind = m.kind;
    row.querySelector(".name").textContent = m.name;
    row.querySelector(".kind-label").textContent = m.kindLabel;
    row.querySelector(".distance").textContent = "";
    row.querySelector("a.place use").setAttribute("href", "#sym-" + m.kind);
    list.appendChild(row);
    return row;
  }

  // Writes the changed texts only; the link (which may have the focus) stays as it is.
  function fillRow(m) {
    var row = rowOf(m.id) || newRow(m);
    if (!row) { return; }
    row.dataset.lat = m.lat;
    row.dataset.lon = m.lon;
    row.querySelector("a.place").href = detailUrl(m);
    var level = row.querySelector(".level");
    level.className = "level level-" + m.level;
    level.textContent = m.levelLabel;
    level.hidden = !m.levelLabel;
    row.querySelector(".state-text").textContent = m.state;
    row.querySelector(".measured").textContent = m.measured;
    row.hidden = !shown(m.kind);
  }

  // ---- filters and the URL --------------------------------------------------------------

  function shownKinds() {
    return Array.prototype.filter.call(filters.querySelectorAll("input[name=kind]"), function (box) {
      return box.checked;
    }).map(function (box) { return box.value; });
  }

  function shown(kind) {
    return shownKinds().indexOf(kind) >= 0;
  }

  function applyFilters() {
    Object.keys(pins).forEach(function (id) {
      var pin = pins[id];
      if (shown(pin.data.kind)) { pin.marker.addTo(map); } else { pin.marker.remove(); }
    });
    list.querySelectorAll("li.row").forEach(function (row) { row.hidden = !shown(row.dataset.kind); });
    rememberInUrl();
  }

  // The view is shareable: tenant, language and (unless all) the kinds stay in the address.
  function rememberInUrl() {
    var params = new URLSearchParams();
    params.set("tenant", data.tenant);
    params.set("lang", data.lang);
    var kinds = shownKinds();
    if (kinds.length < filters.querySelectorAll("input[name=kind]").length) {
      kinds.forEach(function (k) { params.append("kind", k); });
    }
    history.replaceState(null, "", "?" + params.toString());
    var language = document.getElementById("language");
    if (language) {
      var other = new URL(language.href, location.href);
      params.set("lang", other.searchParams.get("lang") || "");
      language.href = other.pathname + "?" + params.toString();
    }
  }

  // ---- near me --------------------------------------------------------------------------

  function metres(lat1, lon1, lat2, lon2) {
    var rad = Math.PI / 180;
    var x = (lon2 - lon1) * rad * Math.cos((lat1 + lat2) / 2 * rad);
    var y = (lat2 - lat1) * rad;
    return Math.sqrt(x * x + y * y) * 6371000;
  }

  function sortByDistance(position) {
    var here = position.coords;
    var format = new Intl.NumberFormat(data.lang, { maximumFractionDigits: 1 });
    var button = document.getElementById("near-me");
    var rows = Array.prototype.slice.call(list.querySelectorAll("li.row"));
    rows.forEach(function (row) {
      row.distance = metres(here.latitude, here.longitude, parseFloat(row.dataset.lat), parseFloat(row.dataset.lon));
      row.querySelector(".distance").textContent =
        button.dataset.away.replace("{0}", format.format(row.distance / 1000));
    });
    rows.sort(function (a, b) { return a.distance - b.distance; })
      .forEach(function (row) { list.appendChild(row); });
    status.textContent = button.dataset.sorted;
  }

  function nearMe() {
    var button = document.getElementById("near-me");
    if (!navigator.geolocation) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(sortByDistance, function () {
        status.textContent = button.dataset.denied;
      }, { maximumAge: 60000, timeout: 15000 });
    });
  }

  // ---- tiles, only with consent (or self-hosted) ----------------------------------------

  function showTiles(on) {
    if (on && !tiles) {
      tiles = L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.attribution }).addTo(map);
    } else if (!on && tiles) {
      tiles.remove();
      tiles = null;
    }
    var consent = document.getElementById("tiles-consent");
    var revoke = document.getElementById("tiles-revoke");
    if (consent) { consent.hidden = on; revoke.hidden = !on; }
  }

  function tileChoice() {
    if (!data.tiles) { return; }
    if (data.selfHosted === "true") { showTiles(true); return; }
    var consent = document.getElementById("tiles-consent");
    var revoke = document.getElementById("tiles-revoke");
    consent.addEventListener("click", function () {
      localStorage.setItem(CONSENT, "yes");
      showTiles(true);
      revoke.focus();
    });
    revoke.addEventListener("click", function () {
      localStorage.removeItem(CONSENT);
      showTiles(false);
      consent.focus();
    });
    showTiles(localStorage.getItem(CONSENT) === "yes");
  }

  function outline() {
    if (!data.outline) { return; }
    fetch(data.outline).then(function (r) { return r.ok ? r.json() : null; }).then(function (shape) {
      if (shape) {
        L.geoJSON(shape, { interactive: false, className: "outline", style: { color: "#3d4f63", weight: 2, fillOpacity: 0.06 } })
          .addTo(map);
      }
    }).catch(function () { /* the map works without the outline */ });
  }

  // ---- live updates ---------------------------------------------------------------------

  function apply(event) {
    if (event.type === "gone") { forget(event.id); return; }
    place(event.marker);
    fillRow(event.marker);
  }

  function receive(event) {
    var id = event.type === "gone" ? event.id : event.marker.id;
    if (paused) {
      pending[id] = event;
      document.getElementById("pause").dataset.pending = String(Object.keys(pending).length);
      return;
    }
    apply(event);
  }

  function loadAll() {
    return fetch("/portal/markers?tenant=" + encodeURIComponent(data.tenant), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (markers) {
        markers.forEach(function (m) { receive({ type: "marker", marker: m }); });
      })
      .catch(function () { /* the list is still there; the next connection tries again */ });
  }

  function pauseControl() {
    var button = document.getElementById("pause");
    button.hidden = false;
    button.addEventListener("click", function () {
      paused = !paused;
      button.setAttribute("aria-pressed", String(paused));
      status.textContent = paused ? button.dataset.paused : button.dataset.live;
      if (!paused) {
        Object.keys(pending).forEach(function (id) { apply(pending[id]); });
        pending = {};
        button.dataset.pending = "0";
      }
    });
  }

  function connect() {
    if (data.live !== "true" || !window.EventSource) { return; }
    pauseControl();
    var source = new EventSource("/portal/map/events?tenant=" + encodeURIComponent(data.tenant)
      + "&lang=" + encodeURIComponent(data.lang));
    var lost = false;
    source.addEventListener("marker", function (e) { receive({ type: "marker", marker: JSON.parse(e.data) }); });
    source.addEventListener("gone", function (e) { receive({ type: "gone", id: JSON.parse(e.data).id }); });
    source.addEventListener("error", function () { lost = true; });
    // After a lost connection, read everything once: changes may have been missed meanwhile.
    source.addEventListener("open", function () { if (lost) { lost = false; loadAll(); } });
    element.dataset.connected = "true";
  }

  filters.addEventListener("change", applyFilters);
  filters.addEventListener("submit", function (event) { event.preventDefault(); applyFilters(); });
  filters.querySelector("button.apply").hidden = true;
  tileChoice();
  outline();
  nearMe();
  loadAll().then(connect);
})();
