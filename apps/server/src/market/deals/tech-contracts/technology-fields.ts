// The technology fields (技术领域) a contract may be registered under: the city's ten industry clusters, the same
// list listings are filed under (the listing form's choices, the demo catalogue, the registry's CLUSTERS), so a
// contract made from a market deal keeps its listing's field and statistics by field line up with the market's
// field facet. Pure.
import type { LocalisedMessage } from '../../../platform/errors/domain-error.ts';
import { CLUSTERS } from '../../../registry/reference.ts';

/** Stored and compared by the Chinese name, which is what listings and contracts store. */
export const TECHNOLOGY_FIELDS: readonly LocalisedMessage[] = Object.values(CLUSTERS).map((c) => ({ zh: c.zh, en: c.en }));

const NAMES = new Set(TECHNOLOGY_FIELDS.map((f) => f.zh));

export function checkTechnologyField(field: string): { code: string; field: 'field'; message: LocalisedMessage } | null {
  if (NAMES.has(field.trim())) return null;
  const zhList = TECHNOLOGY_FIELDS.map((f) => f.zh).join('、');
  const enList = TECHNOLOGY_FIELDS.map((f) => f.en).join(', ');
  return {
    code: 'contract_field_unknown', field: 'field',
    message: { zh: `技术领域须为平台领域目录之一：${zhList}`, en: `The technology field must be one of the platform's fields: ${enList}` },
  };
}
