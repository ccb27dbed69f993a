// The post composer: a textarea with the @mention box. A chosen page becomes a mention token: its name in the text,
// drawn as a chip by a backdrop behind the (transparent) textarea, and a message_tags entry in the post.
import { MentionBox } from '../mention-box.js';
import { el } from '../format.js';

/** The mentions still present in `text`, in order, with their offsets (as ingest's message_tags carry them). */
export function mentionTags(text, mentions) {
  const tags = [];
  let from = 0;
  for (const mention of mentions) {
    const offset = text.indexOf(mention.name, from);
    if (offset < 0) continue;
    tags.push({ id: mention.pageId, name: mention.name, type: 'page', offset, length: mention.name.length });
    from = offset + mention.name.length;
  }
  return tags;
}

export async function render(main) {
  document.title = 'Compose · Pulse';
  let mentions = [];
  const textarea = el('textarea', {
    id: 'composer',
    rows: 6,
    class: 'composer-input',
    placeholder: 'Write a post… type @ to mention a page',
    'aria-label': 'Post text',
  });
  const backdrop = el('div', { class: 'composer-backdrop', 'aria-hidden': 'true' });
  const chips = el('ul', { class: 'chips', 'aria-label': 'Mentioned pages' });
  const preview = el('pre', { class: 'preview', hidden: true, tabindex: '0', 'aria-label': 'Post preview' });
  const count = el('span', { class: 'muted', 'aria-live': 'off' });

  const redraw = () => {
    const text = textarea.value;
    const tags = mentionTags(text, mentions);
    mentions = mentions.filter((m) => tags.some((t) => t.id === m.pageId && t.name === m.name));
    const parts = [];
    let at = 0;
    for (const tag of tags) {
      parts.push(text.slice(at, tag.offset), el('mark', { class: 'token', text: text.slice(tag.offset, tag.offset + tag.length) }));
      at = tag.offset + tag.length;
    }
    parts.push(`${text.slice(at)}\n`);
    backdrop.replaceChildren(...parts);
    backdrop.scrollTop = textarea.scrollTop;
    chips.replaceChildren(...tags.map((t) => el('li', { class: 'chip', text: `@${t.name}` })));
    count.textContent = `${text.length} characters`;
  };

  const wrap = el('div', { class: 'composer' }, backdrop, textarea);
  const box = new MentionBox(textarea, {
    mode: 'mention',
    label: 'Pages to mention',
    onPick: (page) => {
      mentions.push({ pageId: page.pageId, name: page.name, fans: page.fans });
      redraw();
    },
  });
  textarea.addEventListener('input', redraw);
  textarea.addEventListener('scroll', () => { backdrop.scrollTop = textarea.scrollTop; });
  const post = el('button', {
    type: 'button',
    class: 'primary',
    text: 'Preview post',
    onclick: () => {
      const text = textarea.value;
      preview.textContent = JSON.stringify({ message: text, message_tags: mentionTags(text, mentions) }, null, 2);
      preview.hidden = false;
    },
  });
  main.append(el('section', { class: 'card', 'aria-labelledby': 'compose-title' },
    el('h1', { id: 'compose-title', text: 'Compose a post' }),
    el('p', { class: 'hint', text: 'Type @ and the first letters of a page’s name; arrows, Enter or Tab choose, Escape closes.' }),
    wrap,
    el('div', { class: 'row spread' }, count, post),
    el('h2', { class: 'small', text: 'Mentions' }),
    chips,
    preview));
  redraw();
  textarea.focus();
  return box;
}
