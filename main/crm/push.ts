/**
 * Pushes a sync plan to HubSpot. Per entity, in rounds: search what the CRM already holds (by
 * domain, by email), merge into it or create, and keep what failed for a later round. A record ends
 * synced (with its CRM id and content hash) or in the dead-letter list with the reason — never both,
 * never lost. Companies go first so contacts can be associated to them.
 */
import { isProviderError, type ProviderError } from '../providers/errors';
import type { HubSpotClient, HubSpotRecord } from '../providers/hubspot';
import { HUBSPOT_BATCH_MAX } from '../providers/hubspot';
import { stateKey, type PlannedRecord, type StateKey, type SyncPlan, type SyncState } from './plan';
import { LEAD_STUDIO_PROPERTIES, type CrmEntity } from './records';

export interface Counts {
  created: number;
  updated: number;
  merged: number;
  skipped: number;
  failed: number;
}

export interface SyncedRecord extends SyncState {
  entity: CrmEntity;
  localId: number;
  verdict: Verdict;
}

export interface DeadLetter {
  entity: CrmEntity;
  localId: number;
  code: string;
  message: string;
  /** The CRM refused the record itself (a fix is needed); false = it may simply work next time. */
  permanent: boolean;
}

export interface PushOutcome {
  counts: Counts;
  byEntity: Record<CrmEntity, Counts>;
  synced: SyncedRecord[];
  deadLetters: DeadLetter[];
  propertiesCreated: string[];
}

export interface PushOptions {
  /** Rounds per entity before what still fails goes to the dead-letter list. Default 3. */
  maxRounds?: number;
  signal?: AbortSignal;
}

const zero = (): Counts => ({ created: 0, updated: 0, merged: 0, skipped: 0, failed: 0 });

export type Verdict = 'created' | 'updated' | 'merged';

interface BatchResult<T> {
  ok: [T, HubSpotRecord][];
  transient: [T, ProviderError][];
  permanent: [T, ProviderError][];
}

/** A refused batch is split until the records HubSpot refuses are alone; anything else fails as a whole. */
async function writeBatch<T>(
  items: T[],
  send: (items: T[]) => Promise<HubSpotRecord[]>,
  match: (item: T, results: HubSpotRecord[]) => HubSpotRecord | undefined,
): Promise<BatchResult<T>> {
  const out: BatchResult<T> = { ok: [], transient: [], permanent: [] };
  if (!items.length) return out;
  try {
    const results = await send(items);
    for (const item of items) {
      const r = match(item, results);
      if (r) out.ok.push([item, r]);
      else out.transient.push([item, missingResult()]);
    }
  } catch (err) {
    if (!isProviderError(err) || err.code === 'AUTH' || err.code === 'ABORTED') throw err;
    if (err.code !== 'BAD_REQUEST') out.transient.push(...items.map((i): [T, ProviderError] => [i, err]));
    else if (items.length === 1) out.permanent.push([items[0]!, err]);
    else {
      const mid = Math.ceil(items.length / 2);
      for (const half of [items.slice(0, mid), items.slice(mid)]) {
        const r = await writeBatch(half, send, match);
        out.ok.push(...r.ok);
        out.transient.push(...r.transient);
        out.permanent.push(...r.permanent);
      }
    }
  }
  return out;
}

function missingResult(): ProviderError {
  return {
    code: 'BAD_RESPONSE',
    message: 'HubSpot answered the batch without this record.',
  } as ProviderError;
}

async function inBatches<T>(
  items: T[],
  send: (items: T[]) => Promise<HubSpotRecord[]>,
  match: (item: T, results: HubSpotRecord[]) => HubSpotRecord | undefined,
): Promise<BatchResult<T>> {
  const all: BatchResult<T> = { ok: [], transient: [], permanent: [] };
  for (let i = 0; i < items.length; i += HUBSPOT_BATCH_MAX) {
    const r = await writeBatch(items.slice(i, i + HUBSPOT_BATCH_MAX), send, match);
    all.ok.push(...r.ok);
    all.transient.push(...r.transient);
    all.permanent.push(...r.permanent);
  }
  return all;
}

/** Ours to overwrite when we created the record; on a record someone else made, only fill blanks. */
export function mergedProperties(p: PlannedRecord, existing: HubSpotRecord | undefined, ours: boolean) {
  const out: Record<string, string> = { ...p.draft.owned };
  for (const [k, v] of Object.entries(p.draft.standard))
    if (!existing || ours || !existing.properties[k]?.trim()) out[k] = v;
  return out;
}

/** The oldest record per key: when a CRM already holds duplicates, we merge into the first one. */
function oldestByKey(records: HubSpotRecord[], property: string): Map<string, HubSpotRecord> {
  const out = new Map<string, HubSpotRecord>();
  for (const r of [...records].sort((a, b) => Number(a.id) - Number(b.id))) {
    const k = (r.properties[property] ?? '').trim().toLowerCase();
    if (k && !out.has(k)) out.set(k, r);
  }
  return out;
}

