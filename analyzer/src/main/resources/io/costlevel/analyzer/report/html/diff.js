(function () {
  'use strict';
  // Renders the embedded diff (docs/diff.md) with the helpers of page-kit.js: nodes and text only.
  var k = window.costlevelPage;
  var el = k.el;
  var svg = k.svg;
  var AXIS_MIN_NS = 0.1;
  var AXIS_MAX_NS = 1e8;

  var diff = JSON.parse(document.getElementById('diff-data').textContent);
  var sites = Array.isArray(diff.sites) ? diff.sites : [];
  var bands = k.bands();

  function label(site, state) {
    var cls = String(site.className);
    return cls.substring(cls.lastIndexOf('.') + 1) + '.' + site.methodName + (state && state.line >= 0 ? ':' + state.line : '');
  }

  function current(site) {
    return site.new || site.base;
  }

  function badge(tier) {
    return el('span', {'class': 'tier-badge t' + tier}, 'L' + tier);
  }

  function both(site, key, format) {
    return format(site.base ? site.base[key] : null) + ' → ' + format(site.new ? site.new[key] : null);
  }

  /** A site whose tier moved, or that is new or gone: what the page highlights. */
  function moved(site) {
    return site.reported && (site.change === 'tier-up' || site.change === 'new' || site.change === 'gone'
      || (site.change === 'improved' && site.base && site.new && site.base.tier !== site.new.tier));
  }

  function renderNotesAndRules() {
    var notes = Array.isArray(diff.notes) ? diff.notes : [];
    if (notes.length > 0) {
      document.getElementById('notes').appendChild(el('div', {'class': 'blind-spots'},
        el('ul', null, notes.map(function (n) { return el('li', null, String(n)); }))));
    }
    var rules = Array.isArray(diff.rules) ? diff.rules : [];
    var fired = rules.filter(function (r) { return r.fired; });
    var box = document.getElementById('rules');
    if (fired.length > 0) {
      box.appendChild(el('div', {'class': 'rules-fired', role: 'alert'}, [el('strong', null, '--fail-on rules that fired:'),
        el('ul', null, fired.map(function (r) { return el('li', null, String(r.message)); }))]));
    } else if (rules.length > 0) {
      box.appendChild(el('p', {'class': 'rules-clean'}, 'No --fail-on rule fired (' +
        rules.map(function (r) { return r.rule; }).join(', ') + ').'));
    }
  }

  function evidenceList(site) {
    var changed = (site.evidence || []).filter(function (e) { return e.changed; });
    if (changed.length === 0) {
      return el('p', {'class': 'none'}, 'No figure changed beyond the noise.');
    }
    var dl = el('dl', {'class': 'kv'});
    changed.forEach(function (e) {
      var pct = String(e.test).indexOf('two-proportion') === 0;
      var fmt = function (v) { return pct ? (v * 100).toPrecision(3) + ' %' : Number(v.toPrecision(3)); };
      dl.appendChild(el('dt', null, String(e.name)));
      dl.appendChild(el('dd', null, fmt(e.base) + ' → ' + fmt(e.new) + ' (' + e.test + ', z = ' + e.z.toFixed(1) + ')'));
    });
    return dl;
  }

  function renderChanges() {
    var table = document.getElementById('changes');
    // The changes beyond the noise, then the uncertain ones (marked, never highlighted), as the text lists them.
    var reported = sites.filter(function (s) { return s.reported; });
    reported.concat(sites.filter(function (s) { return s.uncertain; })).forEach(function (s) {
      var tier = s.base && s.new ? [badge(s.base.tier), ' → ', badge(s.new.tier)] : s.new ? ['new ', badge(s.new.tier)] : ['was ', badge(s.base.tier)];
      var row = el('tr', {'class': 'site-row' + (moved(s) ? ' moved' : ''), tabindex: 0, 'aria-expanded': 'false', 'data-change': s.change}, [
        el('td', {'class': 'change'}, [String(s.change), s.certain ? null : el('span', {'class': 'uncertain'}, ' uncertain')]),
        el('td', {'class': 'site', title: s.className}, label(s, current(s)) + (s.lineMoved ? ' (was line ' + s.base.line + ')' : '')),
        el('td', null, String(s.kind)),
        el('td', {'data-key': 'tier'}, tier),
        el('td', {'class': 'num'}, both(s, 'nsPerOp', k.ns)),
        el('td', {'class': 'num'}, both(s, 'opsPerSecond', k.rate)),
        el('td', {'class': 'num'}, both(s, 'shareOfTime', k.share))
      ]);
      var detail = el('tr', {'class': 'site-detail', hidden: ''}, el('td', {colspan: 7}, el('div', {'class': 'panel'}, [
        el('div', null, [el('h3', null, 'Where'), el('p', {'class': 'mono'}, s.className + '.' + s.methodName)]),
        el('div', null, [el('h3', null, 'Figures that changed'), evidenceList(s)])])));
      var toggle = function () {
        var open = row.getAttribute('aria-expanded') !== 'true';
        row.setAttribute('aria-expanded', String(open));
        detail.hidden = !open;
      };
      row.addEventListener('click', toggle);
      row.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          toggle();
        }
      });
      table.appendChild(el('tbody', {'class': 'site'}, [row, detail]));
    });
    var compared = sites.filter(function (s) { return s.base && s.new && !s.hidden; }).length;
    var hidden = sites.filter(function (s) { return s.hidden; }).length;
    document.getElementById('changes-summary').textContent = (reported.length === 0 ? 'No change beyond the noise. ' : '') +
      compared + ' sites in both runs compared' + (hidden ? ', ' + hidden + ' hidden (idle, or below --min-share)' : '') + '.';
  }

  function renderChart() {
    var box = document.getElementById('chart');
    box.textContent = '';
    var placed = sites.filter(function (s) {
      return !s.hidden && ((s.base && k.isNumber(s.base.nsPerOp) && s.base.nsPerOp > 0) || (s.new && k.isNumber(s.new.nsPerOp) && s.new.nsPerOp > 0));
    });
    var width = Math.max(box.clientWidth, 280);
    var labelWidth = Math.min(320, Math.round(width * 0.3));
    var top = 24;
    var rowHeight = 22;
    var plotX = labelWidth + 10;
    var plotWidth = width - plotX - 32; // room for the last axis label
    var plotBottom = top + Math.max(placed.length, 1) * rowHeight;
    var decades = Math.log10(AXIS_MAX_NS) - Math.log10(AXIS_MIN_NS);
    var x = function (ns) {
      return plotX + plotWidth * (Math.log10(Math.max(AXIS_MIN_NS, Math.min(AXIS_MAX_NS, ns))) - Math.log10(AXIS_MIN_NS)) / decades;
    };
    var root = svg('svg', {width: width, height: plotBottom + 22, role: 'img',
      'aria-label': 'Cost per operation of every site in both runs on a log scale, tiers drawn as bands'});
    bands.forEach(function (t) {
      root.appendChild(svg('g', {'class': 't' + t.tier}, [
        svg('rect', {'class': 'band', x: x(t.lo), y: top - 6, width: x(t.hi) - x(t.lo), height: plotBottom - top + 6}),
        svg('text', {'class': 'band-label', x: (x(t.lo) + x(t.hi)) / 2, y: top - 10, 'text-anchor': 'middle'}, 'L' + t.tier),
        svg('title', null, t.name)]));
    });
    for (var e = Math.log10(AXIS_MIN_NS); e <= Math.log10(AXIS_MAX_NS); e++) {
      root.appendChild(svg('g', {'class': 'axis'}, [
        svg('line', {'class': 'grid', x1: x(Math.pow(10, e)), x2: x(Math.pow(10, e)), y1: top - 6, y2: plotBottom}),
        e % 2 === 0 ? svg('text', {x: x(Math.pow(10, e)), y: plotBottom + 15, 'text-anchor': 'middle'}, k.ns(Math.pow(10, e))) : null]));
    }
    placed.forEach(function (s, i) {
      var y = top + i * rowHeight + rowHeight / 2;
      var hot = moved(s);
      var marks = [];
      var b = s.base && k.isNumber(s.base.nsPerOp) && s.base.nsPerOp > 0 ? s.base : null;
      var n = s.new && k.isNumber(s.new.nsPerOp) && s.new.nsPerOp > 0 ? s.new : null;
      if (b && n) {
        marks.push(svg('line', {'class': 'arrow', x1: x(b.nsPerOp), x2: x(n.nsPerOp), y1: y, y2: y}));
      }
      if (b) {
        marks.push(svg('g', {'class': 't' + b.tier}, svg('circle', {'class': 'ring', cx: x(b.nsPerOp), cy: y, r: 5, 'data-run': 'base'})));
      }
      if (n) {
        marks.push(svg('g', {'class': 't' + n.tier}, svg('circle', {'class': 'dot', cx: x(n.nsPerOp), cy: y, r: 5, 'data-run': 'new'})));
      }
      root.appendChild(svg('g', {'class': 'row' + (hot ? ' moved' : ''), 'data-change': s.change}, [
        svg('title', null, label(s, current(s)) + ': ' + both(s, 'nsPerOp', k.ns) + ' per op, ' + s.change),
        svg('rect', {'class': 'row-bg', x: 0, y: y - rowHeight / 2, width: width, height: rowHeight, fill: 'transparent'}),
        svg('text', {'class': 'row-label' + (hot ? ' moved' : ''), x: labelWidth, y: y + 4, 'text-anchor': 'end'}, label(s, current(s)))
      ].concat(marks)));
    });
    box.appendChild(root);
  }

  try {
    renderNotesAndRules();
    renderChanges();
    renderChart();
    document.body.setAttribute('data-rendered', 'true');
  } catch (error) {
    document.querySelector('main').insertBefore(el('p', {'class': 'blind-spots', role: 'alert'},
      'The diff could not be fully rendered: ' + error.message), document.querySelector('main').firstChild);
    throw error;
  }
})();
