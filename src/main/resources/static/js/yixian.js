// Yixian page helpers: CSRF for htmx requests, and the phone menu.
(function () {
  'use strict';
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (token && header && token.content) {
      event.detail.headers[header.content] = token.content;
    }
  });
  var toggle = document.querySelector('.menu-toggle');
  var sidebar = document.getElementById('sidebar');
  if (toggle && sidebar) {
    toggle.addEventListener('click', function () {
      var open = sidebar.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
})();
