// Demo data of market deals: two more accounts (the university's technology-transfer office, which sells,
// and a second enterprise, which bids), one open auction on a demo achievement, and a few registered
// technology contracts of different types, fields, months and districts. Idempotent.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { organisations, users } from '../../../platform/schema.ts';
import { createUser } from '../../../identity/create-user.ts';
import { DEMO_REGION, hashedDemoPassword } from '../../../demo/demo-city.ts';
import { insertPublishedAchievement } from '../listing-fixture.ts';
import { auctionLots, techContracts, type ContractParty } from '../schema.ts';
import type { ContractType } from '../tech-contracts/contract-rules.ts';

export const DEALS_DEMO_USERS = [
  { email: 'tto@demo.kechuang.cn', displayName: '孙老师（技术转移中心，演示）', orgName: '洛阳演示理工学院' },
  { email: 'buyer2@demo.kechuang.cn', displayName: '周总工（演示）', orgName: '洛阳云端新材料有限公司（演示）' },
] as const;

export const DEMO_AUCTION_TITLE = '高端轴承滚道精密磨削与寿命预测技术';

type DemoContract = { type: ContractType; subtype: string; title: string; field: string; seller: string; buyer: string; totalWan: number; nonTechWan: number; registeredAt: string };

const DEMO_CONTRACTS: DemoContract[] = [
  { type: 'transfer', subtype: 'patent', title: '一种风电轴承保持架的专利权转让', field: '高端轴承', seller: '洛阳演示理工学院', buyer: '洛阳启明轴承科技有限公司（演示）', totalWan: 120, nonTechWan: 0, registeredAt: '2025-03-12T10:00:00+08:00' },
  { type: 'development', subtype: 'commissioned', title: '耐火材料窑炉节能控制系统委托开发', field: '耐火材料', seller: '洛阳演示理工学院', buyer: '洛阳云端新材料有限公司（演示）', totalWan: 260, nonTechWan: 60, registeredAt: '2025-04-08T15:30:00+08:00' },
  { type: 'service', subtype: 'training', title: '工业 CT 检测技术培训', field: '光电元器件', seller: '洛阳创新检测服务有限公司（演示）', buyer: '洛阳启明轴承科技有限公司（演示）', totalWan: 18, nonTechWan: 3, registeredAt: '2025-04-21T09:00:00+08:00' },
  { type: 'licence', subtype: 'patent', title: '锂电池正极材料包覆工艺专利实施许可', field: '新能源电池', seller: '洛阳演示理工学院', buyer: '洛阳云端新材料有限公司（演示）', totalWan: 85, nonTechWan: 0, registeredAt: '2025-05-16T11:00:00+08:00' },
  { type: 'consulting', subtype: 'general', title: '农机装备智能化改造技术咨询', field: '农机装备', seller: '洛阳创新检测服务有限公司（演示）', buyer: '洛阳启明轴承科技有限公司（演示）', totalWan: 12, nonTechWan: 0, registeredAt: '2025-05-28T16:00:00+08:00' },
];

export async function loadDealsDemo(db: Db, now = new Date()): Promise<void> {
  const existing = await db.select({ id: auctionLots.id }).from(auctionLots).where(eq(auctionLots.regionCode, DEMO_REGION)).limit(1);
  if (existing[0]) return;
  const orgs = await db.select().from(organisations).where(eq(organisations.regionCode, DEMO_REGION));
  const orgByName = new Map(orgs.map((o) => [o.name, o]));
  for (const u of DEALS_DEMO_USERS) {
    const org = orgByName.get(u.orgName);
    const taken = await db.select({ id: users.id }).from(users).where(eq(users.email, u.email)).limit(1);
    // University staff list achievements as an organisation's user; the platform's roles have no separate university role.
    if (org && !taken[0]) await createUser(db, SYSTEM_ACTOR, { regionCode: DEMO_REGION, displayName: u.displayName, email: u.email, role: 'enterprise_user', organisationId: org.id, passwordHash: await hashedDemoPassword() });
  }
  const university = orgByName.get('洛阳演示理工学院');
  if (!university) return;
  const listingId = await findOrCreateAchievement(db, university.id);
  const lotId = crypto.randomUUID();
  const party = (name: string): ContractParty => {
    const o = orgByName.get(name)!;
    return { orgId: o.id, regionCode: o.regionCode, name: o.name, uscc: o.uscc, districtCode: o.districtCode };
  };
  await db.transaction(async (tx) => {
    await tx.insert(auctionLots).values({
      regionCode: DEMO_REGION, id: lotId, listingRegionCode: DEMO_REGION, listingId, sellerOrgId: university.id, title: DEMO_AUCTION_TITLE, field: '高端轴承',
      startsAt: new Date(now.getTime() - 3_600_000), endsAt: new Date(now.getTime() + 7 * 86_400_000), scheduledEndsAt: new Date(now.getTime() + 7 * 86_400_000),
      startPriceFen: 50_000_000n, reserveFen: 60_000_000n, incrementFen: 1_000_000n, depositFen: 5_000_000n, extensionWindowMs: 300_000, extensionMs: 300_000,
    });
    for (const [i, c] of DEMO_CONTRACTS.entries()) {
      const seller = party(c.seller);
      const totalFen = BigInt(c.totalWan) * 1_000_000n;
      const nonTechnicalFen = BigInt(c.nonTechWan) * 1_000_000n;
      const registeredAt = new Date(c.registeredAt);
      await tx.insert(techContracts).values({
        regionCode: DEMO_REGION, id: crypto.randomUUID(), registrationNo: `${DEMO_REGION}2025${String(i + 1).padStart(6, '0')}`, type: c.type, subtype: c.subtype,
        title: c.title, field: c.field, seller, sellerUscc: seller.uscc, sellerDistrictCode: seller.districtCode, buyer: party(c.buyer),
        totalFen, nonTechnicalFen, technologyFen: totalFen - nonTechnicalFen,
        nonTechnicalCosts: nonTechnicalFen > 0n ? [{ item: '设备及材料', amountFen: nonTechnicalFen.toString() }] : [],
        payments: [{ dueOn: c.registeredAt.slice(0, 10), amountFen: totalFen.toString() }], signedOn: c.registeredAt.slice(0, 10),
        partiesContractNo: `DEMO-${i + 1}`, status: 'registered', ownerOrgId: seller.orgId, submittedAt: registeredAt, registeredAt, createdAt: registeredAt, updatedAt: registeredAt,
      });
    }
    await appendAudit(tx, SYSTEM_ACTOR, { regionCode: DEMO_REGION, action: 'demo.deals_loaded', entityType: 'market_auction_lot', entityId: lotId, after: { contracts: DEMO_CONTRACTS.length } });
  });
}

async function findOrCreateAchievement(db: Db, ownerOrgId: string): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`
    SELECT id FROM market_listings WHERE region_code = ${DEMO_REGION} AND owner_org_id = ${ownerOrgId} AND title = ${DEMO_AUCTION_TITLE} LIMIT 1`);
  if (rows[0]) return rows[0].id;
  return insertPublishedAchievement(db, { regionCode: DEMO_REGION, ownerOrgId, title: DEMO_AUCTION_TITLE, field: '高端轴承', priceFen: null, transferModes: ['transfer', 'licence'] });
}

