// What an index framework stores: for a composite index, COINr-style metadata (the tree and its weights) and
// a recipe for packages/composite; for an industry index, the configuration of its sub-indices.
import { z } from 'zod';

export const FrameworkMetaRow = z.strictObject({
  iCode: z.string().min(1).max(80),
  nameZh: z.string().min(1).max(120),
  nameEn: z.string().min(1).max(160),
  level: z.number().int().min(1).max(6),
  parent: z.string().nullable(),
  weight: z.number().min(0),
  direction: z.union([z.literal(1), z.literal(-1)]),
  type: z.enum(['Indicator', 'Aggregate']),
});
export type FrameworkMetaRow = z.infer<typeof FrameworkMetaRow>;

export const CompositeDefinition = z.strictObject({
  meta: z.array(FrameworkMetaRow).min(2),
  /** A packages/composite recipe: { steps: [...] }, checked by parseRecipe when saved. */
  recipe: z.strictObject({ steps: z.array(z.record(z.string(), z.unknown())).min(1) }),
  /** Monte Carlo inputs for the sensitivity chart, in packages/composite's SensitivityInput shape. */
  sensitivity: z.array(z.record(z.string(), z.unknown())).default([]),
});
export type CompositeDefinition = z.infer<typeof CompositeDefinition>;

export const IndustryDefinition = z.strictObject({
  datasetCode: z.string().min(1),
  basePeriod: z.string().min(4),
  /** Laspeyres base weights of the product classes (shares of base-period sales). */
  classWeights: z.record(z.string(), z.number().min(0)),
  sentiment: z.strictObject({ currentQuestion: z.string(), expectedQuestion: z.string(), currentWeight: z.number().min(0).max(1).default(0.4) }),
  diffusionQuestions: z.array(z.string()).min(1),
  developmentItems: z.record(z.string(), z.number().min(0)),
  /** Weights of the sub-indices in the composite: price, development, sentiment, diffusion. */
  compositeWeights: z.strictObject({ price: z.number().min(0), development: z.number().min(0), sentiment: z.number().min(0), diffusion: z.number().min(0) }),
});
export type IndustryDefinition = z.infer<typeof IndustryDefinition>;

/** The metadata table packages/composite reads (COINr iMeta columns). */
export function toCoinMeta(meta: readonly FrameworkMetaRow[]): Record<string, string | number | null>[] {
  return meta.map((m) => ({
    Level: m.level, iCode: m.iCode, iName: m.nameZh, Direction: m.direction, Weight: m.weight, Unit: '', Target: null,
    Denominator: null, Parent: m.parent, Type: m.type,
  }));
}
