/**
 * Redis connections (ioredis, the client BullMQ is built and tested on): a
 * quick check that the server answers, made before anything is written, and
 * the long-lived client shared by a coordinator's or a worker's queue objects.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';
import { describeAddress, redisEnv, type RedisAddress } from './redis-address.js';

const checkTimeoutMs = 5000;

/** ioredis's options less `replyMapping`, whose two declarations disagree under exactOptionalPropertyTypes. */
type ClientOptions = Omit<RedisOptions, 'replyMapping'>;

function tlsOptions(
  address: RedisAddress,
  env: Readonly<Record<string, string | undefined>>,
): ClientOptions['tls'] {
  if (!address.tls) return undefined;
  const caFile = env[redisEnv.caFile];
  // A server name is sent only for a host name: Node warns (DEP0123) about an address, a second message before zonal's own.
  return {
    ...(isIP(address.host) === 0 ? { servername: address.host } : {}),
    ...(caFile === undefined ? {} : { ca: readFileSync(caFile) }),
  };
}

function baseOptions(
  address: RedisAddress,
  env: Readonly<Record<string, string | undefined>>,
): ClientOptions {
  const tls = tlsOptions(address, env);
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    ...(address.username === null ? {} : { username: address.username }),
    ...(address.password === null ? {} : { password: address.password }),
    ...(tls === undefined ? {} : { tls }),
    connectionName: 'zonal',
  };
}

/** What went wrong, in words a user can act on (never the password). */
function unreachableMessage(address: RedisAddress, error: unknown): string {
  const where = describeAddress(address);
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'ECONNREFUSED'
      ? 'nothing is listening there: start redis-server, or check the host and port'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `the host "${address.host}" is not known: check its name`
        : /ETIMEDOUT|timed? ?out/i.test(`${String(code)} ${text}`)
          ? `no answer within ${checkTimeoutMs / 1000} s: check the host, the port and any firewall${address.tls ? '; if the server does not use TLS, write redis:// rather than rediss://' : ''}`
          : /NOAUTH/.test(text)
            ? `the server wants a password: put it in the URL (redis://:PASSWORD@host:port/db) or in ${redisEnv.password}`
            : /WRONGPASS|invalid password|invalid username/i.test(text)
              ? 'the user name or password is wrong'
              : /Unknown RESP type/.test(text)
                ? `something other than Redis answers there (it sent ${/"[^"]*"/.exec(text)?.[0] ?? 'something else'}): check the port (Redis's own is 6379)`
                : /DB index is out of range/i.test(text)
                  ? `database ${address.db} does not exist on this server: use a smaller number`
                  : text;
  return `cannot reach Redis at ${where}: ${why}`;
}

/**
 * Connect once, ask PING, disconnect. Resolves to null when the server
 * answers, or to a message saying why not. Never retries: a wrong address
 * should fail in seconds, not hang.
 */
export async function checkRedis(
  address: RedisAddress,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string | null> {
  let client: Redis;
  try {
    client = new Redis({
      ...baseOptions(address, env),
      // ioredis selects `db` itself as it connects, and when the server has no
      // such database it reports the error but carries on in database 0: the
      // check selects it below, where a refusal fails the check.
      db: 0,
      lazyConnect: true,
      connectTimeout: checkTimeoutMs,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    });
  } catch (e) {
    return unreachableMessage(address, e);
  }
  let lastError: unknown = null;
  client.on('error', (e: unknown) => (lastError = e));
  try {
    await client.connect();
    if (address.db !== 0) await client.select(address.db);
    await client.ping();
    return null;
  } catch (e) {
    return unreachableMessage(address, lastError ?? e);
  } finally {
    client.disconnect();
  }
}

/** Connection trouble is reported at most this often (a down server fails every retry). */
const reportEveryMs = 30_000;

/**
 * The client a coordinator or a worker keeps: it reconnects for ever (a
 * Redis restart pauses the work instead of ending it) and reports connection
 * errors through `onError`, at most one every 30 s. BullMQ duplicates it for
 * its blocking reads; the caller disconnects it after closing those.
 */
export function openRedis(
  address: RedisAddress,
  onError: (message: string) => void,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Redis {
  const client = new Redis({
    ...baseOptions(address, env),
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 500, 5000),
  });
  let reported = -Infinity;
  client.on('error', (e: unknown) => {
    if (Date.now() - reported < reportEveryMs) return;
    reported = Date.now();
    onError(unreachableMessage(address, e));
  });
  return client;
}
