// The sheet kinds besides the enterprise sheet, by id (the `kind` of the import API, CLI and job).
import { CERTIFICATES } from './certificates.ts';
import { HONOURS } from './honours.ts';
import { PLATFORMS } from './platforms.ts';
import type { SheetKind, SheetKindId } from './sheet-kind.ts';
import { TALENTS } from './talents.ts';

export const SHEET_KINDS: Record<SheetKindId, SheetKind> = {
  certificates: CERTIFICATES as unknown as SheetKind,
  honours: HONOURS as unknown as SheetKind,
  platforms: PLATFORMS as unknown as SheetKind,
  talents: TALENTS as unknown as SheetKind,
};
