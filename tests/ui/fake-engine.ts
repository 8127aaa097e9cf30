/**
 * An in-memory EngineLike for iterating on the renderer and for host/transport tests and the table
 * benchmark. It is NOT the engine: the E2E test runs the real one (main/engine.ts).
 */
import { fakeCrmHandlers } from './fake-crm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import YAML from 'yaml';
import type {
  ActivityLine,
  CampaignDetail,
  CampaignProgress,
  EventName,
  Events,
  FieldIssue,
  Handlers,
  IcpCheck,
  TierCounters,
  ModelStatus,
} from '../../main/contract';
import { IcpSchema, TIERS, type Icp, type Tier } from '../../main/domain/icp';
import type { Lead } from '../../main/domain/types';
import { DEFAULT_WATERFALL, type WaterfallSettings } from '../../main/domain/email';
import { AppError } from '../../main/shared/errors';
import type { EngineLike } from '../../main/host/bridge';
import { makeLead } from './fake-leads';
import type { AuditEntry } from '../../main/privacy/contract';
import type { Alert, Watch } from '../../main/shared/watch';

export interface FakeEngine extends EngineLike {
  /** A completed campaign with `n` leads: generated here, or copied from `from` (ids/campaign rewritten). */
  seedCampaign(name: string, n: number, from?: Lead[]): number;
  close(): void;
}

function check(input: unknown): IcpCheck {
  const r = IcpSchema.safeParse(input);
  if (r.success) return { ok: true, icp: r.data };
  const issues: FieldIssue[] = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { ok: false, issues };
}

const TEMPLATE: Icp = IcpSchema.parse({
  name: 'Manufacturing staffing',
  tiers: {
    T1: { target: 200, titles: ['VP Operations', 'Plant Head'] },
    T2: { target: 200, titles: ['HR Manager', 'Director HR'] },
    T3: { target: 100, titles: ['Recruiter'] },
  },
  industries: ['Automotive', 'Electronics', 'Packaging'],
  locations: ['United States', 'India'],
  companySize: { min: 200, max: 10000 },
});

