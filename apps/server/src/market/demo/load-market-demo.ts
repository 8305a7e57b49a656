// Loads the demo city's technology market: a score of universities, institutes and enterprises and a few
// thousand listings generated with a fixed seed (generate-demo-listings.ts). Bulk inserts in one
// transaction with one audit row, so the first start stays fast. Idempotent.
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { makeUscc } from '../../platform/identity/uscc.ts';
import { organisations, type OrganisationKind } from '../../platform/schema.ts';
import { createOrganisation } from '../../identity/create-organisation.ts';
import { DEMO_ORGANISATIONS, DEMO_REGION } from '../../demo/demo-city.ts';
import { marketListings, marketListingTransitions, type TransferMode } from '../schema.ts';
import { adjustCorpus, searchColumnsOf } from '../search/search-columns.ts';
import { generateDemoListings } from './generate-demo-listings.ts';

export const DEMO_ACHIEVEMENTS = 2400;
export const DEMO_DEMANDS = 800;

type DemoOwner = { name: string; kind: OrganisationKind; code: string; district: string };
const SELLERS: DemoOwner[] = [
  { name: '洛阳演示工业大学', kind: 'university', code: 'KM0000001', district: '410311' },
  { name: '洛阳演示农业科技学院', kind: 'university', code: 'KM0000002', district: '410311' },
  { name: '洛阳演示材料研究院', kind: 'institute', code: 'KM0000003', district: '410305' },
  { name: '洛阳演示轴承研究所', kind: 'institute', code: 'KM0000004', district: '410305' },
  { name: '洛阳演示耐火材料研究院', kind: 'institute', code: 'KM0000005', district: '410307' },
  { name: '洛阳演示光电技术研究所', kind: 'institute', code: 'KM0000006', district: '410303' },
  { name: '洛阳演示医药研究院', kind: 'institute', code: 'KM0000007', district: '410308' },
  { name: '洛阳演示智能装备研究院', kind: 'institute', code: 'KM0000008', district: '410311' },
];
const BUYERS: DemoOwner[] = [
  { name: '洛阳演示拖拉机制造有限公司', kind: 'enterprise', code: 'KM0000011', district: '410305' },
  { name: '洛阳演示光电器件有限公司', kind: 'enterprise', code: 'KM0000012', district: '410303' },
  { name: '洛阳演示航空部件有限公司', kind: 'enterprise', code: 'KM0000013', district: '410311' },
  { name: '洛阳演示耐材股份有限公司', kind: 'enterprise', code: 'KM0000014', district: '410307' },
  { name: '洛阳演示生物制药有限公司', kind: 'enterprise', code: 'KM0000015', district: '410308' },
  { name: '洛阳演示电子材料有限公司', kind: 'enterprise', code: 'KM0000016', district: '410311' },
  { name: '洛阳演示智能科技有限公司', kind: 'enterprise', code: 'KM0000017', district: '410305' },
  { name: '洛阳演示储能科技有限公司', kind: 'enterprise', code: 'KM0000018', district: '410311' },
  { name: '洛阳演示显示玻璃有限公司', kind: 'enterprise', code: 'KM0000019', district: '410302' },
  { name: '洛阳演示钼业有限公司', kind: 'enterprise', code: 'KM0000020', district: '410324' },
];

