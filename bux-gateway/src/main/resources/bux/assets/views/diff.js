// A side-by-side rendering of ben_api's diff hunks: removed lines on the left, added on the right, paired.
import { h } from '../dom.js';

/** One file of a diff (`{path, change, hunks}`) as a two-column table. */
export function sideBySide(file) {
  const body = h('tbody');
  for (const hunk of file.hunks || []) {
    body.append(h('tr.hunk', null, h('td', { colspan: 4,
      text: '@@ -' + hunk.from_line + ',' + hunk.from_count + ' +' + hunk.to_line + ',' + hunk.to_count + ' @@' })));
    let left = hunk.from_line;
    let right = hunk.to_line;
    let removed = [];
    let added = [];
    const flush = () => {
      for (let i = 0; i < Math.max(removed.length, added.length); i++) {
        const r = removed[i];
        const a = added[i];
        body.append(h('tr', null,
          cellNo(r !== undefined ? left++ : ''), cell(r, 'del'),
          cellNo(a !== undefined ? right++ : ''), cell(a, 'add')));
      }
      removed = [];
      added = [];
    };
    for (const line of hunk.lines || []) {
      if (line.op === '-') removed.push(line.text);
      else if (line.op === '+') added.push(line.text);
      else {
        flush();
        body.append(h('tr', null, cellNo(left++), cell(line.text, 'same'), cellNo(right++), cell(line.text, 'same')));
      }
    }
    flush();
  }
  return h('figure.diff-file', { testid: 'diff-file', dataset: { path: file.path, change: file.change } },
    h('figcaption', null, h('span.badge.badge-' + String(file.change).toLowerCase(), { text: file.change }), ' ' + file.path),
    h('div.scroll-x', null, h('table.diff', null,
      h('colgroup', null, h('col.no'), h('col'), h('col.no'), h('col')), body)));
}

function cellNo(n) {
  return h('td.no', { text: n });
}

function cell(text, kind) {
  if (text === undefined) return h('td.diff-line.blank');
  return h('td.diff-line.' + kind, { testid: 'diff-' + kind, text });
}
