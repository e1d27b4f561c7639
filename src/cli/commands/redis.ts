/**
 * The Redis address of `batch --queue` and `worker`, checked before anything
 * is written: a bad URL is bad input (exit 2), a server that does not answer
 * is exit 1. Messages never show the password.
 */
import { describeAddress, parseRedisAddress, type RedisAddress } from '../../queue/redis-address.js';
import { checkRedis } from '../../queue/redis-client.js';
import { CliExit, exitCodes } from '../exit.js';

/** `where`: the command, the place its messages start with (`zonal worker`), as every error's does. */
export async function reachableRedis(
  where: string,
  given: string | undefined,
  afterFailure: string,
): Promise<RedisAddress> {
  const parsed = parseRedisAddress(given, process.env);
  if (parsed.kind === 'bad') throw new CliExit(exitCodes.badInput, `${where}: ${parsed.message}`);
  const problem = await checkRedis(parsed.address);
  if (problem !== null) throw new CliExit(exitCodes.failure, `${where}: ${problem}\n${afterFailure}`);
  return parsed.address;
}

/** The server answered but BullMQ cannot use it (too old a version, a command refused): exit 1. */
export function cannotUse(
  where: string,
  address: RedisAddress,
  error: unknown,
  afterFailure: string,
): CliExit {
  return new CliExit(
    exitCodes.failure,
    `${where}: cannot use Redis at ${describeAddress(address)}: ${error instanceof Error ? error.message : String(error)}\n${afterFailure}`,
  );
}