interface EntityRun {
  entity: CrmEntity;
  keyProperty: 'domain' | 'email';
  /** Writes one round's records, given what the search found. */
  write(
    items: { p: PlannedRecord; existing: HubSpotRecord | undefined; ours: boolean }[],
  ): Promise<BatchResult<{ p: PlannedRecord; existing: HubSpotRecord | undefined; ours: boolean }>>;
}

async function runEntity(
  client: HubSpotClient,
  run: EntityRun,
  plan: SyncPlan,
  outcome: PushOutcome,
  opts: Required<Pick<PushOptions, 'maxRounds'>> & PushOptions,
): Promise<Map<number, string>> {
  outcome.byEntity[run.entity].skipped += plan.skipped.length;
  const ids = new Map<number, string>();
  const attemptedCreate = new Set<number>();
  let pending = plan.push;
  let lastError = new Map<number, ProviderError>();
  for (let round = 0; round < opts.maxRounds && pending.length; round++) {
    let found: Map<string, HubSpotRecord>;
    try {
      const keys = pending.map((p) => p.draft.key);
      found = oldestByKey(
        await client.searchBy(
          `${run.entity === 'contact' ? 'contacts' : 'companies'}`,
          run.keyProperty,
          keys,
          [...Object.keys(pending[0]!.draft.standard), 'email', 'domain'],
          opts.signal,
        ),
        run.keyProperty,
      );
    } catch (err) {
      if (!isProviderError(err) || err.code === 'AUTH' || err.code === 'ABORTED') throw err;
      lastError = new Map(pending.map((p) => [p.draft.localId, err]));
      continue;
    }
    const items = pending.map((p) => {
      const existing = found.get(p.draft.key);
      const ours =
        !!existing &&
        ((p.previous?.crmId === existing.id && p.previous.origin === 'created') ||
          attemptedCreate.has(p.draft.localId));
      return { p, existing, ours };
    });
    for (const i of items) if (!i.existing) attemptedCreate.add(i.p.draft.localId);
    const r = await run.write(items);
    for (const [i, rec] of r.ok) {
      const created = !i.existing
        ? rec.isNew !== false
        : attemptedCreate.has(i.p.draft.localId) && !i.p.previous;
      const verdict: Verdict = created
        ? 'created'
        : i.p.previous?.crmId === rec.id || i.ours
          ? 'updated'
          : 'merged';
      const origin =
        verdict === 'created' || (verdict === 'updated' && i.p.previous?.origin !== 'merged')
          ? 'created'
          : 'merged';
      outcome.synced.push({
        entity: run.entity,
        localId: i.p.draft.localId,
        crmId: rec.id,
        hash: i.p.hash,
        origin,
        verdict,
      });
      ids.set(i.p.draft.localId, rec.id);
    }
    for (const [i, err] of r.permanent) dead(outcome, run.entity, i.p.draft.localId, err, true);
    lastError = new Map(r.transient.map(([i, err]) => [i.p.draft.localId, err]));
    pending = r.transient.map(([i]) => i.p);
  }
  for (const p of pending) dead(outcome, run.entity, p.draft.localId, lastError.get(p.draft.localId), false);
  return ids;
}

function dead(
  outcome: PushOutcome,
  entity: CrmEntity,
  localId: number,
  err: ProviderError | undefined,
  permanent: boolean,
) {
  outcome.deadLetters.push({
    entity,
    localId,
    code: err?.code ?? 'UNAVAILABLE',
    message: err?.message ?? 'HubSpot did not answer.',
    permanent,
  });
}

/** Our custom fields must exist before a contact carries them; until they do, contacts wait. */
async function ensureOurProperties(
  client: HubSpotClient,
  outcome: PushOutcome,
  opts: PushOptions,
): Promise<ProviderError | null> {
  try {
    outcome.propertiesCreated = await client.ensureProperties(
      'contacts',
      LEAD_STUDIO_PROPERTIES,
      opts.signal,
    );
    return null;
  } catch (err) {
    if (!isProviderError(err) || err.code === 'AUTH' || err.code === 'ABORTED') throw err;
    return err;
  }
}

