/**
 * Where the Redis server is: `redis://[user:password@]host[:port][/db]` (or
 * `rediss://` for TLS) from the command line or ZONAL_REDIS_URL, with the
 * password optionally from ZONAL_REDIS_PASSWORD so it stays out of `ps`.
 * Pure: text and environment in, an address or a message out. The password
 * never appears in a message or in `describeAddress`.
 */

export interface RedisAddress {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username: string | null;
  readonly password: string | null;
  /** rediss:// (TLS with the system's certificate authorities, or ZONAL_REDIS_CA_FILE's). */
  readonly tls: boolean;
}

export const redisEnv = {
  url: 'ZONAL_REDIS_URL',
  password: 'ZONAL_REDIS_PASSWORD',
  caFile: 'ZONAL_REDIS_CA_FILE',
} as const;

export type AddressOutcome =
  | { readonly kind: 'ok'; readonly address: RedisAddress }
  | { readonly kind: 'bad'; readonly message: string };

const example = 'redis://HOST:PORT/DB, e.g. redis://127.0.0.1:6379/0';

function bad(message: string): AddressOutcome {
  return { kind: 'bad', message };
}

/** The URL with whatever stands before an "@" (user and password) replaced, for messages. */
function shown(text: string): string {
  return text.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)?[^@]*@/, '$1***@');
}

/**
 * @param given - the URL from the command line, or undefined to use ZONAL_REDIS_URL.
 * @param env - the process environment (passed in, so this stays pure).
 */
export function parseRedisAddress(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): AddressOutcome {
  const text = given ?? env[redisEnv.url];
  if (text === undefined || text.trim() === '')
    return bad(`no Redis address: give one (${example}) or set ${redisEnv.url}`);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return bad(
      `the Redis address${text.includes('@') ? '' : ` "${text}"`} is not a URL: write it as ${example}`,
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    return bad(
      `"${shown(text)}" is not a Redis URL (scheme "${url.protocol}"): use redis:// or rediss:// (TLS), as in ${example}`,
    );
  if (url.hostname === '') return bad(`"${shown(text)}" names no host: write it as ${example}`);
  if (url.search !== '' || url.hash !== '')
    return bad(
      `"${shown(text)}" has options after "?" or "#", which zonal does not read: remove them (the password can go in ${redisEnv.password})`,
    );
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d{1,5}$/.test(dbText))
    return bad(
      `"${shown(text)}": the database after the last "/" must be a number (0 to 15 on a default server), not "${dbText}"`,
    );
  const password = url.password !== '' ? decodeURIComponent(url.password) : (env[redisEnv.password] ?? null);
  return {
    kind: 'ok',
    address: {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      db: dbText === '' ? 0 : Number(dbText),
      username: url.username === '' ? null : decodeURIComponent(url.username),
      password: password === '' ? null : password,
      tls: url.protocol === 'rediss:',
    },
  };
}

/** `redis://host:port/db`, with "(password set)" when there is one: safe to print. */
export function describeAddress(a: RedisAddress): string {
  const host = a.host.includes(':') ? `[${a.host}]` : a.host;
  const user = a.username === null ? '' : `${a.username}@`;
  return `${a.tls ? 'rediss' : 'redis'}://${user}${host}:${a.port}/${a.db}${a.password === null ? '' : ' (password set)'}`;
}
