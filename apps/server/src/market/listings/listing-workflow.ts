// The listing workflow as data (pure): which action moves which status where, and who may take it.
import type { ListingStatus } from '../schema.ts';

export const listingActions = ['submit', 'publish', 'reject', 'close', 'withdraw'] as const;
export type ListingAction = (typeof listingActions)[number];

export type Transition = { from: readonly ListingStatus[]; to: ListingStatus; by: 'owner' | 'bureau' | 'owner_or_bureau'; reasonRequired: boolean };

export const TRANSITIONS: Record<ListingAction, Transition> = {
  /** The owner sends a draft for the bureau's review. */
  submit: { from: ['draft'], to: 'submitted', by: 'owner', reasonRequired: false },
  /** The bureau approves: the listing becomes public and searchable. */
  publish: { from: ['submitted'], to: 'published', by: 'bureau', reasonRequired: false },
  /** The bureau sends a submission back to its owner, saying why. */
  reject: { from: ['submitted'], to: 'draft', by: 'bureau', reasonRequired: true },
  /** The owner takes a submission back to edit it. */
  withdraw: { from: ['submitted'], to: 'draft', by: 'owner', reasonRequired: false },
  /** Ends a listing at any stage (sold, solved, duplicate, withdrawn by the bureau …), with the reason. */
  close: { from: ['draft', 'submitted', 'published'], to: 'closed', by: 'owner_or_bureau', reasonRequired: true },
};

export type TransitionCheck = { ok: true; to: ListingStatus } | { ok: false; code: 'invalid_transition' | 'reason_required' | 'forbidden' };

export function checkTransition(action: ListingAction, from: ListingStatus, actorIs: { owner: boolean; bureau: boolean }, reason: string | undefined): TransitionCheck {
  const t = TRANSITIONS[action];
  const allowed = t.by === 'owner' ? actorIs.owner : t.by === 'bureau' ? actorIs.bureau : actorIs.owner || actorIs.bureau;
  if (!allowed) return { ok: false, code: 'forbidden' };
  if (!t.from.includes(from)) return { ok: false, code: 'invalid_transition' };
  if (t.reasonRequired && (reason ?? '').trim() === '') return { ok: false, code: 'reason_required' };
  return { ok: true, to: t.to };
}