export async function pushToHubSpot(
  client: HubSpotClient,
  plans: { companies: SyncPlan; contacts: SyncPlan },
  /** CRM ids of companies already synced (for contacts whose company is skipped). */
  knownCompanyIds: ReadonlyMap<number, string>,
  options: PushOptions = {},
): Promise<PushOutcome> {
  const opts = { maxRounds: 3, ...options };
  const outcome: PushOutcome = {
    counts: zero(),
    byEntity: { contact: zero(), company: zero() },
    synced: [],
    deadLetters: [],
    propertiesCreated: [],
  };
  const propertiesError = plans.contacts.push.length
    ? await ensureOurProperties(client, outcome, opts)
    : null;
  const companyIds = new Map(knownCompanyIds);
  const byDomain = (results: HubSpotRecord[], key: string) =>
    results.find((x) => x.properties.domain === key);
  const newIds = await runEntity(
    client,
    {
      entity: 'company',
      keyProperty: 'domain',
      async write(items) {
        const existing = items.filter((i) => i.existing);
        const fresh = items.filter((i) => !i.existing);
        const u = await inBatches(
          existing,
          (b) =>
            client.update(
              'companies',
              b.map((i) => ({ id: i.existing!.id, properties: mergedProperties(i.p, i.existing, i.ours) })),
              opts.signal,
            ),
          (i, rs) => rs.find((x) => x.id === i.existing!.id),
        );
        const c = await inBatches(
          fresh,
          (b) =>
            client.create(
              'companies',
              b.map((i) => mergedProperties(i.p, undefined, true)),
              opts.signal,
            ),
          (i, rs) => byDomain(rs, i.p.draft.key),
        );
        return {
          ok: [...u.ok, ...c.ok],
          transient: [...u.transient, ...c.transient],
          permanent: [...u.permanent, ...c.permanent],
        };
      },
    },
    plans.companies,
    outcome,
    opts,
  );
  for (const [k, v] of newIds) companyIds.set(k, v);
  if (propertiesError)
    for (const p of plans.contacts.push) dead(outcome, 'contact', p.draft.localId, propertiesError, false);
  else await pushContacts(client, plans.contacts, companyIds, outcome, opts);
  for (const r of outcome.synced) outcome.byEntity[r.entity][r.verdict] += 1;
  for (const d of outcome.deadLetters) outcome.byEntity[d.entity].failed += 1;
  for (const c of [outcome.byEntity.company, outcome.byEntity.contact])
    for (const k of Object.keys(c) as (keyof Counts)[]) outcome.counts[k] += c[k];
  return outcome;
}

async function pushContacts(
  client: HubSpotClient,
  plan: SyncPlan,
  companyIds: ReadonlyMap<number, string>,
  outcome: PushOutcome,
  opts: Required<Pick<PushOptions, 'maxRounds'>> & PushOptions,
): Promise<void> {
  // A contact whose company is not in the CRM would end up unassociated: it waits for its company.
  const ready = plan.push.filter((p) => companyIds.has(p.draft.companyLocalId!));
  for (const p of plan.push.filter((x) => !companyIds.has(x.draft.companyLocalId!)))
    dead(
      outcome,
      'contact',
      p.draft.localId,
      {
        code: 'UNAVAILABLE',
        message: 'Its company could not be synced yet; it will be pushed with it.',
      } as ProviderError,
      false,
    );
  const before = outcome.synced.length;
  await runEntity(
    client,
    {
      entity: 'contact',
      keyProperty: 'email',
      write: (items) =>
        inBatches(
          items,
          (b) =>
            client.upsertContacts(
              b.map((i) => ({ email: i.p.draft.key, properties: mergedProperties(i.p, i.existing, i.ours) })),
              opts.signal,
            ),
          (i, rs) => rs.find((x) => (x.properties.email ?? '').toLowerCase() === i.p.draft.key),
        ),
    },
    { push: ready, skipped: plan.skipped },
    outcome,
    opts,
  );
  await associate(client, outcome, before, ready, companyIds, opts);
}

/** Associations are idempotent; a contact whose association failed is not recorded as synced. */
async function associate(
  client: HubSpotClient,
  outcome: PushOutcome,
  from: number,
  ready: PlannedRecord[],
  companyIds: ReadonlyMap<number, string>,
  opts: PushOptions,
): Promise<void> {
  const company = new Map(ready.map((p) => [p.draft.localId, companyIds.get(p.draft.companyLocalId!)!]));
  const synced = outcome.synced.slice(from).filter((s) => s.entity === 'contact');
  for (let i = 0; i < synced.length; i += HUBSPOT_BATCH_MAX) {
    const batch = synced.slice(i, i + HUBSPOT_BATCH_MAX);
    try {
      await client.associateContactsToCompanies(
        batch.map((s) => ({ contactId: s.crmId, companyId: company.get(s.localId)! })),
        opts.signal,
      );
    } catch (err) {
      if (!isProviderError(err) || err.code === 'AUTH' || err.code === 'ABORTED') throw err;
      const failed = new Set(batch.map((s) => stateKey('contact', s.localId)));
      outcome.synced = outcome.synced.filter((s) => !failed.has(stateKey(s.entity, s.localId) as StateKey));
      for (const s of batch) {
        dead(outcome, 'contact', s.localId, err, false);
      }
    }
  }
}
