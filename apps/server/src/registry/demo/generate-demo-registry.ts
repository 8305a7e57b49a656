// Pure and seeded: a few thousand plausible Luoyang enterprises across the ten clusters and the districts,
// with three fiscal years, IP, certificate histories, honours, platforms and talent teams. The same seed and
// year give the same city. Names and people are fictional; sizes follow lognormal shapes typical of a
// regional industrial base (most firms small, a few large).
import { makeUscc } from '../../platform/identity/uscc.ts';
import { CLUSTER_CODES, PLATFORM_KIND_CODES, type ClusterCode, type TechFieldCode } from '../reference.ts';
import { MONEY_KEYS, type ImportRow, type MoneyKey } from '../import/validate-row.ts';
import { seededRandom as rng } from '../../platform/random/seeded-random.ts';

export type DemoCertificate = { uscc: string; kind: string; level: string; number: string; validFrom: string; validUntil: string };
export type DemoHonour = { uscc: string; kind: 'award' | 'rd_institution' | 'standard' | 'equity_round'; name: string; level: string | null; role: string | null; rank: number | null; year: number | null; amountFen: bigint | null; onDate: string | null };
export type DemoPlatform = { uscc: string; name: string; kind: string; level: string; approvedOn: string };
export type DemoTalent = { uscc: string; name: string; kind: 'team' | 'individual'; programme: string; year: number };
export type DemoRegistry = { rows: ImportRow[]; certificates: DemoCertificate[]; honours: DemoHonour[]; platforms: DemoPlatform[]; talents: DemoTalent[] };

export const DEMO_REGISTRY_SEED = 20250101;

const DISTRICTS: [string, number][] = [
  ['410305', 22], ['410311', 24], ['410303', 10], ['410302', 5], ['410304', 4], ['410307', 9], ['410308', 7],
  ['410323', 4], ['410324', 3], ['410325', 2], ['410326', 2], ['410327', 3], ['410328', 2], ['410329', 3],
];
const CLUSTER_WEIGHTS: Record<ClusterCode, number> = {
  bearings: 14, agri_machinery: 12, refractories: 10, aviation: 6, optoelectronics: 9, biomedicine: 10,
  electronic_chemicals: 8, ai: 12, battery: 9, display_materials: 10,
};
const CLUSTER_PROFILE: Record<ClusterCode, { words: string[]; industry: string[]; field: TechFieldCode }> = {
  bearings: { words: ['轴承', '精密轴承', '传动科技'], industry: ['C3451', 'C3452'], field: 'advanced_manufacturing' },
  agri_machinery: { words: ['农业装备', '农机', '拖拉机配件'], industry: ['C3571', 'C3572'], field: 'advanced_manufacturing' },
  aviation: { words: ['航空科技', '航空部件', '飞控技术'], industry: ['C3741', 'C3744'], field: 'aerospace' },
  optoelectronics: { words: ['光电科技', '光电器件', '激光技术'], industry: ['C3976', 'C3979'], field: 'electronic_information' },
  refractories: { words: ['耐火材料', '耐材', '高温材料'], industry: ['C3089', 'C3081'], field: 'new_materials' },
  biomedicine: { words: ['生物医药', '制药', '生物科技'], industry: ['C2710', 'C2761'], field: 'biomedicine' },
  electronic_chemicals: { words: ['电子材料', '精细化工', '硅材料'], industry: ['C2664', 'C3985'], field: 'new_materials' },
  ai: { words: ['智能科技', '信息技术', '机器人'], industry: ['I6513', 'C3491'], field: 'electronic_information' },
  battery: { words: ['新能源', '储能科技', '电池材料'], industry: ['C3841', 'C3849'], field: 'new_energy' },
  display_materials: { words: ['显示材料', '玻璃科技', '光学膜'], industry: ['C3042', 'C3985'], field: 'new_materials' },
};
const BRAND = '洛启恒宏瑞华鼎新中信安泰盛达金龙凯博宇天正远航德利通隆辉嘉智创源丰伊河牡丹洛浦龙门九都洛神周王邙岭'.split('');
const SUFFIX = ['有限公司', '股份有限公司', '有限责任公司'];


