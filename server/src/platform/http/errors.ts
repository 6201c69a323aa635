/**
 * Typed errors, mapped once. Domain code throws `new AppError(code, params)`; the error handler
 * (http/error-handler.ts) looks the code up here for its HTTP status and message in the user's
 * language. Modules register their own codes with `defineErrors` in `<feature>.errors.ts`.
 */
import type { Msg } from '@common/lang';

export interface ErrorDef extends Msg {
  status: number;
}

const registry = new Map<string, ErrorDef>();

export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T): { [K in keyof T]: K } {
  const out: Record<string, string> = {};
  for (const [code, def] of Object.entries(defs)) {
    if (registry.has(code) && registry.get(code) !== def) throw new Error(`error code ${code} defined twice`);
    registry.set(code, def);
    out[code] = code;
  }
  return out as any;
}

export function errorDef(code: string): ErrorDef | undefined {
  return registry.get(code);
}

export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: Record<string, unknown> = {},
    public readonly details?: unknown,
  ) {
    super(code);
    if (!registry.has(code)) throw new Error(`unknown error code ${code}`);
  }
}

export const E = defineErrors({
  BAD_REQUEST: { status: 400, zh: '请求有误：{reason}', en: 'Bad request: {reason}' },
  VALIDATION: { status: 400, zh: '输入数据校验失败', en: 'Validation failed' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  BODY_TOO_LARGE: { status: 413, zh: '请求体过大（上限 {limit} 字节）', en: 'Request body too large (limit {limit} bytes)' },
  UNSUPPORTED_MEDIA: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  BAD_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_DISABLED: { status: 403, zh: '该账号已停用', en: 'This account is disabled' },
  TOO_MANY_ATTEMPTS: { status: 429, zh: '登录失败次数过多，请 {minutes} 分钟后再试', en: 'Too many failed sign-ins; try again in {minutes} minutes' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You do not have permission to do this' },
  OUT_OF_SCOPE: { status: 403, zh: '您不负责该客户，无权访问', en: 'This customer is outside your responsibility' },
  NOT_FOUND: { status: 404, zh: '{entity}不存在', en: '{entity} not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such API endpoint' },
  CONFLICT: { status: 409, zh: '数据冲突：{reason}', en: 'Conflict: {reason}' },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: { status: 400, zh: '密码至少 10 位，且须包含字母和数字', en: 'A password needs at least 10 characters with letters and digits' },
  PASSWORD_HAS_USERNAME: { status: 400, zh: '密码不能包含用户名', en: 'The password must not contain the username' },
  PASSWORD_TOO_COMMON: { status: 400, zh: '该密码过于常见，请换一个', en: 'This password is too common; choose another' },
  USERNAME_TAKEN: { status: 409, zh: '用户名 {username} 已存在', en: 'Username {username} is taken' },
  CANNOT_DISABLE_SELF: { status: 400, zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  DEPARTMENT_REQUIRED: { status: 400, zh: '科室审查人必须指定科室', en: 'A department reviewer needs a department' },
  UPLOAD_TOO_LARGE: { status: 413, zh: '文件过大（上限 {limitMb} MB）', en: 'File too large (limit {limitMb} MB)' },
  UPLOAD_TYPE: { status: 415, zh: '不支持的文件类型：{type}（允许 {allowed}）', en: 'File type {type} not allowed (allowed: {allowed})' },
  JOB_RUNNING: { status: 409, zh: '任务 {job}（{key}）正在运行，请等待其结束', en: 'Job {job} ({key}) is already running; wait for it to finish' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后重试（请求号 {requestId}）', en: 'Internal server error; please retry (request {requestId})' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用：{reason}', en: 'Service unavailable: {reason}' },
});
