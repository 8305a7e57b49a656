// Input and data-set shapes, in COINr's iData / iMeta convention.

/** One cell as read from a table: numbers, numeric strings, or a missing marker ("", "NA", null). */
export type Cell = string | number | null | undefined;
export type Row = Readonly<Record<string, Cell>>;

export type MetaType = 'Indicator' | 'Aggregate' | 'Group' | 'Denominator';

export interface IndicatorMeta {
  readonly iCode: string;
  readonly iName: string;
  readonly level: number | null;
  readonly direction: number;
  readonly weight: number;
  readonly unit: string;
  readonly target: number;
  readonly denominator: string | null;
  readonly parent: string | null;
  readonly type: MetaType;
}

/**
 * A named data set: units (rows) × codes (columns), stored column-major in typed arrays.
 * NaN stands for a missing value (R's NA).
 */
export interface DataSet {
  readonly uCodes: readonly string[];
  readonly iCodes: readonly string[];
  readonly columns: readonly Float64Array[];
}

export function column(ds: DataSet, iCode: string): Float64Array {
  const k = ds.iCodes.indexOf(iCode);
  if (k < 0) throw new Error(`no column ${iCode}`);
  return ds.columns[k]!;
}

/** A set of weights by iCode (indicators and aggregates); COINr's `.$Meta$Weights[[name]]`. */
export type WeightSet = Readonly<Record<string, number>>;
