// Records an organisation's verdict on a suggested match (the latest verdict on a pair counts). Later
// rankings read it: a rejected pair disappears, and the reasons shift the weights (match-score.ts).
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { AuditActor, UserActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { LISTING_WRITER_ROLES } from '../listings/create-listing.ts';
import { loadVisibleListing } from '../listings/listing-rows.ts';
import type { MatchDecision, MatchRejectReason } from '../schema.ts';

export type FeedbackInput = { counterpartId: string; decision: MatchDecision; reason?: MatchRejectReason; note?: string };

export async function recordMatchFeedback(db: Db, actor: UserActor, audit: AuditActor, regionCode: string, listingId: string, input: FeedbackInput): Promise<void> {
  if (input.decision === 'reject' && !input.reason) {
    throw new DomainError('reason_required', 'reason', { zh: '拒绝匹配时请选择原因', en: 'Choose a reason when rejecting a match' });
  }
  await db.transaction(async (tx) => {
    const own = await loadVisibleListing(tx, actor, regionCode, listingId);
    authorize(actor, { roles: LISTING_WRITER_ROLES, organisation: { regionCode, organisationId: own.ownerOrgId } });
    const other = await loadVisibleListing(tx, actor, regionCode, input.counterpartId);
    if (other.kind === own.kind) throw new DomainError('match_kind_mismatch', 'counterpartId', { zh: '匹配只在需求与成果之间', en: 'A match pairs a demand with an achievement' });
    const [demandId, achievementId] = own.kind === 'demand' ? [own.id, other.id] : [other.id, own.id];
    await tx.execute(sql`
      INSERT INTO market_match_feedback (region_code, demand_id, achievement_id, judged_by_org_id, decision, reason, note, actor_user_id, at)
      VALUES (${regionCode}, ${demandId}, ${achievementId}, ${own.ownerOrgId}, ${input.decision}, ${input.decision === 'reject' ? input.reason! : null}, ${input.note ?? null}, ${actor.userId}, now())
      ON CONFLICT (region_code, demand_id, achievement_id, judged_by_org_id)
      DO UPDATE SET decision = EXCLUDED.decision, reason = EXCLUDED.reason, note = EXCLUDED.note, actor_user_id = EXCLUDED.actor_user_id, at = EXCLUDED.at`);
    await appendAudit(tx, audit, {
      regionCode, action: `market.match_${input.decision}ed`, entityType: 'market_match', entityId: `${demandId}:${achievementId}`,
      after: { judgedByOrgId: own.ownerOrgId, decision: input.decision, reason: input.reason ?? null },
    });
  });
}
