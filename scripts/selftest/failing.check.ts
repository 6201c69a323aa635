import { expect, it } from 'vitest';

it('fails on purpose: npm test must exit non-zero', () => {
  expect(1 + 1).toBe(3);
});
