/**
 * The manager letter (客户经理告知函) sent as a notice of the notices module — the product's one
 * mechanism for letters to customers — through the port `ctx.capabilities.notices`: the same
 * customers as the printed batch (filter, scope, at least one manager), the `{managers}`
 * placeholder filled per customer. Printing the letters (GET /api/manager-letters) stays a read.
 */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../../platform/audit/audit';
import type { Scoped } from './interactions.shared';
import type { LetterBatchQuery } from './interactions.schema';
import { letterCustomerIds } from './manager-table.repo';
import { MAX_LETTERS } from './manager-table.service';

const TITLE = { zh: '客户经理告知函', en: 'Notice of Your Account Managers' };
const BODY = {
  zh: [
    '{customerName}：',
    '为进一步提升天然气销售服务水平，落实客户经理负责制，及时响应贵单位在用气计划、气款结算、质量计量、供气保障等方面的需求，现将负责贵单位的客户经理及联系方式告知如下：',
    '{managers}',
    '专职客户经理负责贵单位日常用气与气款、客户档案及日常沟通协调；兼职客户经理负责重点需求对接与专项服务方案。贵单位如有任何用气需求、意见或建议，请随时与上述客户经理联系。如客户经理发生变更，我们将另行书面告知。',
    '特此告知。',
  ].join('\n'),
  en: [
    'To: {customerName}',
    'To serve you better under our account-manager responsibility system and to answer promptly on gas-use plans, payments and settlement, quality and metering, and supply, we inform you of the account managers responsible for your company:',
    '{managers}',
    'Your full-time account manager looks after daily gas use and payments, your records and day-to-day coordination; your part-time account manager handles key requests and tailored service programmes. Please contact them with any need, comment or suggestion. We will inform you in writing of any change.',
  ].join('\n'),
};

export async function sendManagerLetters(ctx: AppContext, user: Scoped, f: LetterBatchQuery, actor: Actor) {
  const port = ctx.capabilities.notices;
  if (!port) throw new AppError('NOT_FOUND', { entity: { zh: '告知函模块', en: 'Notices module' } });
  return inTx(ctx.db, async (trx) => {
    const ids = await letterCustomerIds(trx, user, f);
    if (!ids.length) throw new AppError('LETTER_NONE');
    if (ids.length > MAX_LETTERS) throw new AppError('LETTER_TOO_MANY', { max: MAX_LETTERS, count: ids.length });
    return port.send(
      ctx,
      trx,
      { kind: 'manager_letter', title: TITLE, body: BODY, customerIds: ids, requireReceipt: false, source: { module: 'interactions', entity: 'manager_letter', id: 'batch' } },
      actor,
    );
  });
}
