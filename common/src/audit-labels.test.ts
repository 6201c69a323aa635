import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLabel, unlabelledParts } from './audit-labels';

/** Every action and entity name the server writes as a literal, plus the parts filled in at run time. */
function namesWritten(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/\b(?:action|entity): '([a-z_.]+)'/g)) names.add(m[1]!);
        for (const m of src.matchAll(/\baction: `([a-z_.]+)\$\{/g)) names.add(m[1]!.replace(/\.$/, ''));
      }
    }
  };
  walk(path.join(__dirname, '../../server/src'));
  // parts written from variables: settlement status changes, issue statuses, onboarding events,
  // procedure step kinds, adjustment decisions
  for (const p of [
    'reopen',
    'confirm',
    'close',
    'open',
    'in_progress',
    'resolved',
    'closed',
    'approve',
    'combine',
    'commission',
    'contract',
    'milestone',
    'return',
    'section',
    'submit',
    'survey',
    'warning',
    'notice',
    'reduce',
    'stop',
    'restore',
    'reject',
  ])
    names.add(p);
  return [...names];
}

describe('audit labels', () => {
  it('has words for every part of every action and entity the server writes', () => {
    const names = namesWritten();
    expect(names.length).toBeGreaterThan(100);
    expect(names.flatMap(unlabelledParts)).toEqual([]);
  });
  it('shows an action by its parts in the language', () => {
    expect(auditLabel('procedure.step.reduce', 'zh-CN')).toBe('欠费程序 · 步骤 · 减气');
    expect(auditLabel('procedure.step.reduce', 'en')).toBe('Procedure · step · reduce');
    expect(auditLabel('bank_statement_line', 'en')).toBe('Bank statement line');
    expect(auditLabel('customer.create', 'zh-CN')).toBe('客户 · 新建');
    expect(auditLabel('something.new', 'en')).toBe('Something · new'); // unknown parts as stored
  });
});
