import { describe, expect, it } from 'vitest';
import { api } from './endpoints.ts';
import { routes } from './routes.ts';

describe('the zod-free table of routes the extension calls through', () => {
  it('has every endpoint of the contract, with its method, path and auth, and nothing else', () => {
    const fromContract = Object.fromEntries(Object.entries(api).map(([name, { method, path, auth }]) => [name, { name, method, path, auth }]));
    expect(routes).toEqual(fromContract);
  });
});