export function generateDemoRegistry(o: { count: number; year: number; seed?: number; regionCode?: string }): DemoRegistry {
  const r = rng(o.seed ?? DEMO_REGISTRY_SEED);
  const region = o.regionCode ?? '410300';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const weighted = <T>(xs: readonly [T, number][]): T => {
    let x = r() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of xs) if ((x -= w) < 0) return v;
    return xs.at(-1)![0];
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const clusters = CLUSTER_CODES.map((c) => [c, CLUSTER_WEIGHTS[c]] as [ClusterCode, number]);
  const out: DemoRegistry = { rows: [], certificates: [], honours: [], platforms: [], talents: [] };
  const names = new Set<string>();
  const lastFiscal = o.year - 1;

  for (let i = 0; i < o.count; i++) {
    const uscc = makeUscc(`91${region}LY${String(i + 1).padStart(7, '0')}`);
    const cluster = weighted(clusters);
    const cp = CLUSTER_PROFILE[cluster];
    let name = '';
    do name = `洛阳${pick(BRAND)}${pick(BRAND)}${pick(cp.words)}${pick(SUFFIX)}`; while (names.has(name) && name.length < 40 && (name = `${name.slice(0, 2)}${pick(BRAND)}${name.slice(2)}`));
    names.add(name);
    const foundedYear = Math.min(lastFiscal - 1, Math.round(2012 + normal() * 6));
    const foundedOn = `${foundedYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const employees0 = Math.max(8, Math.round(Math.exp(3.9 + normal() * 0.9)));
    const innovation = r(); // how innovation-minded the firm is: drives R&D, staff and IP together
    const revenuePerHead = 30 + r() * 90; // 万元
    const rdRatio = Math.max(0.004, 0.01 + innovation * 0.08 + normal() * 0.008);
    const scienceShare = Math.min(0.6, Math.max(0.03, 0.05 + innovation * 0.3 + normal() * 0.04));
    const growth = 0.02 + normal() * 0.12 + innovation * 0.08;
    const inventions = Math.floor(innovation * innovation * 12 * r());
    const utility = Math.floor(innovation * 25 * r());
    const district = weighted(DISTRICTS);
    const listed = r() < 0.01;
    for (let y = Math.max(foundedYear, lastFiscal - 2); y <= lastFiscal; y++) {
      const scale = (1 + growth) ** (y - lastFiscal);
      const employees = Math.max(5, Math.round(employees0 * Math.sqrt(scale)));
      const sales = employees * revenuePerHead * scale;
      const wan = (v: number) => Math.max(0, Math.round(v * 100)) * 10_000; // 万元 → fen, to the 百元
      const money: Record<MoneyKey, number | null> = Object.fromEntries(MONEY_KEYS.map((k) => [k, null])) as Record<MoneyKey, number | null>;
      const costs = sales * (0.78 + r() * 0.15);
      money.salesRevenue = wan(sales);
      money.operatingRevenue = wan(sales * 1.02);
      money.mainBusinessRevenue = wan(sales * (0.82 + r() * 0.18));
      money.totalRevenue = wan(sales * 1.04);
      money.highTechRevenue = wan(sales * Math.min(1, 0.3 + innovation * 0.6 + r() * 0.1));
      money.rdExpense = wan(Math.min(sales * rdRatio, costs));
      money.rdExpenseDomestic = money.rdExpense;
      money.costsAndExpenses = wan(costs);
      const assets = sales * (0.8 + r() * 0.9);
      const debt = assets * (0.25 + r() * 0.5);
      money.totalAssets = wan(assets);
      money.totalLiabilities = wan(debt);
      money.netAssets = wan(assets - debt);
      money.netProfit = Math.round((sales - costs) * 100) * 10_000;
      out.rows.push({
        rowNumber: out.rows.length + 2, uscc, name, districtCode: district, foundedOn, industryCode: pick(cp.industry), techField: cp.field, cluster, listed, year: y,
        employees, scienceStaff: Math.round(employees * scienceShare), rdStaff: Math.round(employees * scienceShare * 0.8),
        conversions: Math.floor(innovation * 6 * r()), money,
        ip: { ipInvention: inventions, ipUtilityModel: utility, ipDesign: Math.floor(r() * 3), ipSoftware: cluster === 'ai' ? Math.floor(r() * 20) : Math.floor(r() * 4), ipIcLayout: cluster === 'optoelectronics' && r() < 0.2 ? 1 : 0 },
      });
    }
    // Certificate histories, consistent with the firm's profile.
    const small = employees0 <= 500;
    if (small && innovation > 0.25) {
      for (let y = Math.max(foundedYear + 1, o.year - 5 - Math.floor(r() * 3)); y <= o.year; y++) {
        if (r() < 0.85) out.certificates.push({ uscc, kind: 'tech-sme', level: 'national', number: `${y}41030${String(i).padStart(5, '0')}`, validFrom: `${y}-04-30`, validUntil: `${y}-12-31` });
      }
    }
    if (innovation > 0.55 && foundedYear < o.year - 2) {
      let y = Math.max(foundedYear + 2, o.year - 9 + Math.floor(r() * 9));
      const lapse = r() < 0.15;
      while (y <= o.year) {
        const issued = `${y}-${r() < 0.5 ? '11' : '12'}-${String(1 + Math.floor(r() * 20)).padStart(2, '0')}`;
        const until = `${y + 3}-${issued.slice(5, 7)}-${String(Number(issued.slice(8)) - 1 || 1).padStart(2, '0')}`;
        out.certificates.push({ uscc, kind: 'hnte', level: 'national', number: `GR${y}41${String(i).padStart(6, '0')}`, validFrom: issued, validUntil: until });
        if (lapse) break;
        y += 3;
      }
    }
    if (innovation > 0.8 && employees0 > 60) {
      const y = o.year - 1 - Math.floor(r() * 3);
      out.certificates.push({ uscc, kind: 'specialized-sme', level: 'provincial', number: `豫专精${y}${i}`, validFrom: `${y}-06-30`, validUntil: `${y + 3}-06-29` });
      if (innovation > 0.93 && employees0 > 150) out.certificates.push({ uscc, kind: 'little-giant', level: 'national', number: `小巨人${y}${i}`, validFrom: `${y}-07-15`, validUntil: `${y + 3}-07-14` });
    }
    if (innovation > 0.85 && r() < 0.3) out.honours.push({ uscc, kind: 'award', name: '河南省科学技术进步奖', level: 'provincial', role: null, rank: 1 + Math.floor(r() * 3), year: o.year - 1 - Math.floor(r() * 4), amountFen: null, onDate: null });
    if (innovation > 0.7 && r() < 0.25) out.honours.push({ uscc, kind: 'standard', name: `${CLUSTER_PROFILE[cluster].words[0]}团体标准`, level: r() < 0.3 ? 'industry' : 'group', role: r() < 0.4 ? 'lead' : 'participant', rank: null, year: o.year - 1 - Math.floor(r() * 4), amountFen: null, onDate: null });
    if ((cluster === 'ai' || cluster === 'battery' || cluster === 'biomedicine') && innovation > 0.6 && r() < 0.3) {
      const y = o.year - 1 - Math.floor(r() * 2);
      out.honours.push({ uscc, kind: 'equity_round', name: pick(['天使轮', 'A 轮', 'B 轮']), level: null, role: null, rank: null, year: y, amountFen: BigInt(Math.round(300 + r() * 4000)) * 1_000_000n, onDate: `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15` });
    }
    if (innovation > 0.55 && r() < 0.35) {
      const kind = pick(PLATFORM_KIND_CODES.filter((k) => k !== 'maker_space' && k !== 'incubator'));
      const level = r() < 0.05 ? 'national' : r() < 0.35 ? 'provincial' : 'municipal';
      out.platforms.push({ uscc, name: `${name.replace(/(股份)?有限(责任)?公司$/, '')}${platformSuffix(kind)}`, kind, level, approvedOn: `${2012 + Math.floor(r() * (o.year - 2012))}-0${1 + Math.floor(r() * 9)}-20` });
    }
    if (r() < 0.03) out.platforms.push({ uscc, name: `${name.slice(2, 6)}${pick(['众创空间', '科技企业孵化器'])}`, kind: pick(['maker_space', 'incubator']), level: r() < 0.3 ? 'provincial' : 'municipal', approvedOn: `${2015 + Math.floor(r() * (o.year - 2015))}-05-10` });
    if (innovation > 0.75 && r() < 0.12) out.talents.push({ uscc, name: `${name.slice(2, 4)}${pick(CLUSTER_PROFILE[cluster].words)}创新团队`, kind: 'team', programme: '河洛英才计划', year: o.year - 1 - Math.floor(r() * 5) });
  }
  return out;
}

function platformSuffix(kind: string): string {
  return ({ key_lab: '重点实验室', engineering_center: '工程技术研究中心', enterprise_tech_center: '企业技术中心', new_rd_institution: '研究院',
    academician_workstation: '院士工作站', pilot_base: '中试基地', poc_center: '概念验证中心' } as Record<string, string>)[kind] ?? '创新平台';
}
