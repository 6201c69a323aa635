import type { ReactNode } from 'react';
import type { Permission } from '@common/roles';

/** What a feature contributes to the web app; listed in app/modules.tsx. */
export interface WebModule {
  key: string;
  menu?: { key: string; label: string; icon?: ReactNode; path: string; permission?: Permission; order: number }[];
  routes?: { path: string; element: ReactNode; permission?: Permission }[];
  customerTabs?: { key: string; label: string; permission?: Permission; order: number; render: (customerId: number) => ReactNode }[];
  /** Small figures in the customer page's header (e.g. balance and level, the open reduce/stop case). */
  customerHeader?: { key: string; order: number; permission?: Permission; render: (customerId: number) => ReactNode }[];
  homeWidgets?: { key: string; order: number; permission?: Permission; render: () => ReactNode }[];
}
