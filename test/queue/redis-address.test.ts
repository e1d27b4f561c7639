import { describe, expect, test } from 'vitest';
import { describeAddress, parseRedisAddress, type AddressOutcome } from '../../src/queue/redis-address.js';

function ok(outcome: AddressOutcome) {
  if (outcome.kind !== 'ok') throw new Error(`expected an address, got: ${outcome.message}`);
  return outcome.address;
}

function bad(outcome: AddressOutcome): string {
  if (outcome.kind !== 'bad') throw new Error(`expected a problem, got ${JSON.stringify(outcome.address)}`);
  return outcome.message;
}

describe('parseRedisAddress', () => {
  test('host, port and database from the URL; defaults 6379 and 0', () => {
    expect(ok(parseRedisAddress('redis://10.0.0.5:6380/2', {}))).toEqual({
      host: '10.0.0.5',
      port: 6380,
      db: 2,
      username: null,
      password: null,
      tls: false,
    });
    expect(ok(parseRedisAddress('redis://queue.example.org', {}))).toMatchObject({
      host: 'queue.example.org',
      port: 6379,
      db: 0,
    });
    expect(ok(parseRedisAddress('redis://[::1]:7000/1', {}))).toMatchObject({
      host: '::1',
      port: 7000,
      db: 1,
    });
  });

  test('rediss:// is TLS; user and password come from the URL (decoded), or the password from ZONAL_REDIS_PASSWORD', () => {
    expect(ok(parseRedisAddress('rediss://zonal:p%40ss@h:6379/0', {}))).toMatchObject({
      tls: true,
      username: 'zonal',
      password: 'p@ss',
    });
    expect(ok(parseRedisAddress('redis://h:6379/0', { ZONAL_REDIS_PASSWORD: 'from-env' })).password).toBe(
      'from-env',
    );
    expect(
      ok(parseRedisAddress('redis://:in-url@h:6379/0', { ZONAL_REDIS_PASSWORD: 'from-env' })).password,
    ).toBe('in-url');
  });

  test('no URL given: ZONAL_REDIS_URL; neither: a message naming both ways', () => {
    expect(ok(parseRedisAddress(undefined, { ZONAL_REDIS_URL: 'redis://h:1234/3' }))).toMatchObject({
      host: 'h',
      port: 1234,
      db: 3,
    });
    expect(bad(parseRedisAddress(undefined, {}))).toMatch(
      /no Redis address: give one \(redis:\/\/HOST:PORT\/DB.*\) or set ZONAL_REDIS_URL/,
    );
  });

  test('each mistake has its own message, and none shows the password', () => {
    const cases: Array<[string, RegExp]> = [
      ['http://:secret@h:6379', /scheme "http:"/],
      ['not a url :secret@', /^the Redis address is not a URL: write it as/],
      ['redis//h:6379', /^the Redis address "redis\/\/h:6379" is not a URL/],
      ['ftp://user:secret@h', /^"ftp:\/\/\*\*\*@h" is not a Redis URL/],
      ['redis://:secret@h:6379/zero', /database after the last "\/" must be a number/],
      ['redis://:secret@h:6379/0?tls=true', /options after "\?"/],
    ];
    for (const [url, message] of cases) {
      const text = bad(parseRedisAddress(url, {}));
      expect(text, url).toMatch(message);
      expect(text, url).not.toContain('secret');
    }
  });
});

describe('describeAddress', () => {
  test('says a password is set without showing it', () => {
    const address = ok(parseRedisAddress('rediss://zonal:secret@h:6380/4', {}));
    expect(describeAddress(address)).toBe('rediss://zonal@h:6380/4 (password set)');
    expect(describeAddress(ok(parseRedisAddress('redis://[::1]/0', {})))).toBe('redis://[::1]:6379/0');
  });
});
