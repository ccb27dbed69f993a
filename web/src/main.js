// The app shell: reads config.json, signs in, and routes #/compose, #/tracked, #/dashboard, #/team to their pages.
import { setApiBase } from './api.js';
import { completeCognitoSignIn, session } from './auth.js';
import { el } from './format.js';
import * as compose from './pages/compose.js';
import * as dashboard from './pages/dashboard.js';
import * as signin from './pages/signin.js';
import * as team from './pages/team.js';
import * as tracked from './pages/tracked.js';

const pages = { compose, tracked, dashboard, team };
const main = document.getElementById('main');
let config = { auth: { mode: 'local' } };
let signInProblem = null; // why the hosted UI's redirect did not sign the user in, shown once on the sign-in page

async function loadConfig() {
  try {
    const response = await fetch('/config.json', { cache: 'no-cache' });
    if (response.ok) config = await response.json();
  } catch {
    // the defaults serve the local runtime
  }
  setApiBase(config.apiBase);
}

function renderWho() {
  const who = document.getElementById('who');
  const user = session.user();
  who.replaceChildren(...(user
    ? [el('span', { class: 'muted', text: `Signed in as ${user}` }), ' ',
      el('button', { type: 'button', class: 'link', text: 'Sign out', onclick: () => { session.signOut(); route(); } })]
    : [el('a', { href: '#/tracked', text: 'Sign in' })]));
}

async function route() {
  const name = (window.location.hash.match(/^#\/(\w+)/) || [])[1] || 'compose';
  const page = pages[name] ? name : 'compose';
  renderWho();
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.route === page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const signedIn = Boolean(session.token());
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  if (!signedIn && (page !== 'compose' || signInProblem)) {
    document.title = 'Sign in · Pulse';
    const problem = signInProblem;
    signInProblem = null;
    await signin.render(main, { config, done: route, problem });
  } else {
    await pages[page].render(main, { config, signIn: () => signin.render(main, { config, done: route }) });
  }
  main.removeAttribute('aria-busy');
}

await loadConfig();
if (config.auth?.mode === 'cognito') {
  signInProblem = await completeCognitoSignIn(config.auth);
}
window.addEventListener('hashchange', () => { route(); main.focus(); });
route();
