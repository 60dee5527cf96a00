// The UI's only way to the platform: the REST API on this origin, with the session cookie
// (HttpOnly, so script never sees it) and the session's CSRF token on every change.

const BASE = '/api/v1';
let csrfToken = null;
let onSessionLost = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The endpoint is not there (yet): the platform answers 404 or 405 for its address. */
  get missingEndpoint() {
    return this.status === 404 || this.status === 405;
  }

  get forbidden() {
    return this.status === 403;
  }

  /** The faults the problem names, as "where: what". */
  get faults() {
    return (this.problem.errors || []).map((fault) => `${fault.location}: ${fault.problem}`);
  }
}

export function useCsrfToken(token) {
  csrfToken = token;
}

/** What to do when the platform no longer knows this browser (session ended). */
export function whenSessionLost(callback) {
  onSessionLost = callback;
}

/**
 * `background`: the page asks on its own (a timed refresh), not because someone acted; the
 * platform then does not count the request as a use of the session, so that an unattended
 * screen still reaches the idle timeout.
 */
export async function api(path, { method = 'GET', body, quiet401 = false, background = false } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'zorgtafel-ui' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (background && method === 'GET') headers['X-Zorgtafel-Refresh'] = 'background';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (networkFailure) {
    throw new ApiError(0, { title: 'network', detail: networkFailure.message });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = response.status === 204 || !type.includes('json') ? null : await response.json();
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && !quiet401) onSessionLost();
    throw error;
  }
  return data;
}

/** A GET whose endpoint may not be there yet: {available: false} instead of an error. */
export async function optional(path) {
  try {
    return { available: true, data: await api(path) };
  } catch (error) {
    if (error instanceof ApiError && error.missingEndpoint) return { available: false, data: null };
    throw error;
  }
}
