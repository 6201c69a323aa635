/**
 * Deterministic demo data: a gas seller in southern Sichuan and western Chongqing.
 * The platform creates a user for every role; each module adds its data through its
 * `demo.run(ctx)`, in ascending `order`. Demo passwords are for demo mode only.
 */
import type { Role } from '@common/roles';
import type { AppContext } from '../module';
import { hashPassword } from '../auth/password';
import { analyzeSchema } from '../db/database';
import { Rng } from './rng';

export const DEMO_PASSWORD = 'qike2026demo';
/** The demo's "today": data runs up to the day before. Fixed so the data set is reproducible. */
export const DEMO_SEED = 20261127;

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  department?: string;
  phone: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], phone: '0830-3100001' },
  { username: 'lead', displayName: '周建国', roles: ['sales_lead'], phone: '13908300001' },
  { username: 'finance', displayName: '刘会计', roles: ['finance'], phone: '13908300002' },
  { username: 'am01', displayName: '张伟', roles: ['account_manager'], phone: '13980001001' },
  { username: 'am02', displayName: '李娜', roles: ['account_manager'], phone: '13980001002' },
  { username: 'am03', displayName: '王强', roles: ['account_manager'], phone: '13980001003' },
  { username: 'am04', displayName: '陈静', roles: ['account_manager'], phone: '13980001004' },
  { username: 'am05', displayName: '杨磊', roles: ['account_manager'], phone: '13980001005' },
  { username: 'am06', displayName: '赵敏', roles: ['account_manager'], phone: '13980001006' },
  { username: 'am07', displayName: '黄涛', roles: ['account_manager'], phone: '13980001007' },
  { username: 'am08', displayName: '吴芳', roles: ['account_manager'], phone: '13980001008' },
  { username: 'pt01', displayName: '郑海', roles: ['part_time_manager'], phone: '13980002001' },
  { username: 'pt02', displayName: '孙丽', roles: ['part_time_manager'], phone: '13980002002' },
  { username: 'pt03', displayName: '马骏', roles: ['part_time_manager'], phone: '13980002003' },
  { username: 'rev_prod', displayName: '何工（生产运行科）', roles: ['reviewer'], department: 'production', phone: '0830-3100101' },
  { username: 'rev_dev', displayName: '罗工（开发科）', roles: ['reviewer'], department: 'development', phone: '0830-3100102' },
  { username: 'rev_qs', displayName: '高工（质安科）', roles: ['reviewer'], department: 'quality_safety', phone: '0830-3100103' },
  { username: 'rev_ps', displayName: '林工（管道与销售部）', roles: ['reviewer'], department: 'pipeline_sales', phone: '0830-3100104' },
  { username: 'ops_lz', displayName: '泸州采气作业区调度', roles: ['operation_area'], department: '泸州作业区', phone: '0830-3100201' },
  { username: 'ops_yb', displayName: '宜宾采气作业区调度', roles: ['operation_area'], department: '宜宾作业区', phone: '0831-3100202' },
  { username: 'ops_cq', displayName: '重庆采气作业区调度', roles: ['operation_area'], department: '重庆作业区', phone: '023-49100203' },
  { username: 'viewer', displayName: '领导查询', roles: ['viewer'], phone: '0830-3100009' },
];

export interface DemoContext {
  app: AppContext;
  rng: (stream: string) => Rng;
  /** username → user id of the demo users */
  users: Map<string, number>;
  /** The last gas day with data (the day before "today"), 'YYYY-MM-DD'. */
  lastDay: string;
  log: (m: string) => void;
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export async function loadDemo(app: AppContext, opts: { lastDay: string; log?: (m: string) => void }): Promise<void> {
  const log = opts.log ?? (() => {});
  const hash = await hashPassword(DEMO_PASSWORD);
  const rows = await app.db
    .insertInto('users')
    .values(DEMO_USERS.map((u) => ({ username: u.username, display_name: u.displayName, password_hash: hash, roles: u.roles, department: u.department ?? null, phone: u.phone, lang: 'zh-CN' })))
    .returning(['id', 'username'])
    .execute();
  const ctx: DemoContext = {
    app,
    rng: (stream) => new Rng(DEMO_SEED ^ hashString(stream)),
    users: new Map(rows.map((r) => [r.username, r.id])),
    lastDay: opts.lastDay,
    log,
  };
  // a module may contribute several steps (e.g. one that must run after every other module's)
  const steps = app.modules.flatMap((m) => (m.demo ? (Array.isArray(m.demo) ? m.demo : [m.demo]).map((d) => ({ name: m.name, ...d })) : [])).sort((a, b) => a.order - b.order);
  for (const step of steps) {
    const t = Date.now();
    await step.run(ctx);
    log(`demo data: ${step.name} (${Date.now() - t} ms)`);
  }
  // Statistics for the bulk-loaded tables: without them the planner takes every table for a few
  // rows and picks nested loops (the usage board statement: 32–42 ms of PostgreSQL CPU instead of
  // 10–12 ms, docs/BENCHMARKS.md). Autovacuum would collect them later where it runs; the embedded
  // database has none. Only this schema's tables (analyzeSchema).
  const t = Date.now();
  const tables = await analyzeSchema(app.db);
  log(`demo data: statistics of ${tables} tables (${Date.now() - t} ms)`);
}
