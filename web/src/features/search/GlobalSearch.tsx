/**
 * The global search (issue 9 item 6): a box in the header and Ctrl+K (⌘K) anywhere open one dialog
 * that searches customers (name, code, USCC, pinyin initials), delivery points (meter number),
 * reduce/stop cases, issues, onboarding cases and notices — each source filtered by the user's
 * scope on the server. ↑/↓ move, Enter opens, Esc closes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Empty, Input, Modal, Spin, Tag, Typography, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { addTranslations } from '../../app/i18n';
import { useSearch, type SearchHit } from './api';

const NS = 'search';
addTranslations(
  NS,
  {
    box: '搜索客户、表号、流程…',
    placeholder: '输入客户名称、编码、统一社会信用代码、拼音首字母、表号、流程号或问题…',
    hint: '↑↓ 选择 · Enter 打开 · Esc 关闭',
    empty: '没有找到匹配的记录',
    start: '输入至少一个字开始搜索',
    kinds: { customer: '客户', delivery_point: '交接点', procedure_case: '减停气流程', issue: '问题', onboarding_case: '新增客户', notice: '告知函' },
  },
  {
    box: 'Search customers, meters, cases…',
    placeholder: 'Customer name, code, USCC, pinyin initials, meter number, case number or issue…',
    hint: '↑↓ select · Enter open · Esc close',
    empty: 'Nothing matches',
    start: 'Type at least one character to search',
    kinds: { customer: 'Customer', delivery_point: 'Delivery point', procedure_case: 'Reduce/stop case', issue: 'Issue', onboarding_case: 'Onboarding', notice: 'Notice' },
  },
);

const KIND_COLORS: Record<SearchHit['kind'], string> = {
  customer: 'blue',
  delivery_point: 'cyan',
  procedure_case: 'volcano',
  issue: 'gold',
  onboarding_case: 'green',
  notice: 'purple',
};

export function GlobalSearch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  const s = useSearch(open ? q : '');
  const hits = useMemo(() => (q.trim() ? (s.data?.items ?? []) : []), [q, s.data]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => setActive(0), [hits]);

  const go = (h: SearchHit | undefined) => {
    if (!h) return;
    setOpen(false);
    setQ('');
    navigate(h.path);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(hits[active]);
    }
  };

  return (
    <>
      {compact ? (
        <Button type="text" icon={<SearchOutlined />} onClick={() => setOpen(true)} aria-label={t('box')} data-testid="global-search-open" />
      ) : (
        <Button onClick={() => setOpen(true)} icon={<SearchOutlined />} style={{ width: 260, textAlign: 'left', color: '#8c8c8c' }} data-testid="global-search-open">
          <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis' }}>{t('box')}</span>
          <Typography.Text keyboard style={{ fontSize: 11 }}>
            Ctrl K
          </Typography.Text>
        </Button>
      )}
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        closable={false}
        width={640}
        destroyOnHidden
        afterOpenChange={(o) => o && input.current?.focus()}
        styles={{ body: { padding: 0 } }}
      >
        <Input
          ref={input}
          size="large"
          variant="borderless"
          prefix={<SearchOutlined />}
          placeholder={t('placeholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
          maxLength={100}
          allowClear
          data-testid="global-search-input"
          style={{ borderBottom: '1px solid #f0f0f0', borderRadius: 0 }}
        />
        <div role="listbox" style={{ maxHeight: 420, overflowY: 'auto', padding: 8 }} data-testid="global-search-results">
          {!q.trim() ? (
            <Typography.Text type="secondary" style={{ display: 'block', padding: 12 }}>
              {t('start')}
            </Typography.Text>
          ) : s.isFetching && !hits.length ? (
            <Spin style={{ display: 'block', padding: 24 }} />
          ) : !hits.length ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
          ) : (
            hits.map((h, i) => (
              <div
                key={`${h.kind}-${h.id}`}
                role="option"
                aria-selected={i === active}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(h)}
                style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '8px 12px', borderRadius: 6, cursor: 'pointer', background: i === active ? '#e6f4ff' : undefined }}
              >
                <Tag color={KIND_COLORS[h.kind]} style={{ minWidth: 72, textAlign: 'center' }}>
                  {t(`kinds.${h.kind}`)}
                </Tag>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{h.title}</div>
                  {h.subtitle && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                      {h.subtitle}
                    </Typography.Text>
                  )}
                </div>
              </div>
            ))
          )}
        </div>
        <div style={{ borderTop: '1px solid #f0f0f0', padding: '6px 12px' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hint')}
          </Typography.Text>
        </div>
      </Modal>
    </>
  );
}
