// Formatting helpers shared by every page. Nothing here touches innerHTML: page names are user content.

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en');

/** 1234567 -> "1.2M", 12300 -> "12.3K", 999 -> "999". */
export function formatCount(n) {
  return compact.format(Number(n) || 0);
}

/** 1234567 -> "1,234,567": where the exact number matters (dashboard totals the tests compare with the API). */
export function formatExact(n) {
  return whole.format(Number(n) || 0);
}

/** +1.2K / -30 / 0, for changes. */
export function formatChange(n) {
  const value = Number(n) || 0;
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatCount(Math.abs(value))}`;
}

/** Lower case without accents, as the API folds (Café -> cafe), keeping one folded char per source char. */
function foldChar(ch) {
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The ranges of `name` that the typed prefix matched: the whole name's start, else each typed word at the start of a
 * word of the name (the API's own tiers). Returns [[start, end], …] in `name`'s code units.
 */
export function matchRanges(name, typed) {
  const query = typed.replace(/^@/, '').trim();
  if (!query) return [];
  const chars = Array.from(name);
  const folded = chars.map(foldChar);
  const offsets = [];
  let pos = 0;
  for (const ch of chars) {
    offsets.push(pos);
    pos += ch.length;
  }
  offsets.push(pos);
  const startsAt = (i, word) => {
    let j = i;
    let k = 0;
    while (k < word.length && j < chars.length) {
      const f = folded[j];
      if (word.startsWith(f, k) && f.length > 0) {
        k += f.length;
        j += 1;
      } else if (f.length === 0) {
        j += 1;
      } else {
        return -1;
      }
    }
    return k >= word.length ? j : -1;
  };
  const whole = startsAt(0, Array.from(query).map(foldChar).join(''));
  if (whole > 0) return [[0, offsets[whole]]];
  const ranges = [];
  const wordStarts = [];
  for (let i = 0; i < chars.length; i += 1) {
    if (/[\p{L}\p{N}]/u.test(chars[i]) && (i === 0 || !/[\p{L}\p{N}]/u.test(chars[i - 1]))) wordStarts.push(i);
  }
  const used = new Set();
  for (const word of query.split(/\s+/).map((w) => Array.from(w).map(foldChar).join(''))) {
    for (const start of wordStarts) {
      if (used.has(start)) continue;
      const end = startsAt(start, word);
      if (end > 0) {
        used.add(start);
        ranges.push([offsets[start], offsets[end]]);
        break;
      }
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Appends `name` to `parent` as text, with the matched ranges in <mark>. */
export function appendHighlighted(parent, name, typed) {
  let at = 0;
  for (const [start, end] of matchRanges(name, typed)) {
    if (start > at) parent.append(name.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = name.slice(start, end);
    parent.append(mark);
    at = end;
  }
  if (at < name.length) parent.append(name.slice(at));
}

/** A small element builder: el('li', {class: 'x', text: 'y'}, child…). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}
