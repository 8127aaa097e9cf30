/**
 * The watchlist's refresh (issue 13): re-reads the signals of every watched company (a watched
 * lead watches its company's signals), re-scores the leads there, keeps the history, and raises an
 * alert when a lead changes band or moves 10 points or more. Run on demand (button, CLI) and on a
 * schedule while the app runs.
 */
import { intentFor, isAlertWorthy, withIntent } from '../domain/lead-intent';
import type { SignalEvent } from '../domain/signals';
import type { Lead } from '../domain/types';
import { updateCompanySignals, type SignalSources } from '../pipeline/signal-reader';
import type { Logger } from '../secrets/redact';
import type { Alert, SignalBrief, WatchChange, WatchRefreshReport } from '../shared/watch';
import { getCampaign, getLead, type CampaignRow, type Db } from '../store';
import { addAlert, markWatchesRefreshed, rescoreLead, watchedLeads } from '../store/signals';
import type { EventBus } from './event-bus';
import type { SignalService } from './signals';

export interface WatchService {
  refresh(): Promise<WatchRefreshReport>;
  /** Refreshes every `intervalMs` until the returned function is called. */
  schedule(intervalMs: number): () => void;
}

const brief = (e: SignalEvent): SignalBrief => ({
  kind: e.kind,
  label: e.label,
  date: e.date,
  evidence: e.evidence,
  source: e.source,
});

const leadName = (l: Lead) =>
  `${l.contact.firstName} ${l.contact.lastName}, ${l.contact.title} at ${l.company.name}`;

interface CompanyGroup {
  companyId: number;
  leads: Lead[];
  campaign: CampaignRow;
}

function groupByCompany(db: Db): CompanyGroup[] {
  const groups = new Map<number, CompanyGroup>();
  for (const { leadId, companyId } of watchedLeads(db)) {
    const lead = getLead(db, leadId);
    if (!lead) continue;
    const g = groups.get(companyId);
    if (g) g.leads.push(lead);
    else {
      const campaign = getCampaign(db, lead.campaignId);
      if (campaign) groups.set(companyId, { companyId, leads: [lead], campaign });
    }
  }
  return [...groups.values()];
}

interface WatchDeps {
  db: Db;
  bus: EventBus;
  logger: Logger;
  signals: SignalService;
}

/** One watched company: its signals read again, each of its leads re-scored, alerts raised. */
async function refreshGroup(
  o: WatchDeps,
  g: CompanyGroup,
  sources: SignalSources,
  now: Date,
  report: WatchRefreshReport,
) {
  const { db } = o;
  const rc = {
    db,
    sources,
    icp: g.campaign.icp,
    leadProvider: 'apollo',
    campaignId: g.campaign.id,
    log: (level: 'info' | 'warn', m: string) => o.logger[level](`watch: ${m}`),
  };
  const u = await updateCompanySignals(
    rc,
    { id: g.companyId, company: g.leads[0]!.company },
    { now, withApollo: false },
  );
  for (const f of u.failed) report.failed.push({ company: g.leads[0]!.company.name, ...f });
  const moved = u.change.gained.length + u.change.lost.length > 0;
  for (const lead of g.leads) {
    const icp =
      lead.campaignId === g.campaign.id
        ? g.campaign.icp
        : (getCampaign(db, lead.campaignId)?.icp ?? g.campaign.icp);
    const next = withIntent(lead.score, intentFor(u.stored, icp, now));
    const before = lead.score;
    if (next.total !== before.total || next.intent !== before.intent || next.whyNow !== before.whyNow)
      rescoreLead(db, lead.id, next);
    const alerted = isAlertWorthy(before, next);
    const changes = { gained: u.change.gained.map(brief), lost: u.change.lost.map(brief) };
    if (alerted) {
      const alert: Alert = addAlert(db, {
        leadId: lead.id,
        old: { total: before.total, band: before.band },
        new: { total: next.total, band: next.band },
        whyNow: next.whyNow ?? '',
        changes,
      });
      report.alerts.push(alert);
      o.bus.emit('alerts/new', alert);
    }
    if (moved)
      report.changes.push({
        leadId: lead.id,
        lead: leadName(lead),
        company: lead.company.name,
        old: { total: before.total, band: before.band, intent: before.intent },
        new: { total: next.total, band: next.band, intent: next.intent },
        ...changes,
        whyNow: next.whyNow ?? '',
        alerted,
      } satisfies WatchChange);
  }
}

/** Re-reads every watched company's signals and re-scores its leads. */
async function refreshAll(o: WatchDeps): Promise<WatchRefreshReport> {
  const { db } = o;
  const groups = groupByCompany(db);
  const report: WatchRefreshReport = {
    readFor: '',
    companies: groups.length,
    leads: 0,
    changes: [],
    alerts: [],
    failed: [],
  };
  for (const g of groups) {
    report.leads += g.leads.length;
    const sources = await o.signals.forCampaign(g.campaign);
    const now = await sources.now();
    report.readFor = now.toISOString().slice(0, 10);
    await refreshGroup(o, g, sources, now, report);
  }
  markWatchesRefreshed(db);
  o.logger.info(
    `watch: refreshed ${report.companies} companies (${report.leads} leads): ${report.changes.length} changed, ${report.alerts.length} alerts`,
  );
  return report;
}

export function createWatchService(o: WatchDeps): WatchService {
  let running: Promise<WatchRefreshReport> | null = null;

  return {
    // One refresh at a time: a scheduled one and a button press share the same run.
    refresh() {
      running ??= refreshAll(o).finally(() => (running = null));
      return running;
    },
    schedule(intervalMs) {
      const timer = setInterval(() => {
        void this.refresh().catch((e: unknown) =>
          o.logger.warn(`watch: scheduled refresh failed: ${String(e)}`),
        );
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
