// Dashboards: the account's hourly or daily snapshots (written by reporting) as charts of posts and engagement, the
// totals, the top posts, mentions received and the change in fans. The keys are the ones reporting writes
// (SnapshotItem: postCount, engagement, mentionCount, fans, fansChange, topPosts); a figure is read as a number, a
// {total: n} split, or a map of numbers summed, so a richer snapshot still renders.
import uPlot from '../vendor/uPlot.esm.js';
import { api } from '../api.js';
import { el, formatChange, formatCount, formatExact } from '../format.js';
import { account, describe, noAccount } from './common.js';

const RANGES = { hour: { label: 'Hourly', span: 48 * 3600e3, note: 'last 48 hours' }, day: { label: 'Daily', span: 30 * 86400e3, note: 'last 30 days' } };
const TOP_KEYS = ['topPosts', 'top_posts', 'top'];

/** A figure as a number: n, {total: n}, or the sum of a map's numbers; undefined when absent. */
export function figure(figures, key) {
  const value = figures?.[key];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('total' in value) return figure(value, 'total');
    const parts = Object.keys(value).map((k) => figure(value, k)).filter((n) => n !== undefined);
    return parts.length ? parts.reduce((a, b) => a + b, 0) : undefined;
  }
  return undefined;
}

/** The dashboard's numbers for a list of snapshots; the browser test recomputes them from the API's answer. */
export function summarize(snapshots) {
  const sum = (key) => snapshots.reduce((total, s) => total + (figure(s.figures, key) ?? 0), 0);
  const has = (key) => snapshots.some((s) => figure(s.figures, key) !== undefined);
  const fans = snapshots.map((s) => figure(s.figures, 'fans')).filter((n) => n !== undefined);
  let fansChange;
  if (has('fansChange')) fansChange = sum('fansChange');
  else if (fans.length > 1) fansChange = fans[fans.length - 1] - fans[0];
  const top = new Map();
  for (const s of snapshots) {
    for (const key of TOP_KEYS) {
      for (const post of Array.isArray(s.figures?.[key]) ? s.figures[key] : []) {
        const id = post.id ?? post.postId ?? JSON.stringify(post);
        const engagement = figure(post, 'engagement') ?? 0;
        if (!top.has(id) || top.get(id).engagement < engagement) top.set(id, { ...post, id, engagement });
      }
    }
  }
  return {
    posts: sum('postCount'),
    engagement: sum('engagement'),
    mentions: has('mentionCount') ? sum('mentionCount') : undefined,
    fans: fans.length ? fans[fans.length - 1] : undefined,
    fansChange,
    topPosts: [...top.values()].sort((a, b) => b.engagement - a.engagement).slice(0, 5),
  };
}

function tile(id, label, value, format = formatExact) {
  return el('div', { class: 'tile' }, el('span', { class: 'tile-label', id: `${id}-label`, text: label }),
    el('span', { class: 'tile-value', id, 'aria-labelledby': `${id}-label ${id}`, 'data-value': value ?? '', text: value === undefined ? '—' : format(value) }));
}

function chart(parent, title, snapshots, key, color) {
  const xs = snapshots.map((s) => Date.parse(s.start) / 1000);
  const ys = snapshots.map((s) => figure(s.figures, key) ?? null);
  const box = el('figure', { class: 'chart', 'data-chart': key },
    el('figcaption', { text: title }));
  const canvas = el('div', { role: 'img', 'aria-label': `${title}: ${ys.length} points, total ${formatExact(ys.reduce((a, b) => a + (b ?? 0), 0))}` });
  box.append(canvas);
  parent.append(box);
  const width = Math.max(280, Math.floor(parent.clientWidth / 2) - 24);
  const plot = new uPlot({
    width,
    height: 200,
    legend: { show: false },
    cursor: { show: true, points: { show: true } },
    // Counts start at zero: a filled area on an axis from the smallest value would overstate every change.
    scales: { x: { time: true }, y: { range: (u, min, max) => uPlot.rangeNum(Math.min(0, min), Math.max(max, 1), 0.1, true) } },
    axes: [{ stroke: '#44505c', grid: { stroke: '#e4e8ec' } }, { stroke: '#44505c', grid: { stroke: '#e4e8ec' }, size: 56, values: (u, vals) => vals.map((v) => formatCount(v)) }],
    series: [{}, { label: title, stroke: color, width: 2, fill: `${color}22`, points: { show: ys.length < 60 } }],
  }, [xs, ys], canvas);
  return plot;
}

