// Who is signed in: a bearer token kept for this tab only (sessionStorage), from one of two sign-ins:
// - local: the demo token that ./pulse run prints, pasted, or fetched by the dev-only button from the local runtime;
// - cognito: the hosted UI with authorization code + PKCE (config.json names the domain and client).
const KEY = 'pulse.token';
const PKCE_KEY = 'pulse.pkce';

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return null;
  }
}

export const session = {
  token() {
    const token = sessionStorage.getItem(KEY);
    if (!token) return null;
    const c = claims(token);
    if (!c || (c.exp && c.exp * 1000 <= Date.now())) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return token;
  },
  /** Accepts a token if it looks like a JWT that has not expired; returns an error message otherwise. */
  signIn(raw) {
    const token = (raw || '').trim().replace(/^Bearer\s+/i, '');
    const c = claims(token);
    if (!c) return 'That is not a JWT (three base64url parts separated by dots).';
    if (c.exp && c.exp * 1000 <= Date.now()) return 'That token has expired; ./pulse run prints a fresh one.';
    sessionStorage.setItem(KEY, token);
    return null;
  },
  signOut() {
    sessionStorage.removeItem(KEY);
  },
  user() {
    const token = session.token();
    return token ? claims(token)?.sub ?? null : null;
  },
};

/** Local runtime only: the demo token of ./pulse run, from the dev sign-in endpoint (absent in AWS). */
export async function devSignIn() {
  const response = await fetch('/_local/demo-token', { method: 'POST', headers: { accept: 'application/json' } });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) return data.message || `The local runtime answered ${response.status}.`;
  return session.signIn(data.token);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Starts the hosted UI's authorization code flow with PKCE (S256), no client secret. */
export async function cognitoSignIn(auth) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  // The route the user was on comes back with them: the hosted UI returns to the one registered redirect URI ("/").
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, hash: window.location.hash }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    scope: auth.scopes.join(' '),
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  window.location.assign(`${auth.domain}/oauth2/authorize?${params}`);
}

/**
 * On the redirect back (?code=&state=, or ?error= when the hosted UI refused): trades the code for tokens; the access
 * token carries the API's scopes. The query is removed from the URL whatever happens, and the verifier from storage.
 * Returns null when signed in or when this is no redirect, else a sentence for the user; it never throws.
 */
export async function completeCognitoSignIn(auth) {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  const refused = params.get('error');
  if (!code && !refused) return null;
  let saved = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || '{}') || {};
  } catch {
    saved = {};
  }
  sessionStorage.removeItem(PKCE_KEY);
  window.history.replaceState(null, '', window.location.pathname + (saved.hash || window.location.hash));
  if (!saved.verifier || saved.state !== params.get('state')) return 'Sign-in was interrupted; try again.';
  if (refused) return `Sign-in was refused (${params.get('error_description') || refused}).`;
  let tokens;
  try {
    const response = await fetch(`${auth.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: auth.clientId,
        code,
        redirect_uri: auth.redirectUri,
        code_verifier: saved.verifier,
      }),
    });
    if (!response.ok) return `Sign-in failed (${response.status}).`;
    tokens = await response.json();
  } catch {
    return 'Sign-in failed: the sign-in service cannot be reached; try again.';
  }
  if (typeof tokens?.access_token !== 'string') return 'Sign-in failed: no access token came back.';
  return session.signIn(tokens.access_token);
}
