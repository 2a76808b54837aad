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

// The intake console: Alt+1…6 picks the type, Ctrl+Enter (or Cmd+Enter) saves.
(function () {
  'use strict';
  var form = document.getElementById('console');
  if (!form) {
    return;
  }
  document.addEventListener('keydown', function (event) {
    if (event.altKey && event.key >= '1' && event.key <= '9') {
      var radio = form.querySelector('input[name="type"][data-key="' + event.key + '"]');
      if (radio) {
        radio.checked = true;
        radio.focus();
        event.preventDefault();
      }
    }
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
