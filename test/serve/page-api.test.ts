/**
 * The page's calls to its server (web/workbench/api.ts) when the server is
 * gone (stopped mid-solve): every call answers with a message the page can
 * show, never a rejected promise that leaves the status on "Solving…".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, fetchFile } from '../../web/workbench/api.js';

describe('the server stopped', () => {
  afterEach(() => vi.unstubAllGlobals());

  const refused = () => vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));

  it('a solve, save or scenario call answers status 0 with an error saying the server is not answering', async () => {
    refused();
    const reply = await call<{ error?: string }>('POST', '/api/solve', { zones: {} });
    expect(reply.status).toBe(0);
    expect(reply.body.error).toMatch(/zonal serve/);
  });

  it('a download answers with the same message', async () => {
    refused();
    expect(await fetchFile('/api/report', { zones: {} })).toMatch(/zonal serve/);
  });
});
