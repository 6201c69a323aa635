import { z } from 'zod';
import { ROLES, DEPARTMENTS } from '@common/roles';
import { LANGS } from '@common/lang';
import { VOLUME_UNITS } from '@common/units';

export const LoginBody = z.strictObject({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(200) });

export const MeResponse = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  department: z.string().nullable(),
  lang: z.enum(LANGS),
  /** The volume unit the user chose on any page (m³ / 万方 / GJ); null = not chosen yet. */
  volumeUnit: z.enum(VOLUME_UNITS).nullable(),
  mustChangePassword: z.boolean(),
  permissions: z.array(z.string()),
});

export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });
export const LangBody = z.strictObject({ lang: z.enum(LANGS) });
export const PreferencesBody = z.strictObject({ volumeUnit: z.enum(VOLUME_UNITS) });

export const UserView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  department: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

const roleList = z.array(z.enum(ROLES)).min(1, '至少选择一个角色').max(ROLES.length);
const department = z.string().trim().max(60).nullable().optional();

export const CreateUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/, '用户名为 3–64 位字母、数字或 _.-'),
  displayName: z.string().trim().min(1, '请输入姓名').max(60),
  roles: roleList,
  department,
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.string().trim().email('邮箱格式不正确').max(120).nullable().optional(),
  password: z.string().min(1).max(200),
});

export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(60).optional(),
  roles: roleList.optional(),
  department,
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.string().trim().email('邮箱格式不正确').max(120).nullable().optional(),
  disabled: z.boolean().optional(),
});

export const ResetPasswordBody = z.strictObject({ newPassword: z.string().min(1).max(200) });

export const UserListQuery = z.strictObject({
  q: z.string().trim().max(60).optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });

export const DEPARTMENT_VALUES = DEPARTMENTS;

export const NotificationView = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  customerId: z.number().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
