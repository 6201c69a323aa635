/** HTTP of sales contracts. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { AppError } from '../../platform/http/errors';
import { IdParam, paged } from '../../platform/http/schemas';
import { assertCustomerAccess } from '../../platform/auth/scope';
import { KE } from './contracts.errors';
import * as s from './contracts.schema';
import * as svc from './contracts.service';
import * as q from './contracts.query';
import * as repo from './contracts.repo';

async function readFile(req: FastifyRequest): Promise<{ name: string; content: Buffer }> {
  if (!req.isMultipart()) throw new AppError(KE.CONTRACT_FILE_MISSING);
  const part = await req.file();
  if (!part) throw new AppError(KE.CONTRACT_FILE_MISSING);
  const content = await part.toBuffer();
  if (!content.length) throw new AppError(KE.CONTRACT_FILE_MISSING);
  return { name: part.filename || 'contract.pdf', content };
}
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function contractsRoutes(app: Api, ctx: AppContext) {
  const tags = ['购销合同 Contracts'];
  const read = { permission: 'contracts:read' as const };
  const write = { permission: 'contracts:write' as const };
  /** Writes check the contract's customer is in the user's scope. */
  const access = async (req: FastifyRequest, id: number) => {
    const c = await repo.findContract(ctx.db, id);
    if (!c) throw new AppError('NOT_FOUND', { entity: { zh: '合同', en: 'Contract' } });
    await assertCustomerAccess(ctx.db, userOf(req), Number(c.customer_id));
  };

  app.get('/api/contracts', { config: read, schema: { tags, summary: '合同列表', querystring: s.ContractListQuery, response: { 200: paged(s.ContractRow) } } }, async (req) =>
    q.listContracts(ctx.db, userOf(req), req.query),
  );
  app.get('/api/contracts/:id', { config: read, schema: { tags, summary: '合同详情（含分月气量与版本）', params: IdParam, response: { 200: s.ContractDetail } } }, async (req) =>
    q.contractDetail(ctx.db, userOf(req), req.params.id),
  );
  app.get('/api/contracts/:id/year-view', { config: read, schema: { tags, summary: '合同年度：分月合同量与实际量（τ 超量标记）', params: IdParam, response: { 200: s.YearView } } }, async (req) =>
    q.yearView(ctx.db, userOf(req), req.params.id),
  );
  app.post('/api/contracts', { config: write, schema: { tags, summary: '新建合同（草稿）', body: s.ContractInput, response: { 201: z.object({ id: z.number() }) } } }, async (req, reply) => {
    await assertCustomerAccess(ctx.db, userOf(req), req.body.customerId);
    return reply.code(201).send(await svc.createContract(ctx, req.body, actorOf(req)));
  });
  app.put('/api/contracts/:id', { config: write, schema: { tags, summary: '修改草稿合同的条款与分月气量', params: IdParam, body: s.ContractUpdate } }, async (req) => {
    await access(req, req.params.id);
    await svc.updateDraft(ctx, req.params.id, req.body, actorOf(req));
    return { ok: true };
  });
  app.post('/api/contracts/:id/activate', { config: write, schema: { tags, summary: '合同生效', params: IdParam } }, async (req) => {
    await access(req, req.params.id);
    await svc.activateContract(ctx, req.params.id, actorOf(req));
    return { ok: true };
  });
  app.delete('/api/contracts/:id', { config: write, schema: { tags, summary: '删除草稿合同', params: IdParam } }, async (req) => {
    await access(req, req.params.id);
    await svc.deleteDraft(ctx, req.params.id, actorOf(req));
    return { ok: true };
  });
  app.post('/api/contracts/:id/amendments', { config: write, schema: { tags, summary: '合同变更（自某月起的新版本分月气量）', params: IdParam, body: s.AmendmentInput } }, async (req, reply) => {
    await access(req, req.params.id);
    return reply.code(201).send(await svc.amendContract(ctx, req.params.id, req.body, actorOf(req)));
  });
  app.post('/api/contracts/:id/terminate', { config: write, schema: { tags, summary: '合同终止', params: IdParam, body: s.TerminateInput } }, async (req) => {
    await access(req, req.params.id);
    await svc.terminateContract(ctx, req.params.id, req.body, actorOf(req));
    return { ok: true };
  });
  app.post('/api/contracts/:id/signed-file', { config: write, schema: { tags, summary: '上传签字盖章合同（multipart，PDF/JPG/PNG）', params: IdParam } }, async (req) => {
    await access(req, req.params.id);
    await svc.uploadSignedFile(ctx, req.params.id, await readFile(req), actorOf(req));
    return { ok: true };
  });
  app.get('/api/contracts/:id/signed-file', { config: read, schema: { tags, summary: '下载签字盖章合同', params: IdParam } }, async (req, reply) => {
    await access(req, req.params.id);
    const f = await ctx.db.selectFrom('sales_contracts').select(['signed_file', 'signed_file_name', 'signed_file_mime']).where('id', '=', req.params.id).executeTakeFirst();
    if (!f?.signed_file) throw new AppError('NOT_FOUND', { entity: { zh: '合同文件', en: 'Signed file' } });
    return reply
      .header('content-type', f.signed_file_mime ?? 'application/octet-stream')
      .header('content-disposition', attachment(f.signed_file_name ?? 'contract'))
      .send(f.signed_file);
  });
}