export async function render(main, { period = 'hour' } = {}) {
  document.title = 'Dashboard · Pulse';
  const section = el('section', { class: 'card wide', 'aria-labelledby': 'dash-title', id: 'dashboard', 'aria-busy': 'true' });
  const switcher = el('div', { class: 'switch', role: 'group', 'aria-label': 'Period' },
    ...Object.entries(RANGES).map(([key, r]) => el('button', {
      type: 'button',
      'data-period': key,
      'aria-pressed': String(key === period),
      text: r.label,
      onclick: () => { if (key !== period) { main.replaceChildren(); render(main, { period: key }); } },
    })));
  section.append(el('div', { class: 'row spread' }, el('h1', { id: 'dash-title', text: 'Dashboard' }), switcher));
  const body = el('div', { id: 'dash-body' },
    el('div', { class: 'tiles skeleton', role: 'status', text: 'Loading dashboard…' }));
  section.append(body);
  main.append(section);

  let me;
  let data;
  const to = new Date();
  const from = new Date(to.getTime() - RANGES[period].span);
  try {
    me = await account();
    if (me) {
      const params = new URLSearchParams({ from: from.toISOString().replace(/\.\d+Z$/, 'Z'), to: to.toISOString().replace(/\.\d+Z$/, 'Z') });
      data = (await api('GET', `/accounts/me/dashboards/${period}?${params}`)).data;
    }
  } catch (e) {
    body.replaceChildren(el('p', { class: 'error', role: 'alert', text: describe(e) }));
    section.removeAttribute('aria-busy');
    return;
  }
  if (!me) {
    main.replaceChildren();
    noAccount(main, () => { main.replaceChildren(); render(main, { period }); });
    return;
  }
  section.removeAttribute('aria-busy');
  section.dataset.state = data.snapshots.length ? 'ready' : 'empty';
  const snapshots = data.snapshots;
  if (!snapshots.length) {
    body.replaceChildren(el('div', { class: 'empty-state', id: 'dash-empty' },
      el('h2', { text: 'No snapshots yet' }),
      el('p', { text: `Reporting writes ${period === 'hour' ? 'hourly' : 'daily'} snapshots of your tracked pages; none exist for the ${RANGES[period].note}.` }),
      el('p', { text: 'Track pages, then come back after the next report run.' }),
      el('a', { href: '#/tracked', text: 'Manage tracked pages' })));
    return;
  }
  const s = summarize(snapshots);
  const charts = el('div', { class: 'charts' });
  body.replaceChildren(
    el('p', { class: 'muted', text: `${me.name} · ${snapshots.length} ${period === 'hour' ? 'hourly' : 'daily'} snapshots, ${RANGES[period].note}` }),
    el('div', { class: 'tiles' },
      tile('total-posts', 'Posts', s.posts),
      tile('total-engagement', 'Engagement', s.engagement),
      tile('total-mentions', 'Mentions received', s.mentions),
      tile('fans-change', 'Fans change', s.fansChange, formatChange)),
    charts);
  chart(charts, 'Posts', snapshots, 'postCount', '#1f6feb');
  chart(charts, 'Engagement', snapshots, 'engagement', '#b35900');
  const top = el('ol', { class: 'top-posts', id: 'top-posts' }, ...s.topPosts.map((p) => el('li', {},
    el('span', { class: 'post-message', text: p.message || p.text || p.id }),
    el('span', { class: 'muted', text: ` · ${p.pageName || p.page || ''}${p.pageName || p.page ? ' · ' : ''}${formatExact(p.engagement)} engagement` }))));
  body.append(el('h2', { text: 'Top posts' }), s.topPosts.length ? top : el('p', { class: 'muted', text: 'No top posts in these snapshots.' }));
}
