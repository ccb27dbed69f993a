// What the signed-in pages share: the account (plan, limits), error text, and the "no account yet" state.
import { api, ApiError } from '../api.js';
import { el } from '../format.js';

/** GET /accounts/me, or null when the caller is in no account yet (404). */
export async function account() {
  try {
    return (await api('GET', '/accounts/me')).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** A sentence for an API failure, naming what the user can do. */
export function describe(error) {
  if (!(error instanceof ApiError)) return 'The API cannot be reached; check that ./pulse run is up.';
  switch (error.code || error.status) {
    case 401: return 'Your session has expired; sign in again.';
    case 403:
    case 'forbidden': return 'Your role does not allow this (ask an owner).';
    case 'limit_reached': return 'Your plan’s tracked-page limit is reached; remove a page first.';
    case 'unknown_page': return 'That page is not known to Pulse yet.';
    case 'last_owner': return 'An account needs at least one owner.';
    case 'member_of_another_account': return 'That user already belongs to another account.';
    default: return error.message || `The API answered ${error.status}.`;
  }
}

/** The state shown when the caller has no account: a form to create one (POST /accounts). */
export function noAccount(main, done) {
  const name = el('input', { id: 'account-name', required: true, maxlength: 100, value: 'My team' });
  const error = el('p', { class: 'error', role: 'alert' });
  main.append(el('section', { class: 'card narrow', 'aria-labelledby': 'noacct-title' },
    el('h1', { id: 'noacct-title', text: 'No account yet' }),
    el('p', { text: 'You are not a member of any account. Create one; you will be its owner.' }),
    el('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await api('POST', '/accounts', { body: { name: name.value }, headers: { 'idempotency-key': crypto.randomUUID() } });
          done();
        } catch (e) {
          error.textContent = describe(e);
        }
      },
    }, el('label', { for: 'account-name', text: 'Account name' }), name,
    el('button', { type: 'submit', class: 'primary', text: 'Create account' })),
    error));
}

export function loading(main, what) {
  const node = el('p', { class: 'loading', role: 'status', text: `Loading ${what}…` });
  main.append(node);
  return node;
}
