(function () {
  'use strict';
  // Renders the embedded report. Every string in it comes from a recording and is untrusted, so
  // this script only ever creates nodes (createElement, createTextNode, setAttribute) and never
  // hands data to an API that parses markup (HtmlReportWriterTest lists the forbidden ones).

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var AXIS_MIN_NS = 0.1;
  var AXIS_MAX_NS = 1e8;
  // Sites without ns/op are named under the chart, up to this many; the table has them all.
  var UNPLACED_NAMED = 6;

  var report = JSON.parse(document.getElementById('report-data').textContent);
  var sites = Array.isArray(report.sites) ? report.sites : [];
  var tiers = readTiers();

  // ---- node helpers --------------------------------------------------------------------------

  function el(tag, attrs, children) {
    return fill(document.createElement(tag), attrs, children);
  }

  function svg(tag, attrs, children) {
    return fill(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  /** Attributes are set one by one (null ones skipped); children are nodes or plain text. */
  function fill(node, attrs, children) {
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        if (attrs[name] !== null && attrs[name] !== undefined) {
          node.setAttribute(name, String(attrs[name]));
        }
      });
    }
    [].concat(children === undefined ? [] : children).forEach(function (child) {
      if (child === null || child === undefined) {
        return;
      }
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  /** Click, or Enter/Space when focused: what makes a non-button element usable from the keyboard. */
  function onActivate(node, action) {
    node.addEventListener('click', action);
    node.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        action();
      }
    });
  }

  // ---- formatting ----------------------------------------------------------------------------

  function isNumber(v) {
    return typeof v === 'number' && isFinite(v);
  }

  function significant(x) {
    return String(Number(x.toPrecision(3)));
  }

  function scaled(value, units, last) {
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(value) >= units[i][0]) {
        return significant(value / units[i][0]) + ' ' + units[i][1];
      }
    }
    return significant(value) + ' ' + last;
  }

  function formatNs(ns) {
    return isNumber(ns) ? scaled(ns, [[1e9, 's'], [1e6, 'ms'], [1e3, 'µs']], 'ns') : '—';
  }

  function formatRate(perSecond) {
    return isNumber(perSecond) ? scaled(perSecond, [[1e9, 'G/s'], [1e6, 'M/s'], [1e3, 'k/s']], '/s') : '—';
  }

  function formatShare(fraction) {
    if (!isNumber(fraction)) {
      return '—';
    }
    return fraction > 0 && fraction < 0.001 ? '< 0.1 %' : (fraction * 100).toFixed(1) + ' %';
  }

  /** Thread time saved per second of wall time, also as a number of cores kept busy. */
  function formatSaving(nsPerSecond) {
    if (!isNumber(nsPerSecond)) {
      return '—';
    }
    // Thread time, not CPU: blocked and preempted threads count too, so it can exceed the cores (never the threads).
    return formatNs(nsPerSecond) + ' of thread time per second (' + (nsPerSecond / 1e9).toFixed(2) + ' threads busy)';
  }

  function formatValue(v) {
    if (v === null || v === undefined) {
      return 'null';
    }
    if (typeof v === 'number') {
      return v.toLocaleString('en-US', {maximumFractionDigits: 3});
    }
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  function simpleClassName(className) {
    var name = String(className);
    return name.substring(name.lastIndexOf('.') + 1);
  }

  function siteLabel(site, simple) {
    var cls = simple ? simpleClassName(site.className) : String(site.className);
    return cls + '.' + site.methodName + (site.line >= 0 ? ':' + site.line : '');
  }

  /** "L1 71 %, L4 29 %": the site's time by tier, largest first; empty when it has one tier or none. */
  function splitText(site) {
    var split = site.timeByTier && typeof site.timeByTier === 'object' ? site.timeByTier : {};
    var keys = Object.keys(split).filter(function (k) { return isNumber(split[k]) && split[k] > 0; });
    if (keys.length < 2) {
      return '';
    }
    keys.sort(function (a, b) { return split[b] - split[a]; });
    return keys.map(function (k) { return 'L' + k + ' ' + formatShare(split[k]); }).join(', ');
  }

  /** The reason that says why the ns/op lies outside the tier's band, when the analyzer wrote one. */
  function outsideBandReason(site) {
    var reasons = Array.isArray(site.reasons) ? site.reasons : [];
    return reasons.filter(function (r) { return String(r).indexOf('ns/op ') === 0; })[0] || null;
  }

  /** Everything the page says about why a site sits where it does: its split, why off its band, why no ns/op. */
  function whyText(site) {
    var parts = [];
    var split = splitText(site);
    if (split) {
      parts.push('time split between tiers: ' + split);
    }
    var outside = outsideBandReason(site);
    if (outside) {
      parts.push(String(outside));
    }
    if (!isNumber(site.nsPerOp) && site.nsPerOpNote) {
      parts.push(String(site.nsPerOpNote));
    }
    if (site.idle) {
      parts.push((site.waitKind ? String(site.waitKind) : 'idle') + ': not ranked, not in the tier shares');
    }
    return parts.join('\n');
  }

  /** Keeps the end of a label, the most specific part (method and line), when it does not fit. */
  function keepTail(text, maxChars) {
    return text.length <= maxChars ? text : '…' + text.substring(text.length - maxChars + 1);
  }

  // ---- tiers -----------------------------------------------------------------------------------

  /** Tier bounds come from the guide table in the page, counts and shares from the report. */
  function readTiers() {
    var summaries = Array.isArray(report.tiers) ? report.tiers : [];
    return Array.prototype.map.call(document.querySelectorAll('#tier-guide tr[data-tier]'), function (row) {
      var tier = Number(row.getAttribute('data-tier'));
      var summary = summaries.filter(function (t) { return t && t.tier === tier; })[0];
      var own = sites.filter(function (s) { return s.tier === tier; });
      return {
        tier: tier,
        lo: Number(row.getAttribute('data-lo')),
        hi: Number(row.getAttribute('data-hi')),
        name: summary && summary.name ? String(summary.name) : row.querySelector('th').textContent.trim(),
        sites: summary ? summary.sites : own.length,
        share: summary ? summary.shareOfTime
          : own.reduce(function (sum, s) { return sum + (isNumber(s.shareOfTime) ? s.shareOfTime : 0); }, 0)
      };
    });
  }

  function isTier(t) {
    return t === 0 || t === 1 || t === 2 || t === 3 || t === 4 || t === 5;
  }

  function tierName(t) {
    var known = tiers.filter(function (x) { return x.tier === t; })[0];
    return known ? known.name : 'L' + t;
  }

  function tierBadge(t) {
    return el('span', {'class': isTier(t) ? 'tier-badge t' + t : 'tier-badge', title: tierName(t)}, 'L' + t);
  }

  // ---- run summary and tier cards ------------------------------------------------------------

  function renderBlindSpots() {
    var spots = Array.isArray(report.blindSpots) ? report.blindSpots : [];
    if (spots.length === 0) {
      return;
    }
    document.getElementById('blind-spots').appendChild(el('div', {'class': 'blind-spots'}, [
      el('strong', null, 'What these inputs could not show:'),
      el('ul', null, spots.map(function (s) { return el('li', null, String(s)); }))
    ]));
  }

  /** Issue 15: virtual threads that waited for a carrier, with what held the carriers. */
  function renderCarrierStarvation() {
    var c = report.carrierStarvation;
    if (!c || typeof c !== 'object') {
      return;
    }
    var held = Array.isArray(c.heldBy) ? c.heldBy : [];
    document.getElementById('carrier-starvation').appendChild(el('div', {
      'class': c.starved ? 'carrier-starvation starved' : 'carrier-starvation', role: c.starved ? 'alert' : null
    }, [
      el('strong', null, c.starved ? 'Carrier starvation (virtual threads):' : 'Virtual-thread carriers:'),
      el('p', null, String(c.summary || '')),
      held.length === 0 ? null : el('ul', null, held.map(function (h) {
        return el('li', null, String(h.className) + '.' + String(h.methodName) + ':' + String(h.line) + ' \u2014 '
            + String(h.how) + ', ' + String(h.carrierSeconds) + ' s of carrier time (' + Math.round(100 * h.share)
            + '% of all carriers\' time): ' + String(h.detail));
      }))
    ]));
  }

  function renderTierCards() {
    var box = document.getElementById('tier-cards');
    tiers.forEach(function (t) {
      var bar = el('span');
      bar.style.width = (isNumber(t.share) ? Math.max(0, Math.min(1, t.share)) * 100 : 0) + '%';
      var card = el('div', {'class': 'tier-card t' + t.tier + (t.sites ? '' : ' empty'), 'data-tier': t.tier,
        role: 'button', tabindex: 0, title: 'Show only ' + t.name + ' sites in the table (again: all)'}, [
        el('div', {'class': 'name'}, t.name),
        el('div', {'class': 'count'}, [String(t.sites), el('span', {'class': 'share'}, t.sites === 1 ? ' site' : ' sites')]),
        el('div', {'class': 'share'}, formatShare(t.share) + ' of time'),
        el('div', {'class': 'bar', 'aria-hidden': 'true'}, bar)
      ]);
      onActivate(card, function () { showOnlyTier(t.tier); });
      box.appendChild(card);
    });
  }

  // ---- the ladder chart ----------------------------------------------------------------------

  function renderChart() {
    var box = document.getElementById('chart');
    box.textContent = '';
    var placed = [];
    var unplaced = [];
    sites.forEach(function (site, index) {
      (isNumber(site.nsPerOp) && site.nsPerOp > 0 ? placed : unplaced).push({site: site, index: index});
    });
    placed.sort(function (a, b) { return a.site.nsPerOp - b.site.nsPerOp || a.index - b.index; });

    // Wide: labels in a column left of the plot. Narrow (a phone): each label on its own line
    // above its bar, so the plot keeps the full width and the labels stay readable.
    var width = Math.max(box.clientWidth, 280);
    var stacked = width < 600;
    var labelWidth = stacked ? width : Math.min(320, Math.round(width * 0.28));
    var valueWidth = 58;
    var top = 24;
    var rowHeight = stacked ? 34 : 20;
    var barOffset = stacked ? 25 : rowHeight / 2;
    var axisHeight = 22;
    var plotX = stacked ? 6 : labelWidth + 10;
    var plotWidth = width - plotX - valueWidth;
    var plotBottom = top + Math.max(placed.length, 1) * rowHeight;
    var height = plotBottom + axisHeight;
    var decades = Math.log10(AXIS_MAX_NS) - Math.log10(AXIS_MIN_NS);
    var x = function (ns) {
      var clamped = Math.max(AXIS_MIN_NS, Math.min(AXIS_MAX_NS, ns));
      return plotX + plotWidth * (Math.log10(clamped) - Math.log10(AXIS_MIN_NS)) / decades;
    };

    var root = svg('svg', {width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'Cost per operation of every site on a log scale from 0.1 ns to 100 ms, tiers drawn as bands'});

    tiers.forEach(function (t) {
      var x0 = x(t.lo);
      var x1 = x(t.hi);
      root.appendChild(svg('g', {'class': 't' + t.tier}, [
        svg('rect', {'class': 'band', x: x0, y: top - 6, width: x1 - x0, height: plotBottom - top + 6}),
        svg('rect', {'class': 'band-strip', x: x0, y: top - 6, width: x1 - x0, height: 3}),
        svg('text', {'class': 'band-label', x: (x0 + x1) / 2, y: top - 10, 'text-anchor': 'middle'}, 'L' + t.tier),
        svg('title', null, t.name)
      ]));
    });

    // One grid line per decade; labels thinned so they never overlap on a phone.
    var pixelsPerDecade = plotWidth / decades;
    var labelEvery = Math.ceil(44 / pixelsPerDecade);
    var axis = svg('g', {'class': 'axis'});
    for (var e = Math.log10(AXIS_MIN_NS); e <= Math.log10(AXIS_MAX_NS); e++) {
      var gx = x(Math.pow(10, e));
      axis.appendChild(svg('line', {'class': 'grid', x1: gx, x2: gx, y1: top - 6, y2: plotBottom}));
      if (((e % labelEvery) + labelEvery) % labelEvery === 0) {
        axis.appendChild(svg('text', {x: gx, y: plotBottom + 15, 'text-anchor': 'middle'}, formatNs(Math.pow(10, e))));
      }
    }
    root.appendChild(axis);

    var maxLabelChars = Math.max(8, Math.floor(labelWidth / 6.8));
    placed.forEach(function (p, rowIndex) {
      var s = p.site;
      var rowTop = top + rowIndex * rowHeight;
      var y = rowTop + barOffset;
      var dotX = x(s.nsPerOp);
      var row = svg('g', {'class': 'row' + (isTier(s.tier) ? ' t' + s.tier : ''), tabindex: 0, role: 'button', 'data-index': p.index}, [
        svg('title', null, siteLabel(s, false) + ': ' + formatNs(s.nsPerOp) + ' per op, ' + tierName(s.tier)
          + (whyText(s) ? '\n' + whyText(s) : '')),
        svg('rect', {'class': 'row-bg', x: 0, y: rowTop, width: width, height: rowHeight, fill: 'transparent'}),
        stacked
          ? svg('text', {'class': 'row-label', x: plotX, y: rowTop + 12}, keepTail(siteLabel(s, true), maxLabelChars))
          : svg('text', {'class': 'row-label', x: labelWidth, y: y + 4, 'text-anchor': 'end'}, keepTail(siteLabel(s, true), maxLabelChars)),
        svg('line', {'class': 'stem', x1: x(AXIS_MIN_NS), x2: dotX, y1: y, y2: y}),
        svg('circle', {'class': 'dot' + (outsideBandReason(s) ? ' outside' : '') + (splitText(s) ? ' split' : ''),
          cx: dotX, cy: y, r: 5}),
        svg('text', {'class': 'value', x: dotX + 8, y: y + 4}, formatNs(s.nsPerOp))
      ]);
      onActivate(row, function () { openSite(p.index); });
      root.appendChild(row);
    });
    box.appendChild(root);

    if (placed.length === 0) {
      box.appendChild(el('p', {'class': 'chart-note'}, 'No site in this report has a cost per operation to place on the ladder.'));
    }
    if (unplaced.length > 0) {
      var note = el('p', {'class': 'chart-note'},
        unplaced.length + (unplaced.length === 1 ? ' site has' : ' sites have') + ' no ns/op estimate and ' +
        (unplaced.length === 1 ? 'is' : 'are') + ' not on the ladder (hover a name for why):');
      var named = el('ul', {'class': 'chart-note unplaced'}, unplaced.slice(0, UNPLACED_NAMED).map(function (p) {
        var why = p.site.nsPerOpNote ? String(p.site.nsPerOpNote) : 'no ns/op';
        return el('li', {title: why}, [siteLabel(p.site, true), el('span', {'class': 'why'}, ' — ' + why)]);
      }));
      box.appendChild(note);
      box.appendChild(named);
      if (unplaced.length > UNPLACED_NAMED) {
        box.appendChild(el('p', {'class': 'chart-note'}, 'and ' + (unplaced.length - UNPLACED_NAMED) + ' more (see the table)'));
      }
    }
  }

  // ---- the site table and its panels ---------------------------------------------------------

  var table = document.getElementById('sites');
  var headers = Array.prototype.slice.call(table.querySelectorAll('thead th[data-key]'));
  var filterText = document.getElementById('filter-text');
  var siteCount = document.getElementById('site-count');
  var tierBoxes = {};
  var sortKey = null;
  var sortDirection = 0; // 1 ascending, -1 descending
  var bodies = [];

  function keyValues(pairs) {
    if (pairs.length === 0) {
      return el('p', {'class': 'none'}, 'none recorded');
    }
    var dl = el('dl', {'class': 'kv'});
    pairs.forEach(function (pair) {
      dl.appendChild(el('dt', null, pair[0]));
      dl.appendChild(el('dd', null, pair[1]));
    });
    return dl;
  }

  function list(tag, items, className) {
    var values = Array.isArray(items) ? items : [];
    if (values.length === 0) {
      return el('p', {'class': 'none'}, 'none recorded');
    }
    return el(tag, className ? {'class': className} : null, values.map(function (v) { return el('li', null, formatValue(v)); }));
  }

  function adviceBlock(site) {
    var a = site.advice;
    if (!a) {
      return el('p', {'class': 'none'}, site.tier === 0 ? 'Already L0: there is no cheaper tier.' : 'No advice for this site.');
    }
    return el('div', {'class': 'advice' + (isTier(a.targetTier) ? ' t' + a.targetTier : '')}, [
      el('p', {'class': 'summary'}, [tierBadge(site.tier), ' → ', tierBadge(a.targetTier), ' ', formatValue(a.summary)]),
      a.how ? el('p', null, String(a.how)) : null,
      keyValues([['projected ns/op', formatNs(a.projectedNsPerOp)], ['projected saving', formatSaving(a.projectedSavingNsPerSecond)]])
    ]);
  }

  function panel(site) {
    var evidence = site.evidence && typeof site.evidence === 'object' ? site.evidence : {};
    return el('div', {'class': 'panel'}, [
      el('div', null, [
        el('h3', null, 'Where'),
        el('p', {'class': 'mono'}, site.className + '.' + site.methodName + (site.line >= 0 ? ' line ' + site.line : ' (line unknown)')),
        keyValues([
          ['kind', formatValue(site.kind)], ['tier', tierName(site.tier)], ['confidence', formatValue(site.confidence)],
          ['threads', formatValue(site.threads)],
          ['ns/op', isNumber(site.nsPerOp) || !site.nsPerOpNote ? formatNs(site.nsPerOp) : '— (' + site.nsPerOpNote + ')'],
          ['ops/s', formatRate(site.opsPerSecond)],
          ['share of time', site.idle ? (site.waitKind || 'idle') + ': not ranked' : formatShare(site.shareOfTime)],
          ['time by tier', splitText(site) || (site.timeByTier && Object.keys(site.timeByTier).length
            ? 'all in L' + Object.keys(site.timeByTier)[0] : 'no time measured')]]),
        el('h3', null, 'Chain to the mechanism'),
        Array.isArray(site.chain) ? list('ol', site.chain, 'mono') : el('p', null, 'at this line'),
        el('h3', null, 'Primitives'),
        list('ol', site.primitives, 'mono')
      ]),
      el('div', {'class': 'evidence'}, [
        el('h3', null, 'Evidence'),
        keyValues(Object.keys(evidence).map(function (k) { return [k, formatValue(evidence[k])]; }))
      ]),
      el('div', null, [
        el('h3', null, 'Why this tier'),
        list('ul', site.reasons),
        el('h3', null, 'Advice'),
        adviceBlock(site)
      ])
    ]);
  }

  function siteBody(site, index) {
    var row = el('tr', {'class': 'site-row', tabindex: 0, 'aria-expanded': 'false'}, [
      el('td', {'class': 'class-name', 'data-key': 'className'}, formatValue(site.className)),
      el('td', {'class': 'method-name', 'data-key': 'methodName'}, formatValue(site.methodName)),
      el('td', {'class': 'num', 'data-key': 'line'}, site.line >= 0 ? String(site.line) : '—'),
      el('td', {'data-key': 'kind'}, formatValue(site.kind)),
      el('td', {'data-key': 'tier', 'data-value': site.tier, title: whyText(site) || null},
        [tierBadge(site.tier), splitText(site) ? el('span', {'class': 'split'}, ' ' + splitText(site)) : null]),
      el('td', {'class': 'num', 'data-key': 'nsPerOp', 'data-value': isNumber(site.nsPerOp) ? site.nsPerOp : null}, formatNs(site.nsPerOp)),
      el('td', {'class': 'num', 'data-key': 'opsPerSecond'}, formatRate(site.opsPerSecond)),
      el('td', {'class': 'num', 'data-key': 'shareOfTime'}, site.idle ? String(site.waitKind || 'idle') : formatShare(site.shareOfTime))
    ]);
    var detail = el('tr', {'class': 'site-detail', hidden: ''}, el('td', {colspan: headers.length}, panel(site)));
    var body = el('tbody', {'class': 'site' + (site.idle ? ' idle' : ''), 'data-index': index, 'data-tier': site.tier}, [row, detail]);
    onActivate(row, function () { setExpanded(body, row.getAttribute('aria-expanded') !== 'true'); });
    return body;
  }

  function setExpanded(body, expanded) {
    body.rows[0].setAttribute('aria-expanded', String(expanded));
    body.rows[1].hidden = !expanded;
  }

  /** From the chart: show the site's panel even when the filters currently hide it. */
  function openSite(index) {
    var body = bodies[index];
    if (body.hidden) {
      filterText.value = '';
      Object.keys(tierBoxes).forEach(function (t) { tierBoxes[t].checked = true; });
      applyFilter();
    }
    setExpanded(body, true);
    body.scrollIntoView({block: 'start'});
    body.rows[0].focus({preventScroll: true});
  }

  /** From a tier card: only that tier's sites; when it is already the only one shown, all again. */
  function showOnlyTier(tier) {
    var tiersShown = Object.keys(tierBoxes).filter(function (t) { return tierBoxes[t].checked; });
    var alreadyOnly = tiersShown.length === 1 && Number(tiersShown[0]) === tier;
    Object.keys(tierBoxes).forEach(function (t) { tierBoxes[t].checked = alreadyOnly || Number(t) === tier; });
    applyFilter();
    document.getElementById('sites-section').scrollIntoView({block: 'start'});
  }

  function sortValue(site, key, type) {
    var v = site[key];
    if (type === 'number') {
      return isNumber(v) && !(key === 'line' && v < 0) ? v : null;
    }
    return v === null || v === undefined ? null : String(v);
  }

  /** Unknown values sort last in both directions; ties keep the report's order (costliest first). */
  function compareBodies(a, b) {
    var type = headers.filter(function (th) { return th.getAttribute('data-key') === sortKey; })[0].getAttribute('data-type');
    var ia = Number(a.getAttribute('data-index'));
    var ib = Number(b.getAttribute('data-index'));
    var va = sortValue(sites[ia], sortKey, type);
    var vb = sortValue(sites[ib], sortKey, type);
    if (va === null || vb === null) {
      return va === vb ? ia - ib : (va === null ? 1 : -1);
    }
    var order = type === 'number' ? va - vb : va.localeCompare(vb);
    return order * sortDirection || ia - ib;
  }

  function matchesText(site, text) {
    if (!text) {
      return true;
    }
    var haystack = siteLabel(site, false) + ' ' + site.kind + ' L' + site.tier;
    return haystack.toLowerCase().indexOf(text) >= 0;
  }

  /** Reorders the rows; only on a header click, since moving thousands of rows is the slow part. */
  function applySort() {
    var ordered = bodies.slice();
    if (sortKey) {
      ordered.sort(compareBodies);
    }
    ordered.forEach(function (body) { table.appendChild(body); });
    headers.forEach(function (th) {
      if (th.getAttribute('data-key') === sortKey) {
        th.setAttribute('aria-sort', sortDirection > 0 ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
  }

  function applyFilter() {
    var text = filterText.value.trim().toLowerCase();
    var shown = 0;
    bodies.forEach(function (body) {
      var site = sites[Number(body.getAttribute('data-index'))];
      var box = tierBoxes[site.tier];
      var visible = (box ? box.checked : true) && matchesText(site, text);
      if (body.hidden === visible) {
        body.hidden = !visible;
      }
      shown += visible ? 1 : 0;
    });
    siteCount.textContent = 'Showing ' + shown + ' of ' + sites.length + (sites.length === 1 ? ' site' : ' sites');
  }

  function renderTable() {
    bodies = sites.map(siteBody);
    bodies.forEach(function (body) { table.appendChild(body); });

    // A numeric column sorts descending first: the costliest sites are what one looks for.
    headers.forEach(function (th) {
      th.addEventListener('click', function () {
        var key = th.getAttribute('data-key');
        if (sortKey === key) {
          sortDirection = -sortDirection;
        } else {
          sortKey = key;
          sortDirection = th.getAttribute('data-type') === 'number' ? -1 : 1;
        }
        applySort();
      });
    });

    var fieldset = document.getElementById('filter-tiers');
    tiers.forEach(function (t) {
      var box = el('input', {type: 'checkbox', value: t.tier, 'data-tier': t.tier});
      box.checked = true;
      box.addEventListener('change', applyFilter);
      tierBoxes[t.tier] = box;
      fieldset.appendChild(el('label', {title: t.name}, [box, ' ', tierBadge(t.tier)]));
    });
    filterText.addEventListener('input', applyFilter);
    applyFilter();
  }

  // ---- main ------------------------------------------------------------------------------------

  try {
    renderBlindSpots();
    renderCarrierStarvation();
    renderTierCards();
    renderChart();
    renderTable();
    var lastWidth = document.getElementById('chart').clientWidth;
    window.addEventListener('resize', function () {
      var width = document.getElementById('chart').clientWidth;
      if (width !== lastWidth) {
        lastWidth = width;
        renderChart();
      }
    });
    document.body.setAttribute('data-rendered', 'true');
  } catch (error) {
    document.querySelector('main').insertBefore(
      el('p', {'class': 'blind-spots', role: 'alert'}, 'The report could not be fully rendered: ' + error.message),
      document.querySelector('main').firstChild);
    throw error;
  }
})();
