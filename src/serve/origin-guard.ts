/**
 * Only the workbench's own page may drive it: a request whose `Origin` is
 * not this server's own is refused (403), so no other web page can run
 * solves or write files. The `Host` must also be one this server answers to
 * (a loopback name, or the --host it was started with), which stops a page
 * on another site that re-points its own domain name at 127.0.0.1.
 */
const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const wildcardHosts = new Set(['0.0.0.0', '::', '[::]']);

/** The host name of a Host header (no port), lower-cased. */
function hostName(host: string): string {
  const bracketed = /^(\[[^\]]+\])(?::\d+)?$/.exec(host);
  if (bracketed?.[1] !== undefined) return bracketed[1].toLowerCase();
  return (host.split(':')[0] ?? '').toLowerCase();
}

/** Why a request is refused, or null when it may go on. */
export function refusal(
  headers: { readonly host?: string | undefined; readonly origin?: string | undefined },
  boundHost: string,
): string | null {
  const host = headers.host ?? '';
  const name = hostName(host);
  if (!wildcardHosts.has(boundHost) && !loopbackNames.has(name) && name !== boundHost.toLowerCase())
    return `host "${host}" is not this workbench: open it at the address zonal serve printed`;
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${host}`)
    return `requests from ${origin} are refused: only the workbench's own page (http://${host}) may use it`;
  return null;
}
