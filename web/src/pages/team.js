// Team: the account's members and their roles; an owner can invite (add a user id with a role) or remove.
import { api } from '../api.js';
import { session } from '../auth.js';
import { el } from '../format.js';
import { account, describe, loading, noAccount } from './common.js';

const ROLES = ['owner', 'editor', 'viewer'];

export async function render(main) {
  document.title = 'Team · Pulse';
  const wait = loading(main, 'your team');
  let me;
  let members;
  try {
    me = await account();
    members = me ? (await api('GET', '/accounts/me/members')).data.members : [];
  } catch (e) {
    wait.replaceWith(el('p', { class: 'error', role: 'alert', text: describe(e) }));
    return;
  }
  wait.remove();
  if (!me) {
    noAccount(main, () => { main.replaceChildren(); render(main); });
    return;
  }
  const user = session.user();
  const isOwner = members.some((m) => m.userId === user && m.role === 'owner');
  const status = el('p', { id: 'team-status', role: 'status', class: 'muted' });
  const refresh = () => { main.replaceChildren(); return render(main); };
  const table = el('table', { id: 'members', class: 'table' },
    el('caption', { class: 'sr-only', text: 'Members and roles' }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Member' }), el('th', { scope: 'col', text: 'Role' }),
      isOwner ? el('th', { scope: 'col', text: 'Actions' }) : null)),
    el('tbody', {}, ...members.map((m) => el('tr', { 'data-user-id': m.userId },
      el('td', {}, m.userId, m.userId === user ? el('span', { class: 'muted', text: ' (you)' }) : null),
      el('td', {}, el('span', { class: `role role-${m.role}`, text: m.role })),
      isOwner ? el('td', {}, m.userId === user ? null : el('button', {
        type: 'button',
        class: 'danger',
        'aria-label': `Remove ${m.userId}`,
        text: 'Remove',
        onclick: async () => {
          try {
            await api('DELETE', `/accounts/me/members/${encodeURIComponent(m.userId)}`);
            await refresh();
          } catch (e) {
            status.textContent = describe(e);
          }
        },
      })) : null))));
  const section = el('section', { class: 'card', 'aria-labelledby': 'team-title' },
    el('h1', { id: 'team-title', text: `Team of ${me.name}` }),
    el('p', { class: 'muted', text: `${members.length} member${members.length === 1 ? '' : 's'} · ${me.plan} plan` }),
    table, status);
  if (isOwner) {
    const userId = el('input', { id: 'invite-user', required: true, maxlength: 128, placeholder: 'user id (the token’s sub)' });
    const role = el('select', { id: 'invite-role' }, ...ROLES.map((r) => el('option', { value: r, text: r, selected: r === 'editor' })));
    section.append(el('h2', { text: 'Invite a member' }), el('form', {
      class: 'row',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await api('PUT', `/accounts/me/members/${encodeURIComponent(userId.value.trim())}`, { body: { role: role.value } });
          await refresh();
        } catch (e) {
          status.textContent = describe(e);
        }
      },
    }, el('label', { for: 'invite-user', text: 'User' }), userId, el('label', { for: 'invite-role', text: 'Role' }), role,
    el('button', { type: 'submit', class: 'primary', text: 'Invite' })));
  } else {
    section.append(el('p', { class: 'hint', text: 'Only an owner can invite or remove members.' }));
  }
  main.append(section);
}
