import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';

/** A page: title on the left, actions on the right, content below. */
export function PageContainer({ title, extra, children, subTitle }: { title: ReactNode; subTitle?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div style={{ padding: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
        </div>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </div>
  );
}

/**
 * A titled card. Its actions sit in the title row and wrap below the title when the row is too
 * narrow (a phone): the card's own `extra` slot never wraps, and squeezed the title to "Res…".
 */
export function Section({ title, extra, children }: { title?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  const head = extra ? (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '6px 0' }}>
      <span>{title}</span>
      {extra}
    </Flex>
  ) : (
    title
  );
  return (
    <Card size="small" title={head} styles={extra ? { title: { whiteSpace: 'normal', overflow: 'visible' } } : undefined} style={{ marginBottom: 12 }}>
      {children}
    </Card>
  );
}
