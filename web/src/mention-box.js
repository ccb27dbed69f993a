// The @mention autocomplete, shared by the composer (a textarea, where "@" opens it at the caret) and by the tracked
// pages' search field (an input whose whole value is the query). It follows the ARIA combobox pattern: the field
// owns a listbox, aria-activedescendant names the highlighted option, and a status region announces the outcome.
//
// Requests are debounced and each one aborts the previous (AbortController); an answer is shown only if no keystroke
// came after the one that asked for it, so a slow, stale answer never replaces a newer one. Recent prefixes are
// answered from a small cache without a request. A failed request shows "Suggestions unavailable" and nothing else
// changes: typing is never blocked.
import { mentions as fetchMentions } from './api.js';
import { caretCoordinates } from './caret.js';
import { appendHighlighted, el, formatCount } from './format.js';

let instances = 0;

/** A small least-recently-used cache of answers by folded prefix, each kept for `ttlMs`. */
export class PrefixCache {
  constructor(size = 64, ttlMs = 60_000) {
    this.size = size;
    this.ttlMs = ttlMs;
    this.entries = new Map();
  }

  static key(query) {
    return query.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').replace(/^@/, '');
  }

  get(query) {
    const key = PrefixCache.key(query);
    const entry = this.entries.get(key);
    if (!entry || performance.now() - entry.at > this.ttlMs) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.results;
  }

  set(query, results) {
    const key = PrefixCache.key(query);
    this.entries.delete(key);
    this.entries.set(key, { results, at: performance.now() });
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value);
  }
}

