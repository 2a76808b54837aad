// The console's place picker: the areas' outlines (and map tiles when a tile server is
// configured) drawn by Leaflet; a click (or Enter on the focused map, for its centre) sets
// the latitude and longitude and fills the area field with the deepest outlined area that
// holds the point. Loaded only when the picker is opened. No inline script (CSP).
(function () {
  'use strict';
  var picker = document.getElementById('place-picker');
  if (!picker) {
    return;
  }
  var element = document.getElementById('place-map');
  var status = document.getElementById('place-status');
  var latInput = document.getElementById('lat');
  var lngInput = document.getElementById('lng');
  var areaInput = document.getElementById('areaUnitCode');
  var map = null;
  var marker = null;
  var areas = [];
  var loading = false;

  function start() {
    if (map || loading || typeof L === 'undefined') {
      return;
    }
    loading = true;
    fetch(picker.getAttribute('data-src'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(draw)
      .catch(function () {
        status.textContent = picker.getAttribute('data-failed');
      })
      .then(function () { loading = false; });
  }

  function draw(data) {
    areas = data.areas.slice().sort(function (a, b) { return b.depth - a.depth; });
    if (!data.tileUrl && areas.length === 0) {
      element.hidden = true;
      status.textContent = picker.getAttribute('data-no-outlines');
      return;
    }
    map = L.map(element, { attributionControl: !!data.tileUrl, zoomSnap: 0.25 });
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, { maxZoom: 19, attribution: data.attribution || '' }).addTo(map);
    } else {
      element.classList.add('no-tiles');
    }
    var bounds = null;
    data.areas.forEach(function (a) {
      var layer = L.geoJSON({ type: 'Feature', geometry: a.geometry, properties: {} }, {
        style: { color: a.depth > 1 ? '#7a8699' : '#1a4fb3', weight: a.depth > 1 ? 1 : 2, fillColor: '#e8eef8', fillOpacity: 0.25 }
      });
      // the outline's click bubbles to the map, which places the point
      layer.bindTooltip(escapeHtml(a.label), { sticky: true });
      layer.addTo(map);
      var b = layer.getBounds();
      bounds = bounds ? bounds.extend(b) : b;
    });
    if (bounds) {
      map.fitBounds(bounds, { padding: [8, 8] });
    } else {
      map.setView([39.9, 116.4], 10);
    }
    map.on('click', function (event) { place(event.latlng.lat, event.latlng.lng, true); });
    element.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        var centre = map.getCenter();
        place(centre.lat, centre.lng, true);
      }
    });
    var lat = parseFloat(latInput.value);
    var lng = parseFloat(lngInput.value);
    if (isFinite(lat) && isFinite(lng)) {
      place(lat, lng, false);
    }
    element.setAttribute('data-ready', 'true');
  }

  // Sets the marker and the fields; the area when asked (a point placed on the map, or typed
  // while the area is empty), never over a coming-back form's area.
  function place(lat, lng, fillArea) {
    if (!map) {
      return;
    }
    var point = L.latLng(lat, lng);
    if (marker) {
      marker.setLatLng(point);
    } else {
      marker = L.circleMarker(point, { radius: 8, color: '#b3261e', weight: 2, fillColor: '#b3261e', fillOpacity: 0.6 }).addTo(map);
    }
    latInput.value = lat.toFixed(6);
    lngInput.value = lng.toFixed(6);
    var area = null;
    for (var i = 0; i < areas.length && !area; i++) {
      if (contains(areas[i].geometry, lng, lat)) {
        area = areas[i];
      }
    }
    if (area && fillArea) {
      areaInput.value = area.label;
    }
    status.textContent = picker.getAttribute('data-picked') + ' ' + latInput.value + ', ' + lngInput.value
      + (area ? ' · ' + area.label : (areas.length ? ' ' + picker.getAttribute('data-outside') : ''));
  }

  function contains(geometry, x, y) {
    var polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
    return polygons.some(function (rings) {
      if (!inside(rings[0], x, y)) {
        return false;
      }
      for (var h = 1; h < rings.length; h++) {
        if (inside(rings[h], x, y)) {
          return false;
        }
      }
      return true;
    });
  }

  // Ray casting over one ring of [lng, lat] points.
  function inside(ring, x, y) {
    var result = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        result = !result;
      }
    }
    return result;
  }

  function typed() {
    var lat = parseFloat(latInput.value);
    var lng = parseFloat(lngInput.value);
    if (map && isFinite(lat) && isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
      place(lat, lng, !areaInput.value.trim());
      map.panTo([lat, lng]);
    }
  }

  latInput.addEventListener('change', typed);
  lngInput.addEventListener('change', typed);
  document.getElementById('place-clear').addEventListener('click', function () {
    latInput.value = '';
    lngInput.value = '';
    if (marker) {
      map.removeLayer(marker);
      marker = null;
    }
    status.textContent = '';
  });
  picker.addEventListener('toggle', function () {
    if (picker.open) {
      if (map) {
        map.invalidateSize();
      }
      start();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.altKey && (event.key === 'm' || event.key === 'M')) {
      event.preventDefault();
      picker.open = !picker.open;
      if (picker.open) {
        element.focus();
      }
    }
  });
  // Leaflet's script is deferred like this one and runs first; start at once if the
  // picker came back open (a refused form with coordinates).
  if (picker.open) {
    start();
  }
})();