export async function loadMarketDemo(db: Db): Promise<{ loaded: boolean; listings: number }> {
  const existing = await db.execute(sql`SELECT 1 FROM market_listings WHERE region_code = ${DEMO_REGION} AND external_id = 'DEMO-A-00001' LIMIT 1`);
  if (existing.rows.length > 0) return { loaded: false, listings: 0 };
  const demoOrg = async (key: string): Promise<{ id: string; districtCode: string | null }> => {
    const org = DEMO_ORGANISATIONS.find((o) => o.key === key)!;
    const uscc = makeUscc(`${org.kind === 'university' ? '12' : '91'}${DEMO_REGION}${org.orgCode}`);
    const row = (await db.select().from(organisations).where(and(eq(organisations.regionCode, DEMO_REGION), eq(organisations.uscc, uscc))).limit(1))[0]!;
    return { id: row.id, districtCode: row.districtCode };
  };
  const ensure = async (o: DemoOwner): Promise<{ id: string; districtCode: string | null }> => {
    const uscc = makeUscc(`${o.kind === 'enterprise' ? '91' : '12'}${DEMO_REGION}${o.code}`);
    const row = (await db.select().from(organisations).where(and(eq(organisations.regionCode, DEMO_REGION), eq(organisations.uscc, uscc))).limit(1))[0];
    if (row) return { id: row.id, districtCode: row.districtCode };
    const created = await createOrganisation(db, SYSTEM_ACTOR, { regionCode: DEMO_REGION, districtCode: o.district, kind: o.kind, name: o.name, uscc });
    return { id: created.id, districtCode: created.districtCode };
  };
  // The demo accounts' own organisations come first, so their users see listings of their own.
  const sellers = [await demoOrg('university'), await demoOrg('enterprise')];
  for (const o of SELLERS) sellers.push(await ensure(o));
  const buyers = [await demoOrg('enterprise'), await demoOrg('enterprise2')];
  for (const o of BUYERS) buyers.push(await ensure(o));

  const generated = generateDemoListings({ achievements: DEMO_ACHIEVEMENTS, demands: DEMO_DEMANDS, owners: 120 });
  const now = Date.now();
  const rows: (typeof marketListings.$inferInsert)[] = [];
  const published: { terms: string[]; length: number }[] = [];
  for (const g of generated) {
    const pool = g.kind === 'achievement' ? sellers : buyers;
    const owner = pool[g.ownerIndex % pool.length]!;
    const columns = searchColumnsOf(g);
    const at = new Date(now - g.daysAgo * 86_400_000 - (g.ownerIndex % 60) * 60_000);
    const wasPublished = g.status === 'published' || g.status === 'closed';
    if (g.status === 'published') published.push({ terms: columns.terms, length: columns.searchLength });
    rows.push({
      regionCode: DEMO_REGION, id: crypto.randomUUID(), kind: g.kind, ownerOrgId: owner.id, externalId: g.externalId, title: g.title,
      summary: g.summary, field: g.field, keywords: g.keywords, trl: g.trl, patents: g.patents, transferModes: g.transferModes as TransferMode[],
      priceFen: g.priceFen, budgetMinFen: g.budgetMinFen, budgetMaxFen: g.budgetMaxFen, deadline: g.deadline, districtCode: owner.districtCode,
      status: g.status, statusReason: g.status === 'closed' ? '已成交 / concluded' : null, searchVector: columns.searchVector,
      searchLength: columns.searchLength, titleGrams: columns.titleGrams, createdAt: at, updatedAt: at, publishedAt: wasPublished ? at : null,
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await tx.insert(marketListings).values(chunk);
      await tx.insert(marketListingTransitions).values(chunk.flatMap((r) => [
        { regionCode: DEMO_REGION, listingId: r.id, seq: 1, fromStatus: null, toStatus: 'draft' as const, at: r.createdAt },
        ...(r.status === 'draft' ? [] : [{ regionCode: DEMO_REGION, listingId: r.id, seq: 2, fromStatus: 'draft' as const, toStatus: r.status!, reason: r.statusReason, at: r.createdAt }]),
      ]));
    }
    await adjustCorpus(tx, DEMO_REGION, published, 1);
    await appendAudit(tx, SYSTEM_ACTOR, {
      regionCode: DEMO_REGION, action: 'demo.market_loaded', entityType: 'market_listing', entityId: 'demo',
      after: { listings: rows.length, published: published.length, seed: 'generate-demo-listings' },
    });
  });
  return { loaded: true, listings: rows.length };
}
