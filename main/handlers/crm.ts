/**
 * The CRM and outreach handlers: HubSpot sync (push, dead letters, retry), BANT, briefs,
 * sequences and outreach events. The work lives in main/crm/ and the domain; this only joins it
 * to the engine's services and turns a refused token into CRM_AUTH.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CrmPushResult } from '../crm/contract';
import { deadLetterViews, retryScope } from '../crm/dead-letters';
import { bantOf, briefOf, briefsFor, importOutreach, leadOrThrow, logOutreach } from '../crm/lead-views';
import { syncToHubSpot, type SyncRun } from '../crm/sync';
import { previewSequence, sequenceCsv, type Sender } from '../domain/sequences';
import { writeBriefPdf } from '../export/brief-pdf';
import { isProviderError } from '../providers/errors';
import type { CrmTarget } from '../services/crm';
import { AppError } from '../shared/errors';
import { campaignLeadRefs, lastSyncAt, outreachEvents } from '../store/crm';
import { allLeads, getCampaign } from '../store';
import type { HandlersOf, Services } from './services';

type CrmHandlerMap = HandlersOf<'crm'> &
  HandlersOf<'lead'> &
  HandlersOf<'brief'> &
  HandlersOf<'sequence'> &
  HandlersOf<'outreach'>;

const DEFAULT_SENDER: Sender = { name: 'Your name', company: 'Your company' };

function resultOf(run: SyncRun, sandbox: boolean, views: CrmPushResult['deadLetters']): CrmPushResult {
  const c = run.outcome.counts;
  const where = sandbox
    ? 'the built-in sandbox HubSpot (no HubSpot token is stored, or --sandbox: synthetic, on this computer)'
    : 'HubSpot';
  const skipped = c.skipped + run.unsyncable;
  return {
    ...c,
    skipped,
    sandbox,
    deadLetters: views,
    propertiesCreated: run.outcome.propertiesCreated,
    message:
      `Synced to ${where}: ${c.created} created, ${c.updated} updated, ${c.merged} merged into existing records, ` +
      `${skipped} unchanged or not syncable${run.unsyncable ? ` (${run.unsyncable} leads without an email or company domain)` : ''}, ` +
      `${c.failed} failed${c.failed ? ' (in the dead-letter list, retryable)' : ''}.`,
  };
}

function writeFile(path: string, text: string): number {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return Buffer.byteLength(text);
  } catch (err) {
    throw new AppError('EXPORT_PATH', `Cannot write ${path}: ${(err as Error).message}`);
  }
}

export function crmHandlers(s: Pick<Services, 'db' | 'crm' | 'logger'>): CrmHandlerMap {
  return { ...syncHandlers(s), ...leadDocumentHandlers(s.db) };
}

type SyncMethods = 'crm/status' | 'crm/push' | 'crm/deadLetters' | 'crm/retry';

/** Pushing to HubSpot (or its sandbox), the dead letters and their retry. */
function syncHandlers(s: Pick<Services, 'db' | 'crm' | 'logger'>): Pick<CrmHandlerMap, SyncMethods> {
  const { db, crm, logger } = s;

  async function run(
    sandbox: boolean | undefined,
    work: (client: () => Promise<CrmTarget['client']>, provider: CrmTarget['provider']) => Promise<SyncRun>,
  ): Promise<CrmPushResult> {
    const provider = await crm.provider(sandbox);
    let t: CrmTarget | null = null;
    const client = async () => (t ??= await crm.target(sandbox)).client;
    const isSandbox = provider === 'hubspot-sandbox';
    try {
      const r = await work(client, provider);
      if (t) await crm.persist(t);
      const out = resultOf(r, isSandbox, deadLetterViews(db, provider));
      logger.info(`crm push (${provider}): ${out.message}`);
      return out;
    } catch (err) {
      if (t) await crm.persist(t);
      if (isProviderError(err) && err.code === 'AUTH') throw new AppError('CRM_AUTH', err.message);
      if (isProviderError(err)) throw new AppError('CRM_SYNC_FAILED', err.message);
      throw err;
    }
  }

  return {
    'crm/status': async (args) => {
      const provider = await crm.provider(args?.sandbox);
      const tokenStored = !!(await crm.token());
      const dead = deadLetterViews(db, provider).length;
      return {
        provider: 'hubspot',
        tokenStored,
        sandbox: provider === 'hubspot-sandbox',
        lastSyncAt: lastSyncAt(db, provider),
        deadLetters: dead,
        message: tokenStored
          ? 'Pushes go to your HubSpot account (private-app token in the OS keychain).'
          : 'No HubSpot token is stored: pushes go to the built-in sandbox HubSpot (synthetic, on this computer).',
      };
    },
    'crm/push': async ({ campaignId, sandbox }) => {
      if (!getCampaign(db, campaignId)) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
      return run(sandbox, (client, provider) =>
        syncToHubSpot(db, client, provider, campaignLeadRefs(db, campaignId)),
      );
    },
    'crm/deadLetters': async (args) => deadLetterViews(db, await crm.provider(args?.sandbox)),
    'crm/retry': async (args) => {
      return run(args?.sandbox, (client, provider) => {
        const { only, refs } = retryScope(db, provider);
        return syncToHubSpot(db, client, provider, refs, { only });
      });
    },
  };
}

/** BANT, briefs, sequences and outreach events: read from the leads we hold, no network. */
function leadDocumentHandlers(db: Services['db']): Omit<CrmHandlerMap, SyncMethods> {
  return {
    'lead/bant': async ({ leadId }) => bantOf(leadOrThrow(db, leadId)),
    'lead/brief': async ({ leadId }) => {
      const lead = leadOrThrow(db, leadId);
      return { leadId, markdown: briefOf(db, lead), bant: bantOf(lead) };
    },
    'lead/sequence': async ({ leadId, sender }) =>
      previewSequence(leadOrThrow(db, leadId), sender ?? DEFAULT_SENDER),
    'brief/export': async ({ format, path, ...target }) => {
      const { markdown, leads } = briefsFor(db, target);
      if (format === 'md') return { path, leads, bytes: writeFile(path, markdown) };
      try {
        mkdirSync(dirname(path), { recursive: true });
        return { path, leads, bytes: await writeBriefPdf(markdown, path) };
      } catch (err) {
        throw new AppError('EXPORT_PATH', `Cannot write ${path}: ${(err as Error).message}`);
      }
    },
    'sequence/export': async ({ campaignId, path, tier, sender }) => {
      if (!getCampaign(db, campaignId)) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
      const leads = allLeads(db, campaignId).filter((l) => !tier || l.tier === tier);
      const csv = await sequenceCsv(leads, sender ?? DEFAULT_SENDER);
      writeFile(path, csv);
      return {
        path,
        rows: leads.reduce((n, l) => n + previewSequence(l, sender ?? DEFAULT_SENDER).length, 0),
      };
    },
    'outreach/list': async ({ leadId }) => {
      leadOrThrow(db, leadId);
      return outreachEvents(db, leadId);
    },
    'outreach/log': async ({ leadId, kind, channel, step, at, note }) =>
      logOutreach(db, {
        leadId,
        kind,
        channel: channel ?? 'email',
        step: step ?? null,
        at: at ?? new Date().toISOString(),
        note: note ?? '',
      }),
    'outreach/import': async ({ campaignId, csv }) => {
      if (!getCampaign(db, campaignId)) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
      return importOutreach(db, campaignId, csv);
    },
  };
}
