/**
 * Local preview for this module only (not used by the app or tests): a server on PORT with the
 * demo users, 60 generated customers with managers, and this module's demo data.
 *   DATA_DIR=/tmp/x WEB_DIST=dist/web PORT=3150 npx tsx server/src/modules/interactions/testing/serve-demo.ts
 */
import { buildApp } from '../../../app';
import { loadConfig } from '../../../platform/config';
import { loadDemo } from '../../../platform/demo/demo';
import { Rng } from '../../../platform/demo/rng';
import { interactionsDemo } from '../interactions.demo';
import { makeCustomers } from '../../customers/testing/factory';
import { findUserByUsername, userDirectory } from '../../../platform/auth/users';

const LAST_DAY = process.env.DEMO_LAST_DAY ?? '2026-11-26';
const config = { ...loadConfig({ ...process.env, DEMO: 'false', SCHEDULER: 'false' }) };
const built = await buildApp(config, { demo: false });
const ctx = built.ctx;
const fresh = !(await findUserByUsername(ctx.db, 'am01'));
if (fresh) {
  await loadDemo({ ...ctx, modules: [] }, { lastDay: LAST_DAY });
  const users = new Map((await ctx.db.selectFrom(userDirectory().as('u')).select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const cities = [
    ['泸州市', '江阳区'],
    ['宜宾市', '翠屏区'],
    ['自贡市', '自流井区'],
    ['内江市', '市中区'],
    ['乐山市', '市中区'],
    ['重庆市', '永川区'],
  ];
  const kinds = [
    ['燃气有限公司', 'city_gas'],
    ['玻璃有限公司', 'industrial'],
    ['陶瓷有限公司', 'industrial'],
    ['CNG加气站', 'cng'],
    ['热电有限公司', 'power'],
    ['化工有限公司', 'chemical'],
  ];
  const statuses = ['active', 'active', 'active', 'restricted', 'contracted', 'prospect'];
  // 60 customers; the managed ones (not prospects) get am01–am08 in turn, every fourth also pt01–pt03
  let managed = 0;
  let partTime = 0;
  const specs = Array.from({ length: 60 }, (_, i) => {
    const [city, county] = cities[i % cities.length];
    const [suffix, type] = kinds[i % kinds.length];
    const status = statuses[i % statuses.length];
    const m = status === 'prospect' ? -1 : managed++;
    const pt = m >= 0 && m % 4 === 0 ? [users.get(`pt0${(partTime++ % 3) + 1}`)!] : [];
    return {
      code: `C${String(i + 1).padStart(4, '0')}`,
      name: `${city.slice(0, 2)}${['华润', '川能', '天原', '金山', '长江', '蜀南', '新能', '永盛', '宏达', '顺发'][i % 10]}${suffix}`,
      type,
      priceCategory: 'non_residential',
      province: city === '重庆市' ? '重庆市' : '四川省',
      city,
      county,
      status,
      managerId: m < 0 ? undefined : users.get(`am0${(m % 8) + 1}`)!,
      partTimeIds: pt,
    };
  });
  await makeCustomers(ctx.db, specs);
  await interactionsDemo.run({ app: ctx, rng: (s) => new Rng(20261127 ^ (s.length * 7919)), users, lastDay: LAST_DAY, log: console.log });
}
await built.app.listen({ port: config.port, host: '127.0.0.1' });
console.log(`listening on ${config.port}`);
