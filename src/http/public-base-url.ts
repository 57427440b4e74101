/**
 * PUBLIC_BASE_URL: the address people reach this service at (`https://onething.example.gov.cn`,
 * or with a path prefix behind a gateway). What the service prints for others to open, such as
 * the receipt's QR code, starts with it. It is configuration, never a request's Host or
 * X-Forwarded-* header, which whoever sends the request chooses.
 *
 * Unset in development, the server's own listen address stands in; production requires https.
 */
export function publicBaseUrlFromEnv(env: NodeJS.ProcessEnv, o: { production: boolean }): string | null {
  const raw = env.PUBLIC_BASE_URL;
  if (!raw) {
    if (o.production) throw new Error('PUBLIC_BASE_URL must be set in production (https://…)');
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_BASE_URL is not an address: ${raw}`);
  }
  if (url.protocol !== 'https:' && (o.production || url.protocol !== 'http:'))
    throw new Error(`PUBLIC_BASE_URL must be an https address${o.production ? ' in production' : ''}`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error('PUBLIC_BASE_URL takes no query, fragment or credentials');
  return url.href.replace(/\/+$/, '');
}
