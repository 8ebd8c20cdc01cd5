(function () {
  'use strict';
  // Renders the embedded forecast (docs/forecast.md) with the helpers of page-kit.js: nodes and text only.
  var k = window.costlevelPage;
  var el = k.el;
  var forecast = JSON.parse(document.getElementById('forecast-data').textContent);
  var sites = Array.isArray(forecast.sites) ? forecast.sites : [];

  function badge(tier) {
    return el('span', {'class': 'tier-badge t' + tier}, 'L' + tier);
  }

  function siteName(s) {
    return String(s.className) + '.' + s.methodName + (s.line >= 0 ? ':' + s.line : '');
  }

  function forecastNs(s) {
    return k.isNumber(s.forecastNsPerOp) ? (s.forecastNsPerOpIsLowerBound ? '≥ ' : '') + k.ns(s.forecastNsPerOp) : '—';
  }

  function renderNotes() {
    var notes = Array.isArray(forecast.notes) ? forecast.notes : [];
    if (notes.length > 0) {
      document.getElementById('notes').appendChild(el('div', {'class': 'blind-spots'},
        el('ul', null, notes.map(function (n) { return el('li', null, String(n)); }))));
    }
  }

  function renderSite(table, s) {
    var moved = s.forecastTier !== s.tier;
    var body = el('tbody', {'class': 'site'});
    body.appendChild(el('tr', {'class': moved ? 'moved' : null}, [
      el('td', {'class': 'change'}, [badge(s.tier), ' → ', badge(s.forecastTier)]),
      el('td', {'class': 'site'}, siteName(s)),
      el('td', null, String(s.kind)),
      el('td', null, String(s.mechanism)),
      el('td', null, String(s.confidence)),
      el('td', {'class': 'num'}, k.ns(s.nsPerOp)),
      el('td', {'class': 'num'}, forecastNs(s))
    ]));
    var reasons = Array.isArray(s.reasons) ? s.reasons : [];
    body.appendChild(el('tr', {'class': 'detail'}, el('td', {colspan: 7},
      el('ul', null, reasons.map(function (r) { return el('li', null, String(r)); })))));
    table.appendChild(body);
  }

  try {
    renderNotes();
    var table = document.getElementById('forecast');
    sites.forEach(function (s) { renderSite(table, s); });
    // What the page tests wait for (HeadlessChromium.open), as on the report and diff pages.
    document.body.setAttribute('data-rendered', 'true');
  } catch (error) {
    document.querySelector('main').insertBefore(el('p', {'class': 'blind-spots', role: 'alert'},
      'The forecast could not be fully rendered: ' + error.message), document.querySelector('main').firstChild);
    throw error;
  }
})();
