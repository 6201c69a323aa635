import type { Role } from '@common/roles';
import type { Lang } from '@common/lang';
import type { VolumeUnit } from '@common/units';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  department: string | null;
  lang: Lang;
  /** The volume unit the user chose (m³ / 万方 / GJ); null = each page's default. */
  volumeUnit: VolumeUnit | null;
  mustChangePassword: boolean;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: SessionUser;
  }
  interface FastifyContextConfig {
    /** No login needed (login page, health). */
    public?: boolean;
    /** The permission a route needs; every non-public /api route must name one (or 'authenticated'). */
    permission?: import('@common/roles').Permission | 'authenticated';
  }
}
