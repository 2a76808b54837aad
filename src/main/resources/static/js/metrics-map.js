// The case map: unit outlines and a circle per area sized by its cases, drawn by Leaflet
// from the data-map attribute (no inline script); tiles only when a tile URL is configured.
(function () {
  'use strict';
  var element = document.getElementById('case-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var data = JSON.parse(element.getAttribute('data-map'));
  var map = L.map(element, { attributionControl: !!data.tileUrl, zoomSnap: 0.25 });
  if (data.tileUrl) {
    L.tileLayer(data.tileUrl, { maxZoom: 18, attribution: data.attribution || '' }).addTo(map);
  } else {
    element.classList.add('no-tiles');
  }
  var max = 1;
  data.areas.forEach(function (a) { if (a.leaf) { max = Math.max(max, a.cases); } });
  // the view must be set before any layer is added
  var bounds = null;
  data.areas.forEach(function (a) {
    var b = L.geoJSON({ type: 'Feature', geometry: a.geometry, properties: {} }).getBounds();
    bounds = bounds ? bounds.extend(b) : b;
  });
  if (bounds) {
    map.fitBounds(bounds, { padding: [12, 12] });
  } else {
    map.setView([0, 0], 2);
  }
  data.areas.forEach(function (a) {
    var leaf = a.leaf;
    var layer = L.geoJSON({ type: 'Feature', geometry: a.geometry, properties: {} }, {
      style: {
        color: leaf ? '#7a8699' : '#1a4fb3',
        weight: leaf ? 1 : 2.5,
        fill: leaf,
        fillColor: '#e8eef8',
        fillOpacity: leaf ? 0.5 : 0
      }
    }).addTo(map);
    layer.bindTooltip(escapeHtml(a.name) + '：' + a.cases + ' ' + escapeHtml(data.casesLabel));
    var b = layer.getBounds();
    if (leaf) {
      var centre = b.getCenter();
      var radius = a.cases > 0 ? 6 + 24 * Math.sqrt(a.cases / max) : 3;
      var link = 'cases?unitCode=' + encodeURIComponent(a.code) + '&from=' + data.from + '&to=' + data.to + '&measure=REGISTERED';
      L.circleMarker(centre, { radius: radius, color: '#b3261e', weight: 1, fillColor: '#b3261e', fillOpacity: a.cases > 0 ? 0.55 : 0.15 })
        .bindTooltip(escapeHtml(a.name) + '：' + a.cases)
        .on('click', function () { window.location.href = link; })
        .addTo(map);
    }
  });
  element.setAttribute('data-ready', 'true');
})();
