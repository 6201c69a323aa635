/** One onboarding case: survey, the six sections (each by its department), combined opinion, approval, contract, construction, 投产. */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS } from '@common/roles';
import { OPINIONS, SECTION_DEPARTMENT, type MilestoneKind, type SectionKind } from '@common/onboarding';
import { useCan, useMe } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import type { ApiError } from '../../../lib/api';
import { formatDate, formatDateTime, formatNumber, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { onboardingApi, useCase, useCaseAction, useCaseContracts, type CaseDetail, type SectionView } from '../api';
import { CaseStatusTag } from './OnboardingPage';
import { FormModal } from '../components/FormModal';

const OPINION_COLOR = { agree: 'green', conditional: 'gold', disagree: 'red' } as const;
const day = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
type Dialog =
  | { kind: 'survey' }
  | { kind: 'section'; section: SectionKind }
  | { kind: 'combine' }
  | { kind: 'return' }
  | { kind: 'contract' }
  | { kind: 'link' }
  | { kind: 'milestone'; milestone: MilestoneKind }
  | { kind: 'commission' }
  | null;

const LINK_COLOR = { draft: 'default', active: 'green', terminated: 'red' } as const;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const VOLUME_RE = /^\d{1,15}(\.\d{1,3})?$/;

/** The contract step: pick an existing contract of the customer or create a draft in the contracts module. */
function LinkContractModal({ c, loading, onClose, run }: { c: CaseDetail; loading: boolean; onClose: () => void; run: (fn: () => Promise<unknown>) => Promise<unknown> }) {
  const { t } = useTranslation(NS);
  const contracts = useCaseContracts(c.id, true);
  const linkable = (contracts.data ?? []).filter((k) => k.status !== 'terminated');
  return (
    <FormModal
      open
      title={t('link.title')}
      onClose={onClose}
      loading={loading}
      initialValues={{ mode: linkable.length ? 'existing' : 'draft', contractId: c.linkedContract?.id } as any}
      onSubmit={(v: any) =>
        run(() =>
          onboardingApi.linkContract(
            c.id,
            v.mode === 'existing' ? { contractId: v.contractId } : { draft: { contractNo: v.contractNo, startMonth: v.startMonth, endMonth: v.endMonth, monthlyM3: v.monthlyM3.trim() } },
          ),
        )
      }
    >
      {(form) => (
        <>
          <Form.Item name="mode" label={t('link.mode')}>
            <Radio.Group
              options={[
                { value: 'existing', label: t('link.existing'), disabled: !linkable.length },
                { value: 'draft', label: t('link.draft') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              (form.getFieldValue('mode') as string) === 'existing' ? (
                <Form.Item name="contractId" label={t('link.contract')} rules={[{ required: true, message: t('link.contract') }]}>
                  <Select
                    loading={contracts.isLoading}
                    notFoundContent={t('link.none')}
                    options={linkable.map((k) => ({ value: k.id, label: paren(k.contractNo, `${t(`link.status.${k.status}`)}${t('link.sep')}${k.startMonth}—${k.endMonth}`) }))}
                  />
                </Form.Item>
              ) : (
                <>
                  <Form.Item name="contractNo" label={t('f.contractNo')} rules={[{ required: true, min: 2 }]}>
                    <Input />
                  </Form.Item>
                  <Space>
                    <Form.Item name="startMonth" label={t('link.startMonth')} rules={[{ required: true, pattern: MONTH_RE, message: t('link.month') }]}>
                      <Input placeholder="2027-01" />
                    </Form.Item>
                    <Form.Item name="endMonth" label={t('link.endMonth')} rules={[{ required: true, pattern: MONTH_RE, message: t('link.month') }]}>
                      <Input placeholder="2027-12" />
                    </Form.Item>
                  </Space>
                  <Form.Item name="monthlyM3" label={t('link.monthlyM3')} rules={[{ required: true, pattern: VOLUME_RE, message: t('link.volume') }]}>
                    <Input inputMode="decimal" />
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function SectionCard({ s, c, canFill, onFill, onUpload }: { s: SectionView; c: CaseDetail; canFill: boolean; onFill: () => void; onUpload: (f: File) => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`section-${s.section}`}
      title={
        <Space>
          {t(`section.${s.section}`)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tc(`departments.${s.department}`)}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {s.opinion ? <Tag color={OPINION_COLOR[s.opinion]}>{t(`opinion.${s.opinion}`)}</Tag> : <Tag>—</Tag>}
          {canFill && (c.status === 'draft' || c.status === 'returned') && (
            <Button size="small" type="link" onClick={onFill}>
              {t('a.fill')}
            </Button>
          )}
        </Space>
      }
      style={{ marginBottom: 12, minHeight: 170 }}
    >
      <Typography.Paragraph style={{ marginBottom: 4 }} ellipsis={{ rows: 3, expandable: true }}>
        {s.findings ?? <Typography.Text type="secondary">{t('msg.onlyDept', { dept: tc(`departments.${s.department}`) })}</Typography.Text>}
      </Typography.Paragraph>
      {s.conditions && (
        <Typography.Text type="warning">
          {t('f.conditions')}：{s.conditions}
        </Typography.Text>
      )}
      <div style={{ fontSize: 12, color: '#888', marginTop: 4 }}>
        {t('f.reviewer')}：{s.reviewerName ?? '—'} · {formatDateTime(s.completedAt)}
      </div>
      <Space wrap size={4} style={{ marginTop: 4 }}>
        {s.files.map((f) => (
          <a key={f.id} href={onboardingApi.fileHref(c.id, f.id)}>
            {f.filename}
          </a>
        ))}
        {canFill && (c.status === 'draft' || c.status === 'returned') && (
          <Upload showUploadList={false} accept=".pdf,.jpg,.jpeg,.png" beforeUpload={(f) => (onUpload(f), false)}>
            <Button size="small">{t('a.upload')}</Button>
          </Upload>
        )}
      </Space>
    </Card>
  );
}

export default function CaseDetailPage() {
  const id = Number(useParams().id);
  const { t, i18n } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const q = useCase(id);
  const canWrite = useCan('onboarding:write');
  const canReview = useCan('onboarding:review');
  const canApprove = useCan('onboarding:approve');
  const [dialog, setDialog] = useState<Dialog>(null);
  const act = useCaseAction((call: () => Promise<unknown>) => call());
  const run = (call: () => Promise<unknown>) => act.mutateAsync(call).then(() => message.success(t('msg.saved')));
  const tryRun = (call: () => Promise<unknown>) => run(call).catch((e: ApiError) => message.error(e.message));
  const upload = (target: { section: string } | { milestone: string }) => (f: File) =>
    onboardingApi
      .uploadFile(id, f, target)
      .then(() => q.refetch())
      .catch((e: ApiError) => message.error(e.message));
  if (q.isLoading) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data!;
  const editable = c.status === 'draft' || c.status === 'returned';
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const dept = me.data?.department;
  return (
    <PageContainer
      title={
        <Space>
          {c.projectName}
          <CaseStatusTag status={c.status} />
        </Space>
      }
      subTitle={`#${c.id} · ${paren(c.customerName, c.customerCode)}`}
      extra={
        <>
          <Button onClick={() => window.open(onboardingApi.reportPdfHref(id, lang))}>{t('a.report')}</Button>
          <Button onClick={() => window.open(onboardingApi.reviewPdfHref(id, lang))}>{t('a.review')}</Button>
          {canWrite && editable && <Button onClick={() => setDialog({ kind: 'survey' })}>{t('a.survey')}</Button>}
          {canWrite && editable && <Button onClick={() => setDialog({ kind: 'combine' })}>{t('a.combine')}</Button>}
          {canWrite && editable && (
            <Button type="primary" loading={act.isPending} onClick={() => void tryRun(() => onboardingApi.submit(id))}>
              {t('a.submit')}
            </Button>
          )}
          {canApprove && c.status === 'submitted' && (
            <Button type="primary" onClick={() => void tryRun(() => onboardingApi.approve(id))}>
              {t('a.approve')}
            </Button>
          )}
          {canApprove && c.status === 'submitted' && (
            <Button danger onClick={() => setDialog({ kind: 'return' })}>
              {t('a.return')}
            </Button>
          )}
          {canWrite && (c.status === 'approved' || c.status === 'contracted') && (
            <Button onClick={() => setDialog({ kind: 'link' })} data-testid="link-contract">
              {t('link.title')}
            </Button>
          )}
          {canWrite && c.status === 'approved' && (
            <Button type="primary" onClick={() => setDialog({ kind: 'contract' })}>
              {t('a.contract')}
            </Button>
          )}
          {canWrite && c.status === 'contracted' && (
            <Button type="primary" onClick={() => setDialog({ kind: 'commission' })}>
              {t('a.commission')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('f.expectedDaily')}>{formatNumber(c.expectedDailyM3)} m³</Descriptions.Item>
          <Descriptions.Item label={t('f.expectedAnnual')}>{formatNumber(c.expectedAnnualM3)} m³</Descriptions.Item>
          <Descriptions.Item label={t('f.age')}>{c.ageDays}</Descriptions.Item>
          <Descriptions.Item label={t('f.surveyDate')}>{formatDate(c.surveyDate)}</Descriptions.Item>
          <Descriptions.Item label={t('f.surveyPlace')}>{c.surveyPlace ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('f.participants')}>{c.participants.map((p) => `${tc(`departments.${p.department}`)} ${p.names}`).join('；') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('f.combined')} span={2}>
            {c.combined ? (
              <Space wrap>
                <Tag color={OPINION_COLOR[c.combined.conclusion]}>{t(`opinion.${c.combined.conclusion}`)}</Tag>
                {c.combined.opinion}
                {c.combined.conditions && <Typography.Text type="warning">（{c.combined.conditions}）</Typography.Text>}
              </Space>
            ) : c.suggestedConclusion ? (
              <Typography.Text type="secondary">
                {t('f.suggested')}：{t(`opinion.${c.suggestedConclusion}`)}
              </Typography.Text>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('f.decision')}>{c.decisionNote ?? '—'}</Descriptions.Item>
          {c.linkedContract && (
            <Descriptions.Item label={t('link.linked')}>
              <Space size={4} data-testid="linked-contract">
                {c.linkedContract.contractNo}
                <Tag color={LINK_COLOR[c.linkedContract.status]}>{t(`link.status.${c.linkedContract.status}`)}</Tag>
                {c.linkedContract.startMonth}—{c.linkedContract.endMonth}，{formatNumber(c.linkedContract.totalQuantity)} {c.linkedContract.basis === 'GJ' ? 'GJ' : 'm³'}
              </Space>
            </Descriptions.Item>
          )}
          {c.contract && (
            <Descriptions.Item label={t('f.contractNo')}>
              {c.contract.contractNo}（{formatDate(c.contract.signedOn)}，{formatNumber(c.contract.contractedAnnualM3)} m³）
            </Descriptions.Item>
          )}
          {c.commissionedOn && <Descriptions.Item label={t('f.commissionedOn')}>{formatDate(c.commissionedOn)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Typography.Text type="secondary">{t('msg.sectionsHint')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        {c.sections.map((s) => (
          <Col key={s.section} xs={24} md={12} xl={8}>
            <SectionCard
              s={s}
              c={c}
              canFill={canReview && dept === SECTION_DEPARTMENT[s.section]}
              onFill={() => setDialog({ kind: 'section', section: s.section })}
              onUpload={upload({ section: s.section })}
            />
          </Col>
        ))}
      </Row>
      {(c.status === 'contracted' || c.status === 'commissioned') && (
        <Card size="small" title={t('milestone.takeover') + ' / ' + t('milestone.metering') + ' / ' + t('milestone.scada')} style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={c.milestones}
            columns={[
              { title: t('f.project'), dataIndex: 'kind', render: (k) => t(`milestone.${k}`) },
              { title: t('f.plannedOn'), dataIndex: 'plannedOn', render: formatDate },
              { title: t('f.doneOn'), dataIndex: 'doneOn', render: (v) => (v ? <Tag color="green">{formatDate(v)}</Tag> : '—') },
              { title: t('f.note'), dataIndex: 'note', render: (v) => v ?? '—' },
              {
                title: t('f.files'),
                key: 'f',
                render: (_, m) => (
                  <Space wrap size={4}>
                    {m.files.map((f) => (
                      <a key={f.id} href={onboardingApi.fileHref(c.id, f.id)}>
                        {f.filename}
                      </a>
                    ))}
                  </Space>
                ),
              },
              {
                title: tc('fields.actions'),
                key: 'a',
                render: (_, m) =>
                  canWrite &&
                  c.status === 'contracted' && (
                    <Space>
                      <Button size="small" type="link" onClick={() => setDialog({ kind: 'milestone', milestone: m.kind })}>
                        {t('a.edit')}
                      </Button>
                      <Upload showUploadList={false} accept=".pdf,.jpg,.jpeg,.png" beforeUpload={(f) => (upload({ milestone: m.kind })(f), false)}>
                        <Button size="small" type="link">
                          {t('a.upload')}
                        </Button>
                      </Upload>
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('f.history')}>
        <Timeline items={c.events.map((e) => ({ children: `${formatDateTime(e.at)} ${t(`event.${e.action}`)}${e.note ? `：${e.note}` : ''} — ${e.actorName ?? ''}` }))} />
      </Card>

      <FormModal
        open={dialog?.kind === 'survey'}
        title={t('a.survey')}
        onClose={() => setDialog(null)}
        loading={act.isPending}
        initialValues={
          {
            surveyDate: c.surveyDate ? dayjs(c.surveyDate) : undefined,
            surveyPlace: c.surveyPlace ?? undefined,
            participants: c.participants.length ? c.participants : DEPARTMENTS.map((d) => ({ department: d, names: '' })),
          } as any
        }
        onSubmit={(v: any) => run(() => onboardingApi.survey(id, { surveyDate: day(v.surveyDate)!, surveyPlace: v.surveyPlace, participants: v.participants.filter((p: any) => p?.names?.trim()) }))}
      >
        {() => (
          <>
            <Form.Item name="surveyDate" label={t('f.surveyDate')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="surveyPlace" label={t('f.surveyPlace')} rules={[{ required: true, min: 2 }]}>
              <Input />
            </Form.Item>
            <Form.List name="participants">
              {(fields) =>
                fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'department']} label={t('f.department')}>
                      <Select style={{ width: 180 }} options={DEPARTMENTS.map((d) => ({ value: d, label: tc(`departments.${d}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'names']} label={t('f.names')}>
                      <Input style={{ width: 260 }} />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
          </>
        )}
      </FormModal>
      {dialog?.kind === 'section' && (
        <FormModal
          open
          title={t(`section.${dialog.section}`)}
          onClose={() => setDialog(null)}
          loading={act.isPending}
          initialValues={(() => {
            const s = c.sections.find((x) => x.section === dialog.section)!;
            return { findings: s.findings ?? undefined, opinion: s.opinion ?? undefined, conditions: s.conditions ?? undefined };
          })()}
          onSubmit={(v: any) => run(() => onboardingApi.section(id, dialog.section, { findings: v.findings, opinion: v.opinion, conditions: v.conditions || null }))}
        >
          {() => (
            <>
              <Form.Item name="findings" label={t('f.findings')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea rows={5} />
              </Form.Item>
              <Form.Item name="opinion" label={t('f.opinionF')} rules={[{ required: true }]}>
                <Select options={OPINIONS.map((o) => ({ value: o, label: t(`opinion.${o}`) }))} />
              </Form.Item>
              <Form.Item name="conditions" label={t('f.conditions')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
      <FormModal
        open={dialog?.kind === 'combine'}
        title={t('a.combine')}
        onClose={() => setDialog(null)}
        loading={act.isPending}
        initialValues={{ conclusion: c.combined?.conclusion ?? c.suggestedConclusion ?? undefined, opinion: c.combined?.opinion, conditions: c.combined?.conditions ?? undefined } as any}
        onSubmit={(v: any) => run(() => onboardingApi.combined(id, { conclusion: v.conclusion, opinion: v.opinion, conditions: v.conditions || null }))}
      >
        {() => (
          <>
            <Form.Item name="conclusion" label={t('f.conclusion')} rules={[{ required: true }]}>
              <Select options={OPINIONS.map((o) => ({ value: o, label: t(`opinion.${o}`) }))} />
            </Form.Item>
            <Form.Item name="opinion" label={t('f.combined')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="conditions" label={t('f.conditions')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal
        open={dialog?.kind === 'return'}
        title={t('a.return')}
        onClose={() => setDialog(null)}
        loading={act.isPending}
        onSubmit={(v: any) => run(() => onboardingApi.return(id, { reason: v.reason }))}
      >
        {() => (
          <Form.Item name="reason" label={t('f.reason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </FormModal>
      {dialog?.kind === 'link' && <LinkContractModal c={c} loading={act.isPending} onClose={() => setDialog(null)} run={run} />}
      <FormModal
        open={dialog?.kind === 'contract'}
        title={t('a.contract')}
        onClose={() => setDialog(null)}
        loading={act.isPending}
        initialValues={{ contractNo: c.linkedContract?.contractNo } as any}
        onSubmit={(v: any) => run(() => onboardingApi.contract(id, { contractNo: v.contractNo, signedOn: day(v.signedOn)!, contractedAnnualM3: String(v.contractedAnnualM3) }))}
      >
        {() => (
          <>
            <Form.Item name="contractNo" label={t('f.contractNo')} rules={[{ required: true, min: 2 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="signedOn" label={t('f.signedOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="contractedAnnualM3" label={t('f.contractedAnnual')} rules={[{ required: true }]}>
              <InputNumber min="0" stringMode style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </FormModal>
      {dialog?.kind === 'milestone' && (
        <FormModal
          open
          title={t(`milestone.${dialog.milestone}`)}
          onClose={() => setDialog(null)}
          loading={act.isPending}
          initialValues={
            (() => {
              const m = c.milestones.find((x) => x.kind === dialog.milestone)!;
              return { plannedOn: m.plannedOn ? dayjs(m.plannedOn) : undefined, doneOn: m.doneOn ? dayjs(m.doneOn) : undefined, note: m.note ?? undefined };
            })() as any
          }
          onSubmit={(v: any) => run(() => onboardingApi.milestone(id, dialog.milestone, { plannedOn: day(v.plannedOn), doneOn: day(v.doneOn), note: v.note || null }))}
        >
          {() => (
            <>
              <Form.Item name="plannedOn" label={t('f.plannedOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="doneOn" label={t('f.doneOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="note" label={t('f.note')}>
                <Input />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
      <FormModal
        open={dialog?.kind === 'commission'}
        title={t('a.commission')}
        onClose={() => setDialog(null)}
        loading={act.isPending}
        onSubmit={(v: any) => run(() => onboardingApi.commission(id, { commissionedOn: day(v.commissionedOn)! }))}
      >
        {() => (
          <Form.Item name="commissionedOn" label={t('f.commissionedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        )}
      </FormModal>
    </PageContainer>
  );
}
