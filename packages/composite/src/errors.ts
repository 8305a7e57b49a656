// Every rejection of bad input names a machine code, the offending field, and says why in Chinese and English.
export type CompositeErrorCode =
  | 'missing_column'
  | 'duplicate_code'
  | 'unknown_icode'
  | 'unknown_parent'
  | 'parent_cycle'
  | 'bad_level'
  | 'bad_type'
  | 'bad_direction'
  | 'bad_weight'
  | 'non_numeric'
  | 'missing_denominator'
  | 'missing_group'
  | 'bad_recipe'
  | 'bad_recipe_key'
  | 'bad_recipe_value'
  | 'unknown_dataset'
  | 'too_few_values'
  | 'transform_domain'
  | 'aggregate_domain'
  | 'bad_sensitivity_spec';

export class CompositeInputError extends Error {
  readonly code: CompositeErrorCode;
  readonly field: string;
  readonly messageEn: string;

  constructor(code: CompositeErrorCode, field: string, zh: string, en: string) {
    super(zh);
    this.name = 'CompositeInputError';
    this.code = code;
    this.field = field;
    this.messageEn = en;
  }
}

export function inputError(code: CompositeErrorCode, field: string, zh: string, en: string): CompositeInputError {
  return new CompositeInputError(code, field, zh, en);
}
