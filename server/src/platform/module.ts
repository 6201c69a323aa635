/**
 * What a feature module gives the app. Modules are listed in server/src/modules/index.ts.
 * They talk to each other only through their index.ts exports.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database, Db, Tx } from './db/database';
import type { SessionStore } from './auth/sessions';
import type { Bus } from './events/bus';
import type { DemoContext } from './demo/demo';
import type { JobDef } from './jobs/jobs';
import type { Msg } from '@common/lang';
import type { ActivitySource, SearchSource } from './discovery/discovery';

export type Api = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  sessions: SessionStore;
  /** Signals to every server process (session revocations, live trading counters): platform/events/bus.ts. */
  bus: Bus;
  modules: QikeModule[];
  /** Checks that must pass before a customer may be closed (销户), contributed by modules. */
  closeChecks: CloseCheck[];
  jobs: JobDef[];
  /** What modules provide to others through their definitions (`QikeModule.provides`). */
  capabilities: Partial<Capabilities>;
}

/**
 * Events a module publishes for others to react to. The publishing module adds its events by
 * declaration merging in its index.ts (or `<feature>.events.ts`):
 *   declare module '../../platform/module' { interface QikeEvents { 'accounts.levelChanged': LevelChange } }
 * and publishes with `publish(ctx, trx, 'accounts.levelChanged', payload)` (platform/events).
 */
export interface QikeEvents {}

/**
 * Extension points a module offers to others: the consuming module declares the shape by
 * declaration merging, another module fills it in its definition (`provides`). The consumer
 * reads `ctx.capabilities.<name>` and copes with it being absent. Example: settlement declares
 * `onlineAwards`, trading provides it.
 */
export interface Capabilities {}

/**
 * A reaction to another module's event, declared in the reacting module's definition.
 * - `inTransaction`: runs inside the publisher's transaction (a failure rolls the change back).
 * - `queued`: stored in the durable queue (reaction_queue) in the publisher's transaction, run
 *   after commit, retried with back-off; failures show on the jobs page and alert administrators.
 */
export type Reaction = {
  [K in keyof QikeEvents]: {
    event: K;
    /** Stable name, unique in the app, e.g. 'accounts.repriceCorrectedDays'. */
    name: string;
    mode: 'inTransaction' | 'queued';
    handle: (ctx: AppContext, trx: Tx, payload: QikeEvents[K]) => Promise<void>;
  };
}[keyof QikeEvents];

/** Returns a reason (bilingual) when the customer cannot be closed, or null. */
export type CloseCheck = (db: Tx, customerId: number) => Promise<Msg | null>;

/** A demo-data step; steps of all modules run in ascending `order`. */
export interface DemoStep {
  order: number;
  run: (ctx: DemoContext) => Promise<void>;
}

export interface QikeModule {
  name: string;
  routes?: (app: Api, ctx: AppContext) => void | Promise<void>;
  /** Demo data; steps run in ascending `order` after the previous modules' data exist. */
  demo?: DemoStep | DemoStep[];
  jobs?: JobDef[];
  closeChecks?: CloseCheck[];
  /** Reactions to other modules' events (see Reaction). */
  reactions?: Reaction[];
  /** Capabilities this module fills for others (see Capabilities). */
  provides?: Partial<Capabilities>;
  /** What the global search (Ctrl+K) finds in this module's records (platform/discovery). */
  search?: SearchSource | SearchSource[];
  /** What this module adds to a customer's activity timeline (platform/discovery). */
  activity?: ActivitySource | ActivitySource[];
  /** Extra `npm run cli -- <command>` commands. */
  cli?: Record<string, (args: string[]) => Promise<void>>;
}
