// Helpers for the pages built from this folder that render untrusted data: every value is put into
// the page as text or as an attribute value, never parsed as markup (HtmlReportWriterTest lists the
// forbidden APIs). Exposed as one global, costlevelPage, for the page's own script.
(function () {
  'use strict';
  var SVG_NS = 'http://www.w3.org/2000/svg';

  /** Attributes are set one by one (null ones skipped); children are nodes or plain text. */
  function fill(node, attrs, children) {
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null && attrs[name] !== undefined) {
        node.setAttribute(name, String(attrs[name]));
      }
    });
    [].concat(children === undefined ? [] : children).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
      }
    });
    return node;
  }

  function isNumber(v) {
    return typeof v === 'number' && isFinite(v);
  }

  /** Three significant digits in the largest unit the value reaches. */
  function inUnits(value, units, last) {
    var unit = units.filter(function (u) { return Math.abs(value) >= u[0]; })[0];
    return unit ? Number((value / unit[0]).toPrecision(3)) + ' ' + unit[1] : Number(value.toPrecision(3)) + ' ' + last;
  }

  window.costlevelPage = {
    el: function (tag, attrs, children) { return fill(document.createElement(tag), attrs, children); },
    svg: function (tag, attrs, children) { return fill(document.createElementNS(SVG_NS, tag), attrs, children); },
    isNumber: isNumber,
    ns: function (v) { return isNumber(v) ? inUnits(v, [[1e9, 's'], [1e6, 'ms'], [1e3, 'µs']], 'ns') : '—'; },
    rate: function (v) { return isNumber(v) ? inUnits(v, [[1e9, 'G/s'], [1e6, 'M/s'], [1e3, 'k/s']], '/s') : '—'; },
    share: function (v) {
      return !isNumber(v) ? '—' : v > 0 && v < 0.001 ? '< 0.1 %' : (v * 100).toFixed(1) + ' %';
    },
    /** The tiers' bands as the page's tier guide gives them (data-lo / data-hi in ns, filled in from the classifier). */
    bands: function () {
      return Array.prototype.map.call(document.querySelectorAll('#tier-guide tr[data-tier]'), function (row) {
        return {tier: Number(row.getAttribute('data-tier')), lo: Number(row.getAttribute('data-lo')),
          hi: Number(row.getAttribute('data-hi')), name: row.querySelector('th').textContent.trim()};
      });
    }
  };
})();
