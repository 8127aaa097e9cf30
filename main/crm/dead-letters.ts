/** The dead-letter list as people read it: each failed record named by its contact or company. */
import { leadRefsOfRecords, openDeadLetters, type LeadRefs } from '../store/crm';
import type { Db } from '../store/sql';
import type { DeadLetterView } from './contract';
import { stateKey, type StateKey } from './plan';

function labels(refs: LeadRefs[]): Map<StateKey, string> {
  const out = new Map<StateKey, string>();
  for (const { lead, contactId, companyId } of refs) {
    out.set(stateKey('contact', contactId), `${lead.contact.firstName} ${lead.contact.lastName}`.trim());
    if (companyId !== null) out.set(stateKey('company', companyId), lead.company.name);
  }
  return out;
}

export function deadLetterViews(db: Db, provider: string): DeadLetterView[] {
  const open = openDeadLetters(db, provider);
  const ids = (e: 'contact' | 'company') => open.filter((d) => d.entity === e).map((d) => d.localId);
  const names = labels(leadRefsOfRecords(db, ids('contact'), ids('company')));
  return open.map((d) => ({
    id: d.id,
    entity: d.entity,
    localId: d.localId,
    label: names.get(stateKey(d.entity, d.localId)) ?? `${d.entity} ${d.localId}`,
    code: d.code,
    message: d.message,
    permanent: d.permanent,
    attempts: d.attempts,
    lastFailedAt: d.lastFailedAt,
  }));
}

/** The records a retry pushes, and the leads they come from. */
export function retryScope(db: Db, provider: string): { only: Set<StateKey>; refs: LeadRefs[] } {
  const open = openDeadLetters(db, provider);
  const ids = (e: 'contact' | 'company') => open.filter((d) => d.entity === e).map((d) => d.localId);
  return {
    only: new Set(open.map((d) => stateKey(d.entity, d.localId))),
    refs: leadRefsOfRecords(db, ids('contact'), ids('company')),
  };
}
