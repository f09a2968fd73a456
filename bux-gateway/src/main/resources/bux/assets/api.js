// ben_api reads (GET, JSON, the session cookie). Errors come back as the node's sentence, to be shown as is.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET `path` with `params` (empty values left out); resolves with the JSON body or rejects with ApiError. */
export async function getJson(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  const url = path + (query.toString() ? '?' + query : '');
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, 'cannot reach the node; try again');
  }
  if (response.ok) return response.json();
  throw new ApiError(response.status, await errorOf(response));
}

export async function errorOf(response) {
  try {
    return (await response.json()).error || ('the node answered ' + response.status);
  } catch (e) {
    return response.status === 404
      ? 'this node has no ' + new URL(response.url).pathname + ' yet (an older node?)'
      : 'the node answered ' + response.status;
  }
}

/** Path segment escaping for names typed by people. */
export const seg = encodeURIComponent;
