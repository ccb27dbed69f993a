// Sign-in: locally the demo token that ./pulse run prints (pasted, or fetched by the dev-only button); in AWS the
// Cognito hosted UI with PKCE.
import { cognitoSignIn, devSignIn, session } from '../auth.js';
import { el } from '../format.js';

export async function render(main, { config, done, problem }) {
  const error = el('p', { class: 'error', role: 'alert', text: problem || '' });
  const card = el('section', { class: 'card narrow', 'aria-labelledby': 'signin-title' },
    el('h1', { id: 'signin-title', text: 'Sign in to Pulse' }));
  if (config.auth?.mode === 'cognito') {
    card.append(el('p', { text: 'Sign in with your Pulse account.' }),
      el('button', {
        type: 'button', id: 'cognito-signin', class: 'primary', text: 'Sign in', onclick: () => cognitoSignIn(config.auth),
      }));
  } else {
    const token = el('textarea', { id: 'token', rows: 4, spellcheck: 'false', placeholder: 'eyJhbGciOi…' });
    const form = el('form', {
      onsubmit: (event) => {
        event.preventDefault();
        const problem = session.signIn(token.value);
        error.textContent = problem || '';
        if (!problem) done();
      },
    },
    el('label', { for: 'token', text: 'Demo token' }),
    el('p', { class: 'hint', text: './pulse run prints it (and writes .pulse/demo.token).' }),
    token,
    el('div', { class: 'row' },
      el('button', { type: 'submit', class: 'primary', text: 'Sign in with token' }),
      el('button', {
        type: 'button',
        id: 'dev-signin',
        text: 'Dev sign-in (demo account)',
        onclick: async () => {
          const problem = await devSignIn();
          error.textContent = problem || '';
          if (!problem) done();
        },
      })));
    card.append(form, el('p', { class: 'hint', text: 'Local development only: the dev sign-in button exists only in the local runtime.' }));
  }
  card.append(error);
  main.append(card);
}
