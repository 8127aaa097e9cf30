/**
 * The sync planner (pure): which records to push now. Incremental by content hash — a record is
 * pushed when it was never synced, when what we would write changed since the last push, or when it
 * sits in the dead-letter list; everything else is skipped without a request.
 */
import { createHash } from 'node:crypto';
import type { CrmEntity, CrmRecordDraft } from './records';

export interface SyncState {
  crmId: string;
  hash: string;
  /** 'created': we made the record; 'merged': it existed in the CRM before our first push. */
  origin: 'created' | 'merged';
}

export type StateKey = `${CrmEntity}:${number}`;
export const stateKey = (entity: CrmEntity, localId: number): StateKey => `${entity}:${localId}`;

export interface PlannedRecord {
  draft: CrmRecordDraft;
  hash: string;
  reason: 'new' | 'changed' | 'retry';
  previous: SyncState | null;
}

export interface SyncPlan {
  push: PlannedRecord[];
  skipped: CrmRecordDraft[];
}

/** sha256 of the record's canonical JSON (sorted keys): equal content, equal hash, on any machine. */
export function contentHash(draft: CrmRecordDraft, extra: Record<string, string> = {}): string {
  const all = { key: draft.key, ...draft.standard, ...draft.owned, ...extra };
  const canonical = JSON.stringify(
    Object.keys(all)
      .sort()
      .map((k) => [k, all[k as keyof typeof all]]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

export function planSync(
  drafts: CrmRecordDraft[],
  state: ReadonlyMap<StateKey, SyncState>,
  deadLetters: ReadonlySet<StateKey>,
  /** Contacts: their company's key is part of what we write (the association). */
  companyKeyOf: (companyLocalId: number) => string | undefined = () => undefined,
): SyncPlan {
  const push: PlannedRecord[] = [];
  const skipped: CrmRecordDraft[] = [];
  for (const draft of drafts) {
    const key = stateKey(draft.entity, draft.localId);
    const company = draft.companyLocalId !== undefined ? companyKeyOf(draft.companyLocalId) : undefined;
    const hash = contentHash(draft, company ? { $company: company } : {});
    const previous = state.get(key) ?? null;
    if (deadLetters.has(key)) push.push({ draft, hash, reason: 'retry', previous });
    else if (!previous) push.push({ draft, hash, reason: 'new', previous });
    else if (previous.hash !== hash) push.push({ draft, hash, reason: 'changed', previous });
    else skipped.push(draft);
  }
  return { push, skipped };
}
