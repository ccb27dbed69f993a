// Tracked pages: add one through the same @mention box, see each with its fans, remove it; the plan's limit shown.
import { api } from '../api.js';
import { MentionBox } from '../mention-box.js';
import { el, formatCount, formatExact } from '../format.js';
import { account, describe, loading, noAccount } from './common.js';

/** Every tracked page, following nextCursor (at most the plan's limit, 1,000, so at most ten requests). */
async function allTracked() {
  const pages = [];
  let cursor = null;
  do {
    const params = new URLSearchParams({ limit: '100' });
    if (cursor) params.set('cursor', cursor);
    const { data } = await api('GET', `/accounts/me/tracked-pages?${params}`);
    pages.push(...data.pages);
    cursor = data.nextCursor;
  } while (cursor);
  return pages;
}

export async function render(main) {
  document.title = 'Tracked pages · Pulse';
  const wait = loading(main, 'tracked pages');
  let me;
  try {
    me = await account();
  } catch (e) {
    wait.replaceWith(el('p', { class: 'error', role: 'alert', text: describe(e) }));
    return;
  }
  wait.remove();
  if (!me) {
    noAccount(main, () => { main.replaceChildren(); render(main); });
    return;
  }
  const limit = me.limits?.trackedPages ?? 0;
  const usage = el('p', { id: 'plan-usage', class: 'usage' });
  const status = el('p', { id: 'tracked-status', role: 'status', class: 'muted' });
  const list = el('ul', { id: 'tracked-list', class: 'page-list', 'aria-label': 'Tracked pages' });
  const search = el('input', { id: 'track-search', type: 'text', placeholder: 'Search pages by name…' });
  const field = el('div', { class: 'search-field' }, search);
  let pages = [];

  const draw = () => {
    usage.replaceChildren(el('strong', { text: formatExact(pages.length) }), ` of ${formatExact(limit)} pages tracked on the `,
      el('strong', { text: me.plan }), ' plan');
    usage.classList.toggle('full', pages.length >= limit);
    list.replaceChildren(...pages.map((page) => el('li', { class: 'page-row', 'data-page-id': page.pageId },
      el('span', { class: 'avatar', 'aria-hidden': 'true', text: Array.from(page.name || '?')[0].toUpperCase() }),
      el('span', { class: 'opt-text' },
        el('span', { class: 'opt-name', text: page.name || `Page ${page.pageId}` }),
        el('span', { class: 'opt-details', text: `${formatCount(page.fans)} fans · tracked since ${new Date(page.addedAt).toLocaleDateString('en')}` })),
      el('button', {
        type: 'button',
        class: 'danger',
        'aria-label': `Remove ${page.name || page.pageId}`,
        text: 'Remove',
        onclick: async () => {
          try {
            await api('DELETE', `/accounts/me/tracked-pages/${encodeURIComponent(page.pageId)}`);
            status.textContent = `Stopped tracking ${page.name}.`;
          } catch (e) {
            status.textContent = describe(e);
          }
          await reload();
        },
      }))));
    if (!pages.length) list.append(el('li', { class: 'empty', text: 'No tracked pages yet: search above to add one.' }));
  };
  const reload = async () => {
    try {
      pages = await allTracked();
    } catch (e) {
      status.textContent = describe(e);
    }
    draw();
  };

  new MentionBox(search, {
    mode: 'field',
    label: 'Pages to track',
    onPick: async (page) => {
      search.value = '';
      try {
        const { response } = await api('PUT', `/accounts/me/tracked-pages/${encodeURIComponent(page.pageId)}`);
        status.textContent = response.status === 201 ? `Now tracking ${page.name}.` : `${page.name} was already tracked.`;
      } catch (e) {
        status.textContent = describe(e);
      }
      await reload();
    },
  });
  main.append(el('section', { class: 'card', 'aria-labelledby': 'tracked-title' },
    el('h1', { id: 'tracked-title', text: 'Tracked pages' }),
    usage,
    el('label', { for: 'track-search', text: 'Track a page' }),
    field,
    status,
    list));
  list.setAttribute('aria-busy', 'true');
  await reload();
  list.removeAttribute('aria-busy');
}
