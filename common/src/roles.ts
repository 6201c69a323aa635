/** Roles (DOMAIN.md §1) and the permissions each grants. Deny by default: a route names one permission. */
export const ROLES = ['admin', 'sales_lead', 'account_manager', 'part_time_manager', 'finance', 'reviewer', 'operation_area', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  sales_lead: { zh: '销售部负责人', en: 'Sales lead' },
  account_manager: { zh: '专职客户经理', en: 'Account manager' },
  part_time_manager: { zh: '兼职客户经理', en: 'Part-time manager' },
  finance: { zh: '财务', en: 'Finance' },
  reviewer: { zh: '科室审查人', en: 'Department reviewer' },
  operation_area: { zh: '作业区', en: 'Operation area' },
  viewer: { zh: '只读', en: 'Viewer' },
};

export const DEPARTMENTS = ['production', 'development', 'quality_safety', 'pipeline_sales'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const DEPARTMENT_LABELS: Record<Department, { zh: string; en: string }> = {
  production: { zh: '生产运行科', en: 'Production Operations' },
  development: { zh: '开发科', en: 'Development' },
  quality_safety: { zh: '质安科', en: 'Quality & Safety' },
  pipeline_sales: { zh: '管道与销售部', en: 'Pipelines & Sales' },
};

/**
 * Permissions. `*:read` lets a user read within their customer scope; `*:write` lets them change.
 * Feature modules add their permissions here so that the whole matrix is visible in one place.
 */
export const PERMISSIONS = [
  'users:manage',
  'audit:read',
  'settings:manage',
  'customers:read',
  'customers:write',
  'customers:assign', // assign managers, import archives
  'customers:all', // see every customer regardless of responsibility
  'metering:read',
  'metering:write',
  'quality:write',
  'accounts:read',
  'payments:write',
  'adjustments:write',
  'adjustments:approve',
  'procedures:write',
  'procedures:approve_stop', // 保民用: stopping a residential city-gas customer
  'procedures:execute', // operation area confirms execution
  'jobs:run',
  'notices:send', // compose and send notices (告知函) to customers in scope
  'notices:receipt', // record returned receipts (回执) of customers in scope
  'notices:templates', // edit notice templates
  'supply:read', // supply network, emergencies, curtailment plans (保供)
  'supply:write', // edit capacities, declare and work emergencies, compute and adjust plans
  'supply:approve', // approve a curtailment plan (sales lead)
  'trading:read',
  'trading:write', // place bids on a customer's behalf, membership follow-ups, simulation feedback
  'trading:organise', // create, close, clear sessions
  'contracts:read', // contracts, price book, settlement statements (within customer scope)
  'contracts:write',
  'pricing:write',
  'settlement:run',
  'settlement:close', // close and reopen settlement months (sales lead)
  'deviation:write',
  'deviation:review',
  'onboarding:read',
  'onboarding:write', // open cases, schedule surveys, combined opinion, submit, construction
  'onboarding:review', // department reviewer completes its section
  'onboarding:approve', // sales lead approves or returns a case
  'plans:read',
  'plans:write', // proposals (销售建议计划), daily nominations
  'plans:approve', // annual/monthly plans, allocation, approval and locking
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ['customers:read', 'metering:read', 'accounts:read', 'supply:read', 'trading:read', 'contracts:read', 'onboarding:read', 'plans:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  sales_lead: [
    ...READ_ALL,
    'customers:write',
    'customers:assign',
    'customers:all',
    'metering:write',
    'quality:write',
    'audit:read',
    'adjustments:write',
    'adjustments:approve',
    'procedures:write',
    'procedures:approve_stop',
    'jobs:run',
    'settings:manage',
    'notices:send',
    'notices:receipt',
    'notices:templates',
    'supply:write',
    'supply:approve',
    'trading:write',
    'trading:organise',
    'contracts:write',
    'pricing:write',
    'settlement:run',
    'settlement:close',
    'deviation:write',
    'deviation:review',
    'onboarding:write',
    'onboarding:approve',
    'plans:write',
    'plans:approve',
  ],
  account_manager: [
    ...READ_ALL,
    'customers:write',
    'metering:write',
    'procedures:write',
    'notices:send',
    'notices:receipt',
    'supply:write',
    'trading:write',
    'contracts:write',
    'deviation:write',
    'onboarding:write',
    'plans:write',
  ],
  part_time_manager: [...READ_ALL, 'customers:write', 'notices:receipt', 'supply:write', 'trading:write'],
  finance: [...READ_ALL, 'customers:all', 'payments:write', 'adjustments:write', 'adjustments:approve', 'jobs:run', 'settlement:run'],
  reviewer: [...READ_ALL, 'customers:all', 'deviation:review', 'onboarding:review'],
  operation_area: [...READ_ALL, 'customers:all', 'procedures:execute', 'metering:write', 'supply:write'],
  viewer: [...READ_ALL, 'customers:all'],
};

export function can(roles: readonly Role[], p: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(p));
}
