/**
 * The inline style and script of the HTML report. The script sorts a table
 * when a header is clicked (numbers as numbers, empty last) and filters rows
 * by the search box; it uses no network and no library.
 */
export const HTML_STYLE = `
:root { color-scheme: light; --fg: #111827; --muted: #6b7280; --line: #e5e7eb; --bg: #f9fafb; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0; background: #fff; }
header, main, nav { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { margin: 24px 0 4px; font-size: 16px; }
.meta, .desc, .status { color: var(--muted); margin: 2px 0; }
.fix { margin: 4px 0; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 110px; background: var(--bg); }
.card .n { font-size: 24px; font-weight: 700; display: block; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
.chart text { font-size: 12px; fill: var(--fg); }
.sev { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 11px; font-weight: 700; color: #fff; vertical-align: middle; }
.sev-critical { background: #7f1d1d; } .sev-high { background: #dc2626; } .sev-medium { background: #d97706; }
.sev-low { background: #0284c7; } .sev-info { background: #6b7280; }
.table-wrap { overflow-x: auto; margin-top: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td { word-break: break-word; max-width: 420px; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
tr.hidden { display: none; }
nav ul { columns: 3; padding-left: 18px; }
.failed { color: #b91c1c; }
#filter { padding: 6px 8px; width: 320px; max-width: 100%; border: 1px solid var(--line); border-radius: 6px; }
footer { max-width: 1200px; margin: 40px auto; padding: 0 24px; color: var(--muted); }
`;

export const HTML_SCRIPT = `
(function () {
  'use strict';
  function key(cell) {
    var raw = cell.getAttribute('data-sort');
    if (raw === null) raw = cell.textContent || '';
    var n = Number(raw);
    return raw !== '' && !isNaN(n) ? { n: n } : { s: raw.toLowerCase() };
  }
  function compare(a, b) {
    if (a.s === '' && b.s !== '') return 1;
    if (b.s === '' && a.s !== '') return -1;
    if (a.n !== undefined && b.n !== undefined) return a.n - b.n;
    return String(a.n !== undefined ? a.n : a.s).localeCompare(String(b.n !== undefined ? b.n : b.s), undefined, { numeric: true });
  }
  function sortBy(table, index) {
    var th = table.tHead.rows[0].cells[index];
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var d = compare(key(r1.cells[index]), key(r2.cells[index]));
      return ascending ? d : -d;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sortBy(table, index); });
    });
  });
  var filter = document.getElementById('filter');
  if (filter) {
    filter.addEventListener('input', function () {
      var text = filter.value.toLowerCase();
      Array.prototype.forEach.call(document.querySelectorAll('table.sortable tbody tr'), function (row) {
        row.classList.toggle('hidden', text !== '' && (row.textContent || '').toLowerCase().indexOf(text) < 0);
      });
    });
  }
  document.documentElement.setAttribute('data-ready', 'true');
})();
`;