/** In "@" mode: the mention being typed before the caret, as {start, end, query}, or null. */
export function activeMention(text, caret) {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || (at > 0 && !/[\s([{"'“]/.test(before[at - 1]))) return null;
  const query = before.slice(at + 1);
  if (!query || /^\s/.test(query) || /[\n\r]/.test(query) || query.length > 60) return null;
  if (query.split(' ').length > 4 || /\s{2,}/.test(query)) return null;
  return { start: at, end: caret, query };
}

export class MentionBox {
  /**
   * field: the textarea or input; mode: 'mention' ("@" opens it) or 'field' (the whole value is the query);
   * onPick(page, match): called with the chosen page; label: the listbox's accessible name.
   */
  constructor(field, { mode = 'mention', onPick, label = 'Page suggestions', limit = 8, debounceMs = 60,
    fetcher = fetchMentions, cache = new PrefixCache() } = {}) {
    this.field = field;
    this.mode = mode;
    this.onPick = onPick;
    this.limit = limit;
    this.debounceMs = debounceMs;
    this.fetcher = fetcher;
    this.cache = cache;
    this.results = [];
    this.active = -1;
    this.match = null;
    this.generation = 0;
    const id = `mentions-${(instances += 1)}`;
    this.id = id;
    this.listbox = el('ul', { id: `${id}-list`, role: 'listbox', 'aria-label': label, class: 'suggest-list' });
    this.note = el('div', { id: `${id}-note`, class: 'suggest-note', role: 'status', 'aria-live': 'polite' });
    this.popup = el('div', { class: 'suggest-popup', hidden: true }, this.listbox);
    field.parentElement.append(this.popup, this.note);
    field.setAttribute('role', 'combobox');
    field.setAttribute('aria-autocomplete', 'list');
    field.setAttribute('aria-expanded', 'false');
    field.setAttribute('aria-controls', this.listbox.id);
    field.setAttribute('aria-describedby', this.note.id);
    field.setAttribute('autocomplete', 'off');
    field.addEventListener('input', (event) => this.onInput(event));
    field.addEventListener('keydown', (event) => {
      this.noteKeystroke(event);
      this.onKeyDown(event);
    });
    field.addEventListener('blur', () => setTimeout(() => this.close(), 120));
    this.listbox.addEventListener('mousedown', (event) => event.preventDefault());
  }

  /** What is being asked for now, or null when the box should be closed. */
  current() {
    const { value, selectionStart } = this.field;
    if (this.mode === 'field') {
      const query = value.trim().replace(/^@/, '');
      return query ? { start: 0, end: value.length, query } : null;
    }
    return activeMention(value, selectionStart);
  }

  /** Remembers when a key that edits the text went down: the start of the keystroke-to-paint figure. */
  noteKeystroke(event) {
    const edits = (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey)
      || event.key === 'Backspace' || event.key === 'Delete';
    this.keyDownAt = edits ? event.timeStamp : undefined;
  }

  /**
   * When the keystroke behind this input happened: its keydown's time, or the input's own when no key went down
   * (text inserted by an input method, a paste from a menu, a drop).
   */
  keystrokeTime(event) {
    const keyDownAt = this.keyDownAt;
    this.keyDownAt = undefined;
    const inputAt = event?.timeStamp ?? performance.now();
    return keyDownAt !== undefined && keyDownAt <= inputAt && inputAt - keyDownAt < 1000 ? keyDownAt : inputAt;
  }

  onInput(event) {
    const keyAt = this.keystrokeTime(event);
    const match = this.current();
    this.generation += 1;
    const generation = this.generation;
    clearTimeout(this.timer);
    this.controller?.abort();
    if (!match) {
      this.close();
      return;
    }
    this.match = match;
    const cached = this.cache.get(match.query);
    if (cached) {
      this.show(match, cached, { keyAt }, 'cache');
      return;
    }
    this.timer = setTimeout(() => this.request(match, generation, keyAt), this.debounceMs);
  }

  async request(match, generation, keyAt) {
    const controller = new AbortController();
    this.controller = controller;
    const requestedAt = performance.now();
    try {
      const results = await this.fetcher(match.query, { limit: this.limit, signal: controller.signal });
      const answeredAt = performance.now();
      this.cache.set(match.query, results);
      if (generation !== this.generation) return; // a newer keystroke owns the box now
      this.show(match, results, { keyAt, requestedAt, answeredAt }, 'api');
    } catch (error) {
      if (error.name === 'AbortError' || generation !== this.generation) return;
      if (error.status === 400) {
        this.show(match, [], { keyAt, requestedAt, answeredAt: performance.now() }, 'api');
      } else {
        this.unavailable();
      }
    }
  }

  /** Shows the list; `times` holds when the key went down (and, for an API answer, when it was asked and came). */
  show(match, results, times, source) {
    const { keyAt } = times;
    this.match = match;
    this.results = results;
    this.active = results.length ? 0 : -1;
    this.listbox.replaceChildren(...results.map((page, i) => this.option(page, i, match.query)));
    this.field.dataset.suggestionsFor = match.query;
    if (results.length) {
      this.note.textContent = `${results.length} suggestion${results.length === 1 ? '' : 's'}; up and down arrows to choose, Enter to insert.`;
      this.note.className = 'sr-only';
      this.open();
    } else {
      this.note.textContent = `No page matches “${match.query}”.`;
      this.note.className = 'suggest-note';
      this.popup.hidden = true;
      this.field.setAttribute('aria-expanded', 'false');
      this.field.removeAttribute('aria-activedescendant');
      this.place(this.note);
    }
    this.highlight();
    // The keystroke-to-paint figure (`./pulse bench web` reads it): from the key going down to the frame that shows
    // the list. A requestAnimationFrame callback runs just before that frame is painted; a task it posts runs once the
    // frame is out, so that task's time is when the suggestions are on screen.
    const shownAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      performance.measure('pulse:suggestions', {
        start: keyAt,
        end: performance.now(),
        detail: { query: match.query, source, results: results.length, ...times, shownAt },
      });
    }, 0));
  }

  unavailable() {
    this.results = [];
    this.active = -1;
    this.listbox.replaceChildren();
    this.popup.hidden = true;
    this.field.setAttribute('aria-expanded', 'false');
    this.field.removeAttribute('aria-activedescendant');
    this.note.textContent = 'Suggestions unavailable; keep typing, your text is safe.';
    this.note.className = 'suggest-note suggest-error';
    this.place(this.note);
  }

  option(page, index, query) {
    const name = el('span', { class: 'opt-name' });
    appendHighlighted(name, page.name, query);
    if (page.verified) {
      name.append(el('span', { class: 'verified', title: 'Verified', 'aria-hidden': 'true', text: '✔' }),
        el('span', { class: 'sr-only', text: ' (verified)' }));
    }
    const meta = [page.username ? `@${page.username}` : null, page.category || null].filter(Boolean).join(' · ');
    const li = el('li', {
      id: `${this.id}-opt-${index}`,
      role: 'option',
      class: 'suggest-option',
      'aria-selected': 'false',
      'data-page-id': page.pageId,
      onmousemove: () => { if (this.active !== index) { this.active = index; this.highlight(); } },
      onclick: () => this.pick(index),
    },
    el('span', { class: 'avatar', 'aria-hidden': 'true', text: Array.from(page.name)[0]?.toUpperCase() ?? '?' }),
    el('span', { class: 'opt-text' }, name, el('span', { class: 'opt-details' },
      el('span', { class: 'opt-meta', text: meta }),
      el('span', { class: 'opt-fans', text: `${meta ? ' · ' : ''}${formatCount(page.fans)} fans` }))));
    return li;
  }

  highlight() {
    [...this.listbox.children].forEach((li, i) => {
      const on = i === this.active;
      li.setAttribute('aria-selected', String(on));
      li.classList.toggle('active', on);
      if (on) li.scrollIntoView({ block: 'nearest' });
    });
    if (this.active >= 0) this.field.setAttribute('aria-activedescendant', `${this.id}-opt-${this.active}`);
    else this.field.removeAttribute('aria-activedescendant');
  }

  open() {
    this.popup.hidden = false;
    this.field.setAttribute('aria-expanded', 'true');
    this.place(this.popup);
  }

  /** Puts the popup under the caret (composer) or under the field (search). */
  place(node) {
    const field = this.field;
    let top = field.offsetTop + field.offsetHeight + 4;
    let left = field.offsetLeft;
    if (this.mode === 'mention' && this.match) {
      const caret = caretCoordinates(field, this.match.start);
      top = field.offsetTop + Math.min(caret.top + caret.height, field.clientHeight) + 4;
      left = field.offsetLeft + Math.max(0, caret.left);
    }
    // Kept inside the field's width: the node's own width (the stylesheet's), once it is shown.
    const maxLeft = field.offsetLeft + field.offsetWidth - Math.min(node.offsetWidth || 400, field.offsetWidth);
    node.style.top = `${top}px`;
    node.style.left = `${Math.max(field.offsetLeft, Math.min(left, maxLeft))}px`;
  }

  close() {
    clearTimeout(this.timer);
    this.popup.hidden = true;
    this.results = [];
    this.active = -1;
    this.field.setAttribute('aria-expanded', 'false');
    this.field.removeAttribute('aria-activedescendant');
    if (!this.note.classList.contains('suggest-error') || !this.current()) {
      this.note.textContent = '';
      this.note.className = 'sr-only';
    }
  }

  isOpen() {
    return !this.popup.hidden && this.results.length > 0;
  }

  onKeyDown(event) {
    if (!this.isOpen()) return;
    const count = this.results.length;
    switch (event.key) {
      case 'ArrowDown':
        this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        this.active = (this.active - 1 + count) % count;
        break;
      case 'Enter':
      case 'Tab':
        if (this.active < 0) return;
        this.pick(this.active);
        break;
      case 'Escape': // closes until the next keystroke
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
    this.highlight();
  }

  pick(index) {
    const page = this.results[index];
    const match = this.match;
    if (!page || !match) return;
    this.generation += 1;
    this.controller?.abort();
    this.close();
    if (this.mode === 'mention') {
      const { value } = this.field;
      const inserted = `${page.name} `;
      this.field.value = value.slice(0, match.start) + inserted + value.slice(match.end);
      const caret = match.start + inserted.length;
      this.field.setSelectionRange(caret, caret);
    }
    this.note.textContent = `${page.name} ${this.mode === 'mention' ? 'mentioned' : 'chosen'}.`;
    this.onPick?.(page, { start: match.start, length: page.name.length });
    this.field.focus();
  }
}
