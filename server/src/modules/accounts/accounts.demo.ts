/** Demo data of the accounts module (order 300). */
import type { DemoContext } from '../../platform/demo/demo';

export const accountsDemo = { order: 300, run: async (_ctx: DemoContext) => {} };
