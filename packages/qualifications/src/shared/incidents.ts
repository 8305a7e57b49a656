// The incident conditions the texts share: 重大安全/质量事故, 严重环境违法, 严重失信, 经营异常名录.
import type { Criterion, Profile } from '../types.ts';
import { criterion, missing } from './criterion.ts';

export type IncidentKey = keyof NonNullable<Profile['incidents']>;

/** All four incident flags false; any one true fails; otherwise unknown. */
export function noIncidents(p: Profile, keys: readonly IncidentKey[] = ALL_INCIDENTS): Criterion {
  const inc = p.incidents;
  const threshold = '无';
  if (inc === undefined) return missing('no_incidents', threshold, '事故、失信及经营异常情况', 'incidents, dishonesty and abnormal-operation listing');
  const hit = keys.filter((k) => inc[k] === true);
  if (hit.length > 0)
    return criterion('no_incidents', 'unmet', false, threshold, null,
      () => [`存在不符合情形：${hit.map((k) => INCIDENT_ZH[k]).join('、')}`, `Disqualifying record: ${hit.map((k) => INCIDENT_EN[k]).join(', ')}`]);
  if (keys.some((k) => inc[k] === undefined))
    return missing('no_incidents', threshold, keys.filter((k) => inc[k] === undefined).map((k) => INCIDENT_ZH[k]).join('、'),
      keys.filter((k) => inc[k] === undefined).map((k) => INCIDENT_EN[k]).join(', '));
  return criterion('no_incidents', 'met', true, threshold, null, () => ['无事故、失信或经营异常记录', 'No incident, dishonesty or abnormal-operation record']);
}

export const ALL_INCIDENTS = ['majorSafetyOrQuality', 'seriousEnvironmental', 'seriousDishonesty', 'abnormalOperationListed'] as const;
const INCIDENT_ZH = {
  majorSafetyOrQuality: '重大安全或质量事故',
  seriousEnvironmental: '严重环境违法',
  seriousDishonesty: '严重失信行为',
  abnormalOperationListed: '列入经营异常名录或严重违法失信名单',
} as const;
const INCIDENT_EN = {
  majorSafetyOrQuality: 'major safety or quality incident',
  seriousEnvironmental: 'serious environmental violation',
  seriousDishonesty: 'serious dishonesty',
  abnormalOperationListed: 'listed for abnormal operation or serious dishonesty',
} as const;

