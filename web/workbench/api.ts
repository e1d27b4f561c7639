/** The page's calls to its own server (same origin; nothing else is fetched). */

export interface Reply<T> {
  readonly status: number;
  readonly body: T;
}

/** What the page says when its server does not answer (stopped, or the machine asleep). */
const noServer =
  'the workbench server did not answer: is zonal serve still running? Start it again and reload this page';

/** fetch, or null when the server cannot be reached (fetch rejects only then). */
async function reach(url: string, init: RequestInit): Promise<Response | null> {
  try {
    return await fetch(url, init);
  } catch {
    return null;
  }
}

/** Identifies this page's edits, so the server drops a queued edit when a newer one arrives. */
const stream = `page-${Math.random().toString(36).slice(2)}`;

/**
 * One request to the server. `superseded: false` sends it outside the page's
 * stream of edits, so a newer edit never drops it (the starting award).
 */
export async function call<T>(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  { superseded = true } = {},
): Promise<Reply<T>> {
  const response = await reach(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(superseded ? { 'x-zonal-stream': stream } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response === null) return { status: 0, body: { error: noServer } as T };
  const text = await response.text();
  if (text === '') return { status: response.status, body: {} as T };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { error: text };
  }
  return { status: response.status, body: parsed as T };
}

/** POST and take the answer as a file's contents; the error message when there is none. */
export async function fetchFile(url: string, body: unknown): Promise<Blob | string> {
  const response = await reach(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response === null) return noServer;
  if (!response.ok) {
    const text = await response.text();
    try {
      return (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      return text;
    }
  }
  return response.blob();
}
