// Siaga 110 consoles: talking to the server. Same-origin fetch with the session cookie; state-changing
// requests carry the CSRF token from the XSRF-TOKEN cookie. Errors are RFC 9457 problems: the reason
// (detail) is what the console shows. A 401 (the session ended) sends the user to the login page, which says so;
// X-Requested-With asks the server not to challenge for a password, which the browser would ask in its own box.

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

export class ApiError extends Error {
  constructor(status, detail, problem = null) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** A request; body is sent as JSON, or raw as it is with its contentType (a CSV file). */
export async function api(path, { method = 'GET', body, raw, contentType = 'text/plain' } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (raw !== undefined) headers['Content-Type'] = contentType;
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  const response = await fetch(path, { method, headers, body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin' });
  if (response.status === 401) {
    location.assign('/login?expired');
    throw new ApiError(401, 'session expired');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json && (json.detail || json.title), json);
  return json;
}

export const get = (path) => api(path);
export const post = (path, body) => api(path, { method: 'POST', body: body ?? {} });
export const put = (path, body) => api(path, { method: 'PUT', body: body ?? {} });
export const del = (path) => api(path, { method: 'DELETE' });

/** Follows a Server-Sent Events stream; reconnects by itself and calls onOpen each time (reload the lists then). */
export function follow(path, handlers, onOpen) {
  const source = new EventSource(path, { withCredentials: true });
  source.onopen = () => onOpen && onOpen();
  for (const [type, handle] of Object.entries(handlers)) {
    source.addEventListener(type, (e) => handle(JSON.parse(e.data)));
  }
  return source;
}
