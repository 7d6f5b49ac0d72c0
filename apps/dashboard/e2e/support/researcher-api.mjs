// The API as the demo researcher sees it: log in once, then JSON calls with the session cookie.

/**
 * @param {string} baseUrl
 * @param {{ email: string, password: string }} credentials
 */
export async function loginAsResearcher(baseUrl, credentials) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!login.ok)
    throw new Error(`login as ${credentials.email} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');

  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  async function call(method, path, body) {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        Cookie: cookie,
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  return {
    get: (/** @type {string} */ path) => call('GET', path),
    post: (/** @type {string} */ path, /** @type {unknown} */ body) => call('POST', path, body),
    patch: (/** @type {string} */ path, /** @type {unknown} */ body) => call('PATCH', path, body),
  };
}