export function createFakeEngine(opts: { tickMs?: number; dataDir?: string } = {}): FakeEngine {
  const tickMs = opts.tickMs ?? 60;
  const listeners = new Map<EventName, Set<(p: never) => void>>();
  const emit = <E extends EventName>(e: E, p: Events[E]) => {
    for (const cb of listeners.get(e) ?? []) (cb as (p: Events[E]) => void)(p);
  };
  const campaigns = new Map<number, CampaignDetail>();
  const leads = new Map<number, Lead[]>();
  const activity = new Map<number, ActivityLine[]>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  let nextCampaign = 1;
  let nextLead = 1;
  let apolloKey = false;
  let waterfall: WaterfallSettings = { ...DEFAULT_WATERFALL, steps: [...DEFAULT_WATERFALL.steps] };

  const counters = (target: number): TierCounters => ({
    target,
    found: 0,
    filtered: 0,
    enriched: 0,
    validated: 0,
    saved: 0,
    rejected: 0,
    exhausted: false,
  });

  const log = (campaignId: number, message: string, level: ActivityLine['level'] = 'info') => {
    const line = { campaignId, at: new Date().toISOString(), level, message };
    activity.get(campaignId)!.push(line);
    emit('campaign/activity', line);
  };

  const create = (icp: Icp, budget: number | null): CampaignDetail => {
    const id = nextCampaign++;
    const targets = { T1: icp.tiers.T1.target, T2: icp.tiers.T2.target, T3: icp.tiers.T3.target };
    const progress: CampaignProgress = {
      campaignId: id,
      status: 'running',
      stage: 'queued',
      tier: null,
      tiers: { T1: counters(targets.T1), T2: counters(targets.T2), T3: counters(targets.T3) },
      creditsUsed: 0,
      budget,
      requests: 0,
      elapsedMs: 0,
      etaMs: null,
    };
    const detail: CampaignDetail = {
      id,
      name: icp.name,
      status: 'running',
      targets,
      saved: { T1: 0, T2: 0, T3: 0 },
      creditsUsed: 0,
      avgValidationScore: null,
      createdAt: new Date().toISOString(),
      completedAt: null,
      sandbox: !apolloKey,
      icp,
      estimate: null,
      progress,
    };
    campaigns.set(id, detail);
    leads.set(id, []);
    activity.set(id, []);
    return detail;
  };

  const addLead = (d: CampaignDetail, tier: Tier, template?: Lead) => {
    const id = nextLead++;
    const lead = template ? { ...template, id, campaignId: d.id } : makeLead(id, d.id, tier);
    tier = lead.tier;
    leads.get(d.id)!.push(lead);
    d.saved[tier] += 1;
    const n = leads.get(d.id)!.length;
    d.avgValidationScore = ((d.avgValidationScore ?? 0) * (n - 1) + lead.validation.score) / n;
    return lead;
  };

  const run = (d: CampaignDetail) => {
    const started = Date.now();
    log(d.id, `Campaign "${d.name}" started (fake engine)`);
    const timer = setInterval(() => {
      const p = d.progress!;
      if (p.status === 'paused') return;
      if (p.status !== 'running') return stop();
      const tier = TIERS.find((t) => p.tiers[t].saved < p.tiers[t].target);
      if (!tier) {
        p.status = 'completed';
        p.stage = 'done';
        p.tier = null;
        p.etaMs = 0;
        d.status = 'completed';
        d.completedAt = new Date().toISOString();
        log(d.id, 'Campaign complete');
        emit('campaign/progress', structuredClone(p));
        return stop();
      }
      const c = p.tiers[tier];
      p.tier = tier;
      p.stage = (['searching', 'filtering', 'enriching', 'validating', 'saving'] as const)[c.saved % 5]!;
      c.found += 3;
      c.filtered += 1;
      c.enriched += 2;
      c.validated += 2;
      c.rejected += 1;
      c.saved += 1;
      addLead(d, tier);
      p.creditsUsed += 2;
      d.creditsUsed = p.creditsUsed;
      p.requests += 3;
      p.elapsedMs = Date.now() - started;
      const done = TIERS.reduce((n, t) => n + p.tiers[t].saved, 0);
      const total = TIERS.reduce((n, t) => n + p.tiers[t].target, 0);
      p.etaMs = done ? Math.round((p.elapsedMs / done) * (total - done)) : null;
      if (c.saved % 3 === 1) log(d.id, `${tier}: saved lead ${c.saved}/${c.target}`);
      emit('campaign/progress', structuredClone(p));
    }, tickMs);
    timers.add(timer);
    const stop = () => {
      clearInterval(timer);
      timers.delete(timer);
    };
  };

  const get = (campaignId: number) => {
    const d = campaigns.get(campaignId);
    if (!d) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
    return d;
  };

  const summary = (d: CampaignDetail) => {
    const { icp: _i, estimate: _e, progress: _p, ...rest } = d;
    return structuredClone(rest);
  };

  const setStatus = (id: number, status: CampaignDetail['status']) => {
    const d = get(id);
    d.status = status;
    d.progress!.status = status;
    emit('campaign/progress', structuredClone(d.progress!));
    log(id, `Campaign ${status}`);
  };

  let model: ModelStatus = {
    state: 'missing',
    dir: '/tmp/lead-studio-fake/models/Xenova/all-MiniLM-L6-v2',
    progress: null,
    error: null,
  };

  let retentionDays = 90;
  const audit: AuditEntry[] = [];
  const addAuditEntry = (action: AuditEntry['action'], subject: string, count: number) =>
    audit.push({
      id: audit.length + 1,
      at: new Date().toISOString(),
      actor: 'tester via app',
      action,
      subject,
      count,
      detail: null,
    });

  const watches: Watch[] = [];
  let sandboxDay = 0;
  const dayDate = (d: number) => new Date(Date.UTC(2026, 10, 1 + d)).toISOString().slice(0, 10);
  const alerts: Alert[] = [];
  const handlers: Handlers = {
    'icp/validate': async (input) => check(input),
    'icp/templates': async () => [{ id: 'manufacturing-staffing', icp: TEMPLATE }],
    'icp/parse': async ({ text, format }) => {
      try {
        return check(format === 'json' ? JSON.parse(text) : YAML.parse(text));
      } catch (err) {
        return {
          ok: false,
          issues: [{ path: '', message: `not valid ${format}: ${(err as Error).message}` }],
        };
      }
    },
    'icp/serialize': async ({ icp, format }) =>
      format === 'json' ? JSON.stringify(icp, null, 2) : YAML.stringify(icp),
    'campaign/estimate': async (input) => {
      const icp = IcpSchema.parse(input);
      const perTier = Object.fromEntries(
        TIERS.map((t) => [t, { leads: icp.tiers[t].target, credits: icp.tiers[t].target * 2 }]),
      ) as Record<Tier, { leads: number; credits: number }>;
      const total = TIERS.reduce((n, t) => n + perTier[t].credits, 0);
      return {
        perTier,
        directory: 50,
        total: total + 50,
        basis: 'priors',
        note: 'About 2 credits per saved lead.',
      };
    },
    'campaign/start': async ({ icp, budget }) => {
      const c = check(icp);
      if (!c.ok) throw new AppError('INVALID_ICP', `The ICP is not valid: ${c.issues[0]!.message}`);
      const d = create(c.icp, budget ?? null);
      run(d);
      return { campaignId: d.id };
    },
    'campaign/pause': async ({ campaignId }) => setStatus(campaignId, 'paused'),
    'campaign/resume': async ({ campaignId }) => setStatus(campaignId, 'running'),
    'campaign/cancel': async ({ campaignId }) => setStatus(campaignId, 'cancelled'),
    'campaign/wait': async ({ campaignId }) => get(campaignId).status,
    'campaign/report': async () => {
      throw new AppError('NOT_FOUND', 'The fake engine keeps no campaign reports.');
    },
    'campaign/list': async () => [...campaigns.values()].reverse().map(summary),
    'campaign/get': async ({ campaignId }) => structuredClone(get(campaignId)),
    'campaign/activity': async ({ campaignId, limit }) =>
      (activity.get(campaignId) ?? []).slice(-(limit ?? 200)),
    'leads/list': async (q) => {
      let rows = leads.get(q.campaignId) ?? [];
      if (q.tier) rows = rows.filter((l) => l.tier === q.tier);
      if (q.emailStatus) rows = rows.filter((l) => l.emailStatus === q.emailStatus);
      const signal = q.signal;
      if (signal) rows = rows.filter((l) => (l.signals ?? []).some((k) => signal === 'any' || k === signal));
      const s = q.search?.toLowerCase();
      if (s) {
        rows = rows.filter((l) =>
          [l.company.name, l.contact.firstName, l.contact.lastName, l.contact.title, l.contact.email ?? '']
            .join(' ')
            .toLowerCase()
            .includes(s),
        );
      }
      const key = (l: Lead): string | number =>
        q.sort === 'validation'
          ? l.validation.score
          : q.sort === 'company'
            ? l.company.name
            : q.sort === 'contact'
              ? `${l.contact.firstName} ${l.contact.lastName}`
              : q.sort === 'createdAt'
                ? l.createdAt
                : l.score.total;
      rows = [...rows].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const c = x < y ? -1 : x > y ? 1 : a.id - b.id;
        return q.desc ? -c : c;
      });
      const offset = q.offset ?? 0;
      return { total: rows.length, rows: rows.slice(offset, offset + (q.limit ?? 100)) };
    },
    'leads/update': async ({ leadId, status, notes }) => {
      for (const list of leads.values()) {
        const lead = list.find((l) => l.id === leadId);
        if (lead) {
          if (status) lead.status = status;
          if (notes !== undefined) lead.notes = notes;
          return structuredClone(lead);
        }
      }
      throw new AppError('NOT_FOUND', `No lead with id ${leadId}.`);
    },
    'export/workbook': async ({ campaignId, path }) => {
      const rows = leads.get(campaignId) ?? [];
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, rows.map((l) => `${l.company.name},${l.contact.email ?? ''}`).join('\n'));
      return { path, rows: rows.length };
    },
    'settings/get': async () => ({
      sandbox: !apolloKey,
      keys: {
        apollo: { present: apolloKey },
        hunter: { present: false },
        hubspot: { present: false },
        crunchbase: { present: false },
        builtwith: { present: false },
      },
      dataDir: opts.dataDir ?? '/tmp/lead-studio-fake',
    }),
    'keys/set': async ({ key }) => {
      if (!key.trim()) throw new AppError('INVALID_KEY', 'The key is empty.');
      apolloKey = true;
    },
    'keys/delete': async () => {
      apolloKey = false;
    },
    'keys/test': async () => ({
      ok: apolloKey,
      message: apolloKey ? 'Apollo accepted the key.' : 'No key set.',
    }),
    'waterfall/get': async () => ({ ...waterfall, steps: [...waterfall.steps] }),
    'waterfall/set': async (patch) => {
      waterfall = { ...waterfall, ...patch };
      return { ...waterfall, steps: [...waterfall.steps] };
    },
    'privacy/status': async () => ({
      keyStore: 'keychain',
      unreadable: { contacts: 0, leads: 0, cache: 0 },
      unmatchableSuppressions: 0,
      suppressed: audit.filter((a) => a.action === 'erase.person').length,
      retentionDays,
      lastRetentionRun: null,
      message:
        'Contact emails, phones, LinkedIn URLs and notes are encrypted; the key is in the OS keychain.',
    }),
    'privacy/erase': async ({ leadId }) => {
      for (const rows of leads.values())
        for (const l of rows)
          if (l.id === leadId)
            l.contact = {
              ...l.contact,
              firstName: '[erased]',
              lastName: '',
              title: '',
              email: null,
              phone: null,
              linkedinUrl: null,
            };
      const report = {
        leads: 1,
        contacts: 1,
        candidates: 1,
        cacheEntries: 1,
        ledgerLines: 1,
        activityLines: 1,
        logLines: 1,
        vectors: 1,
        suppressed: 2,
      };
      addAuditEntry('erase.person', `1 person (by lead ${leadId})`, 1);
      return report;
    },
    'privacy/export-person': async ({ leadId }) => {
      addAuditEntry('export.person', '1 person', 1);
      return { path: `/tmp/lead-studio-fake/exports/person-${leadId}.json`, items: 3 };
    },
    'privacy/set-retention': async ({ days }) => {
      retentionDays = days;
      addAuditEntry('retention.setting', `${days} days`, days);
      return handlers['privacy/status']();
    },
    'privacy/retention': async ({ dryRun }) => ({
      dryRun,
      days: retentionDays,
      cutoff: new Date().toISOString(),
      contacts: 0,
      leads: 0,
      cacheEntries: 0,
    }),
    'audit/list': async () => structuredClone(audit).reverse(),
    'audit/export': async () => ({ path: '/tmp/lead-studio-fake/exports/audit.jsonl', rows: audit.length }),
    'model/status': async () => structuredClone(model),
    'knowledge/reindex': async () => ({ companies: 0, icps: 0 }),
    ...fakeCrmHandlers,
    // Watchlist: a refresh moves every watched lead up one band and alerts.
    'watch/add': async (t) => {
      const w = {
        id: watches.length + 1,
        leadId: 'leadId' in t ? t.leadId : null,
        companyId: 'companyId' in t ? t.companyId : null,
        name: `watch ${watches.length + 1}`,
        createdAt: new Date().toISOString(),
        refreshedAt: null,
      };
      if (!watches.some((x) => x.leadId === w.leadId && x.companyId === w.companyId)) watches.push(w);
      return structuredClone(w);
    },
    'watch/remove': async (t) => {
      const i = watches.findIndex((x) =>
        'leadId' in t ? x.leadId === t.leadId : x.companyId === t.companyId,
      );
      if (i >= 0) watches.splice(i, 1);
      return { removed: i >= 0 };
    },
    'watch/list': async () => structuredClone(watches),
    'watch/refresh': async () => {
      const made: Alert[] = watches
        .filter((w) => w.leadId !== null)
        .map((w) => ({
          id: alerts.length + 1,
          leadId: w.leadId!,
          lead: w.name,
          old: { total: 55, band: 'nurture' as const },
          new: { total: 72, band: 'warm' as const },
          whyNow: 'Series B 3 weeks ago',
          changes: {
            gained: [
              {
                kind: 'funding' as const,
                label: 'Series B',
                date: '2026-11-10',
                evidence: 'Series B of $20M',
                source: 'crunchbase',
              },
            ],
            lost: [],
          },
          createdAt: new Date().toISOString(),
          readAt: null,
        }));
      for (const a of made) {
        alerts.push(a);
        emit('alerts/new', structuredClone(a));
      }
      return {
        readFor: '2026-11-30',
        companies: watches.length,
        leads: watches.length,
        changes: [],
        alerts: made,
        failed: [],
      };
    },
    // The fake is always "sandbox": its day only moves the clock the UI shows.
    'sandbox/clock': async () => ({ day: sandboxDay, date: dayDate(sandboxDay) }),
    'sandbox/advanceClock': async ({ days }) => {
      sandboxDay += days;
      return { day: sandboxDay, date: dayDate(sandboxDay) };
    },
    'alerts/list': async (q) => structuredClone(alerts.filter((a) => q?.all || a.readAt === null)).reverse(),
    'alerts/read': async (a) => {
      let n = 0;
      for (const x of alerts) {
        if (x.readAt !== null || (a?.ids && !a.ids.includes(x.id))) continue;
        x.readAt = new Date().toISOString();
        n++;
      }
      return { read: n };
    },
    'model/download': async () => {
      const total = 22_928_619;
      for (const share of [0.25, 0.5, 1]) {
        model = {
          ...model,
          state: 'downloading',
          progress: {
            file: 'onnx/model_quantized.onnx',
            index: 4,
            files: 4,
            receivedBytes: total * share,
            totalBytes: total,
          },
        };
        emit('model/progress', structuredClone(model));
        await new Promise((r) => setTimeout(r, opts.tickMs ?? 50));
      }
      model = { ...model, state: 'ready', progress: null };
      emit('model/progress', structuredClone(model));
      return structuredClone(model);
    },
  };

  return {
    handlers,
    on(event, cb) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(cb as (p: never) => void);
      return () => set.delete(cb as (p: never) => void);
    },
    seedCampaign(name, n, from) {
      const d = create({ ...TEMPLATE, name }, null);
      d.status = 'completed';
      d.progress!.status = 'completed';
      d.progress!.stage = 'done';
      for (let i = 0; i < n; i++) addLead(d, TIERS[i % 3]!, from?.[i % from.length]);
      for (const t of TIERS) d.progress!.tiers[t].saved = d.saved[t];
      d.completedAt = new Date().toISOString();
      return d.id;
    },
    close() {
      for (const t of timers) clearInterval(t);
      timers.clear();
    },
  };
}
