/**
 * What a feature module gives the app. Modules are listed in server/src/modules/index.ts.
 * They talk to each other only through their index.ts exports.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database, Db, Tx } from './db/database';
import type { SessionStore } from './auth/sessions';
import type { DemoContext } from './demo/demo';
import type { JobDef } from './jobs/jobs';
import type { Msg } from '@common/lang';

export type Api = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  sessions: SessionStore;
  modules: QikeModule[];
  /** Checks that must pass before a customer may be closed (销户), contributed by modules. */
  closeChecks: CloseCheck[];
  jobs: JobDef[];
}

/** Returns a reason (bilingual) when the customer cannot be closed, or null. */
export type CloseCheck = (db: Tx, customerId: number) => Promise<Msg | null>;

export interface QikeModule {
  name: string;
  routes?: (app: Api, ctx: AppContext) => void | Promise<void>;
  /** Demo data; steps run in ascending `order` after the previous modules' data exist. */
  demo?: { order: number; run: (ctx: DemoContext) => Promise<void> };
  jobs?: JobDef[];
  closeChecks?: CloseCheck[];
  /** Extra `npm run cli -- <command>` commands. */
  cli?: Record<string, (args: string[]) => Promise<void>>;
}
