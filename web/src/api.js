// The HTTP API: same origin locally (the runtime serves the app and the API), or config.apiBase in AWS.
import { session } from './auth.js';

let apiBase = '';

export function setApiBase(base) {
  apiBase = (base || '').replace(/\/$/, '');
}

/** An API error: status, the API's {"error", "message"} when it sent one. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

/** Sends one request; JSON in and out; the signed-in token when there is one. */
export async function api(method, path, { body, signal, headers = {} } = {}) {
  const token = session.token();
  const response = await fetch(`${apiBase}${path}`, {
    method,
    signal,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, data?.error, data?.message);
  }
  return { data, response };
}

/** GET /mentions: the autocomplete's one call. */
export async function mentions(query, { limit = 8, signal } = {}) {
  const params = new URLSearchParams({ q: query, limit: String(limit) });
  const { data } = await api('GET', `/mentions?${params}`, { signal });
  return data.results;
}
