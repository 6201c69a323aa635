/** The e2e toolkit (alias of ./browser): launch Chromium, sign in, take screenshots. See e2e/shell.e2e.test.ts for an example. */
export * from './browser';
