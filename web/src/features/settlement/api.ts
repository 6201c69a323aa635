/** API types and hooks of pricing, contracts, settlement and deviation (server: modules/pricing, contracts, settlement). */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';

export type Basis = 'm3' | 'GJ';
export interface PriceEntry { id: number; tag: string; category: string; basis: Basis; season: string; price: string; effectiveFrom: string; note: string | null; current: boolean }
export interface Tag { code: string; nameZh: string; nameEn: string; sort: number; active: boolean }
export interface ContractRow { id: number; customerId: number; customerCode: string; customerName: string; contractNo: string; yearLabel: string; startMonth: string; endMonth: string; basis: Basis; baseTag: string; priceCategory: string; basePrice: string | null; theta: string; tau: string; k: string; prepaymentTerms: string | null; status: 'draft' | 'active' | 'terminated'; terminatedReason: string | null; signedFileName: string | null; totalQuantity: string }
export interface ContractDetail extends ContractRow { versions: { version: number; effectiveMonth: string; reason: string | null }[]; months: { month: string; quantity: string; version: number }[] }
export interface YearView { basis: Basis; tau: string; months: { month: string; contracted: string; actual: string | null; ratio: string | null; overTake: boolean }[]; total: { contracted: string; actual: string | null } }
export interface MonthView { month: string; status: 'draft' | 'confirmed' | 'closed'; runs: number; lastRunAt: string | null; closedAt: string | null; reopenReason: string | null; customers: number; totalFen: number; trueUpFen: number }
export interface StatementRow { customerId: number; customerCode: string; customerName: string; contractNo: string | null; basis: Basis; actual: string; contracted: string; totalFen: number; dailyChargesFen: number; trueUpFen: number; overTake: boolean }
export interface Statement { month: string; monthStatus: 'draft' | 'confirmed' | 'closed'; customer: { id: number; code: string; name: string }; contractNo: string | null; basis: Basis; actual: string; contracted: string; overTake: boolean; totalFen: number; dailyChargesFen: number; trueUpFen: number; lines: { lineNo: number; kind: 'base' | 'award' | 'extra' | 'adjustment'; tag: string; tagName: { zh: string; en: string }; quantity: string; price: string | null; amountFen: number; fromDay: string | null; toDay: string | null; adjustsMonth: string | null }[] }
export interface SummaryGroup { key: string; basis: Basis; quantity: string; amountFen: number; customers: number }
export interface DevPeriod { id: number; label: string; from: string; to: string; cases: number; feeFen: number; posted: number }
export interface DevCase { id: number; periodId: number; customerId: number; customerCode: string; customerName: string; contractNo: string | null; basis: Basis; theta: string; k: string; contractPrice: string; contracted: string; actual: string; exempt: string; shortfall: string; feeFen: number; status: 'draft' | 'reviewed' | 'confirmed' | 'signed' | 'posted'; reviewHeldOn: string | null; reviewParticipants: string | null; reviewDecision: string | null; signedFileName: string | null }
export interface DevCaseDetail extends DevCase { period: { label: string; from: string; to: string }; claims: { id: number; cause: string; claimed: string; description: string | null; receivedOn: string; evidenceName: string | null; approved: string | null }[] }

export const useTags = () => useQuery({ queryKey: ['pricing', 'tags'], queryFn: () => api.get<Tag[]>('/api/pricing/tags') });
export const useMonths = () => useQuery({ queryKey: ['settlement', 'months'], queryFn: () => api.get<MonthView[]>('/api/settlement/months') });

/** Bilingual label picker following the UI language. */
export function useL() {
  const { i18n } = useTranslation();
  return (m: { zh: string; en: string }) => (i18n.language === 'en' ? m.en : m.zh);
}
export function useTagName() {
  const tags = useTags();
  const { i18n } = useTranslation();
  return (code: string) => {
    const t = tags.data?.find((x) => x.code === code);
    return t ? (i18n.language === 'en' ? t.nameEn : t.nameZh) : code;
  };
}
