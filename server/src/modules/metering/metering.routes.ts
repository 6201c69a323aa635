/** HTTP: metering configuration, daily deliveries (entry, correction, import), gas quality. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { AppError } from '../../platform/http/errors';
import { inTx } from '../../platform/db/database';
import { audit } from '../../platform/audit/audit';
import { paged } from '../../platform/http/schemas';
import * as s from './metering.schema';
import * as deliveries from './deliveries.service';
import { importableDays, ingestDeliveries } from './ingest.service';
import { fileRows, templateCsv, templateXlsx } from './ingest.files';
import { saveQuality } from './quality.service';
import * as qrepo from './quality.repo';
import { getSettings, putSettings } from './settings.repo';
import { gasDayConfigOf, gasDayOf, lastCompleteGasDay } from './gas-day.calc';
import { attachment, XLSX_TYPE } from './export.service';
import { deliveryPointBasics } from '../customers';
import { isZip as looksLikeXlsx } from '../../platform/files/spreadsheet';

const READ = { permission: 'metering:read' as const };
const WRITE = { permission: 'metering:write' as const };
const FileResponse = { 200: z.any().describe('file') };

export function meteringRoutes(app: Api, ctx: AppContext) {
  const tags = ['计量 Metering'];

  app.get('/api/metering/config', { config: READ, schema: { tags, response: { 200: s.ConfigView } } }, async () => {
    const now = new Date();
    const cfg = gasDayConfigOf(ctx.config);
    return {
      gasDayStartHour: cfg.startHour,
      timeZone: cfg.timeZone,
      currentGasDay: gasDayOf(now, cfg),
      lastCompleteGasDay: lastCompleteGasDay(now, cfg),
      importRange: importableDays(now, ctx.config),
      settings: await getSettings(ctx.db),
    };
  });

  app.put('/api/metering/settings', { config: { permission: 'settings:manage' }, schema: { tags, body: s.SettingsBody, response: { 200: s.SettingsView } } }, async (req) => {
    return inTx(ctx.db, async (trx) => {
      const before = await getSettings(trx);
      const after = { ...before, ...Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined)) };
      await putSettings(trx, after);
      await audit(trx, actorOf(req), { action: 'metering.settings.update', entity: 'settings', entityId: 'metering', before, after });
      return after;
    });
  });

  app.get('/api/metering/deliveries', { config: READ, schema: { tags, querystring: s.DeliveryQuery, response: { 200: paged(s.DeliveryView) } } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return deliveries.listDeliveries(ctx, userOf(req), f, page, pageSize);
  });

  app.put('/api/metering/deliveries', { config: WRITE, schema: { tags, body: s.CorrectionBody, response: { 200: s.CorrectionView } } }, async (req) =>
    deliveries.saveDelivery(ctx, userOf(req), { ...req.body, volumeM3: req.body.volumeM3 }, requestLang(req), actorOf(req)),
  );

  app.get('/api/metering/deliveries/history', { config: READ, schema: { tags, querystring: s.HistoryQuery, response: { 200: z.array(s.HistoryView) } } }, async (req) => {
    const { limit, ...f } = req.query;
    return deliveries.listHistory(ctx, userOf(req), f, limit);
  });

  // Batch JSON (SCADA or other systems). Rows: { meterNo, gasDay, volumeM3?, hourly?, origin?, reason? }.
  app.post('/api/metering/deliveries/batch', { config: WRITE, bodyLimit: 64 * 1024 * 1024, schema: { tags, body: s.BatchBody, response: { 200: s.ImportReport } } }, async (req) => {
    const b = req.body;
    return ingestDeliveries(
      ctx,
      userOf(req),
      b.rows.map((raw, i) => ({ row: i + 1, raw })),
      { channel: 'api', lang: requestLang(req), validOnly: b.validOnly, dryRun: b.dryRun, reason: b.reason, defaultOrigin: b.defaultOrigin },
      actorOf(req),
    );
  });

  // multipart/form-data: fields validOnly, dryRun, reason (before the file), then `file` (.csv or .xlsx).
  app.post('/api/metering/deliveries/import', { config: WRITE, schema: { tags, response: { 200: s.ImportReport } } }, async (req) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA');
    const file = await req.file();
    if (!file) throw new AppError('METERING_IMPORT_EMPTY');
    const buf = await file.toBuffer();
    const fields = s.ImportFields.parse(Object.fromEntries(Object.entries(file.fields).map(([k, v]: [string, any]) => [k, v?.value])));
    const name = file.filename ?? '';
    const isXlsx = looksLikeXlsx(buf);
    const isCsv = /\.(csv|txt)$/i.test(name) || (!isXlsx && !/\.xlsx?$/i.test(name));
    if (!isXlsx && !isCsv) throw new AppError('UPLOAD_TYPE', { type: name.split('.').pop() ?? '?', allowed: '.csv, .xlsx' });
    const rows = await fileRows(buf, isXlsx ? 'xlsx' : 'csv', userOf(req).id);
    return ingestDeliveries(
      ctx,
      userOf(req),
      rows,
      { channel: isXlsx ? 'xlsx' : 'csv', lang: requestLang(req), validOnly: fields.validOnly, dryRun: fields.dryRun, reason: fields.reason, fileName: name, defaultOrigin: 'manual' },
      actorOf(req),
    );
  });

  app.get('/api/metering/deliveries/template', { config: READ, schema: { tags, querystring: s.TemplateQuery, response: FileResponse } }, async (req, reply) => {
    const lang = requestLang(req);
    const name = lang === 'en' ? 'delivery-import-template' : '日气量导入模板';
    if (req.query.format === 'csv')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`${name}.csv`))
        .send(templateCsv(lang));
    const example = await ctx.db.selectFrom(deliveryPointBasics().as('d')).select(['meter_no']).orderBy('id').limit(1).executeTakeFirst();
    const buf = await templateXlsx(example ? { meterNo: example.meter_no, gasDay: lastCompleteGasDay(new Date(), gasDayConfigOf(ctx.config)) } : null, lang);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`${name}.xlsx`))
      .send(buf);
  });

  app.get('/api/metering/supply-sources', { config: READ, schema: { tags, response: { 200: z.array(s.SourceView) } } }, async () =>
    (await qrepo.listSources(ctx.db)).map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id, region: r.region })),
  );

  app.get('/api/metering/quality', { config: READ, schema: { tags, querystring: s.QualityQuery, response: { 200: paged(s.QualityView) } } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    const { total, rows } = await qrepo.listQuality(ctx.db, f, page, pageSize);
    return {
      total,
      items: rows.map((r) => ({
        supplySourceId: r.supply_source_id,
        sourceCode: r.code,
        sourceName: r.name,
        gasDay: r.gas_day,
        method: r.method,
        gcvMJm3: r.gcv_mj_m3,
        ncvMJm3: r.ncv_mj_m3,
        relativeDensity: r.relative_density,
        wobbeMJm3: r.wobbe_mj_m3,
        densityKgm3: r.density_kg_m3,
        z: r.z,
        molarMass: r.molar_mass,
        composition: (r.composition ?? null) as Record<string, string> | null,
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
    };
  });

  app.post('/api/metering/quality', { config: { permission: 'quality:write' }, bodyLimit: 16 * 1024 * 1024, schema: { tags, body: s.QualityBody, response: { 200: s.QualitySaved } } }, async (req) =>
    saveQuality(ctx, req.body.rows, requestLang(req), actorOf(req)),
  );
}
