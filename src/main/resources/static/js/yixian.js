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
      form.requestSubmit(event.shiftKey ? document.getElementById('save-next') : undefined);
    }
  });
})();

// Charts (Apache ECharts): data comes in a data- attribute, never in inline script (CSP).
(function () {
  'use strict';
  var element = document.getElementById('trend-chart');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(element.getAttribute('data-trend'));
  var chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    color: ['#b3261e', '#1a7f37'],
    tooltip: { trigger: 'axis' },
    legend: { data: [element.getAttribute('data-received'), element.getAttribute('data-closed')] },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: data.days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: element.getAttribute('data-received'), type: 'bar', data: data.received },
      { name: element.getAttribute('data-closed'), type: 'line', smooth: true, data: data.closed }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();

// Survey results: one horizontal bar chart per choice question, data in data-chart (no inline script).
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('.survey-chart').forEach(function (element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    element.style.height = Math.max(140, 46 * data.labels.length + 40) + 'px';
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: ['#b3261e'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.labels, inverse: true },
      series: [{ type: 'bar', data: data.counts, barMaxWidth: 28, label: { show: true, position: 'right' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();

// Insight charts: any element with data-chart {type, labels, series:[{name, data}]}.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    if (!data.series) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: ['#b3261e', '#1a4fb3', '#1a7f37'],
      tooltip: { trigger: 'axis' },
      legend: { data: data.series.map(function (s) { return s.name; }) },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: data.labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.series.map(function (s) { return { name: s.name, type: data.type, data: s.data, barMaxWidth: 48 }; })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();

// Insight hints on the console: a suggested category fills in the category field.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-fill-category]');
    var field = document.getElementById('categoryCode');
    if (button && field) {
      field.value = button.getAttribute('data-fill-category');
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
})();

// Length counters: every text field with a maxlength shows "typed / limit" before saving,
// and turns red when the limit is near.
(function () {
  'use strict';
  function attach(field) {
    if (field.dataset.counted) {
      return;
    }
    field.dataset.counted = '1';
    var max = parseInt(field.getAttribute('maxlength'), 10);
    var counter = document.createElement('small');
    counter.className = 'counter muted';
    counter.setAttribute('aria-live', 'polite');
    var update = function () {
      var n = field.value.length;
      counter.textContent = n + ' / ' + max;
      counter.classList.toggle('near', n > max * 0.9);
    };
    field.addEventListener('input', update);
    update();
    field.insertAdjacentElement('afterend', counter);
  }
  function scan(root) {
    root.querySelectorAll('textarea[maxlength]').forEach(attach);
  }
  scan(document);
  document.body.addEventListener('htmx:afterSwap', function (event) { scan(event.target); });
})();

// Unit pickers: a filter box narrows a tree of units (by name or code); the suggested unit
// comes checked.
(function () {
  'use strict';
  document.addEventListener('input', function (event) {
    var box = event.target.closest('.unit-picker .filter');
    if (!box) {
      return;
    }
    var words = box.value.trim().toLowerCase();
    box.closest('.unit-picker').querySelectorAll('.unit-option').forEach(function (option) {
      var text = option.getAttribute('data-search');
      option.hidden = words !== '' && text.indexOf(words) < 0;
    });
  });
})();

// Printing a case (工单打印): the print stylesheet leaves the case, its facts and history.
document.addEventListener('click', function (event) {
  'use strict';
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});

// 常用语: every action form with a text box gets a phrase picker that inserts the chosen
// phrase where the cursor is.
(function () {
  'use strict';
  var source = document.getElementById('phrase-source');
  if (!source) {
    return;
  }
  document.querySelectorAll('.actions-panel form textarea').forEach(function (box) {
    var picker = source.cloneNode(true);
    picker.removeAttribute('id');
    picker.hidden = false;
    picker.className = 'phrase-picker';
    picker.addEventListener('change', function () {
      if (!picker.value) {
        return;
      }
      var start = box.selectionStart || box.value.length;
      var end = box.selectionEnd || start;
      box.value = box.value.slice(0, start) + picker.value + box.value.slice(end);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      box.focus();
      picker.value = '';
    });
    box.insertAdjacentElement('beforebegin', picker);
  });
})();

// 知识库 on the console: "用此答复" makes the call a consultation answered at once with the
// article's answer, and remembers which article (and version) it came from.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-use-article]');
    var form = document.getElementById('console');
    if (!button || !form) {
      return;
    }
    var consult = form.querySelector('input[name="type"][value="CONSULT"]');
    if (consult) {
      consult.checked = true;
    }
    var box = document.getElementById('answer');
    box.value = button.getAttribute('data-answer');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    document.getElementById('answerArticleId').value = button.getAttribute('data-use-article');
    document.getElementById('answerArticleVersion').value = button.getAttribute('data-version');
    var source = document.getElementById('answer-source');
    if (source) {
      source.textContent = (source.getAttribute('data-label') || '') + button.getAttribute('data-title');
    }
    box.closest('details').open = true;
    box.focus();
  });
})();

// The console's save button says what saving will do: with an answer given at once it
// closes the consultation instead of dispatching it.
(function () {
  'use strict';
  var box = document.getElementById('answer');
  var button = document.getElementById('save-console');
  if (!box || !button) {
    return;
  }
  box.addEventListener('input', function () {
    button.textContent = box.value.trim() ? button.getAttribute('data-answer-label') : button.getAttribute('data-label');
  });
})();

// Text for places that render strings as HTML (Leaflet tooltips on the maps): names are
// data, so they are escaped. Global: the map scripts run after this one (all deferred).
function escapeHtml(text) {
  'use strict';
  return String(text).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}
