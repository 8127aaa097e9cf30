/**
 * `watch …` and `signals …` (issue 13), clients of the contract like the rest of the CLI:
 *   watch add lead <id> | watch add company <id> | watch remove lead|company <id> | watch list
 *   watch refresh      one JSON line per lead whose company gained or lost signals, then a summary
 *   alerts [--all]     the inbox
 *   signals <campaignId>   one JSON line per lead: intent, band, why now and the signals behind it
 */
import type { Engine } from '../engine';
import type { WatchTarget } from '../shared/watch';

export const WATCH_USAGE = `  npm run cli -- watch add|remove lead|company <id> --db <path>
  npm run cli -- watch list --db <path>
  npm run cli -- watch refresh --db <path> [--sandbox]   (JSON line per lead whose signals moved, then a summary)
  npm run cli -- alerts --db <path>
  npm run cli -- signals <campaignId> --db <path>   (JSON line per lead: signals, intent, band, why now)`;

type Out = (obj: unknown) => void;

/** The target named by `lead 12` or `company 3`, or a sentence saying what is wrong. */
export function parseTarget(kind: string | undefined, id: string | undefined): WatchTarget | string {
  const n = Number(id);
  if (kind !== 'lead' && kind !== 'company')
    return `say what to watch: "lead <id>" or "company <id>" (got "${kind ?? ''}")`;
  if (!Number.isInteger(n) || n <= 0) return `the ${kind} id must be a whole number > 0 (got "${id ?? ''}")`;
  return kind === 'lead' ? { leadId: n } : { companyId: n };
}

async function runWatch(engine: Engine, args: string[], out: Out): Promise<number | string> {
  const [sub, kind, id] = args;
  const h = engine.handlers;
  switch (sub) {
    case 'add':
    case 'remove': {
      const t = parseTarget(kind, id);
      if (typeof t === 'string') return t;
      out(sub === 'add' ? await h['watch/add'](t) : await h['watch/remove'](t));
      return 0;
    }
    case 'list':
      for (const w of await h['watch/list']()) out(w);
      return 0;
    case 'refresh': {
      const r = await h['watch/refresh']();
      for (const c of r.changes) out(c);
      out({
        refreshed: { readFor: r.readFor, companies: r.companies, leads: r.leads },
        changed: r.changes.length,
        alerts: r.alerts.length,
        failed: r.failed,
      });
      return 0;
    }
    default:
      return `watch needs add, remove, list or refresh (got "${sub ?? ''}")`;
  }
}

async function runAlerts(engine: Engine, all: boolean, out: Out): Promise<number> {
  for (const a of await engine.handlers['alerts/list']({ all })) out(a);
  return 0;
}

async function runSignals(engine: Engine, campaignId: number, out: Out): Promise<number> {
  for (let offset = 0; ; offset += 500) {
    const page = await engine.handlers['leads/list']({ campaignId, offset, limit: 500 });
    for (const l of page.rows)
      out({
        leadId: l.id,
        lead: `${l.contact.firstName} ${l.contact.lastName}, ${l.contact.title} at ${l.company.name}`,
        intent: l.score.intent,
        total: l.score.total,
        band: l.score.band,
        whyNow: l.score.whyNow ?? '',
        signals: l.score.breakdown.filter((i) => i.component === 'intent'),
      });
    if (offset + page.rows.length >= page.total || page.rows.length === 0) return 0;
  }
}

const out: Out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

/** Runs `watch …`, `alerts` or `signals …` on an engine it opens and closes; returns the exit code. */
export async function runWatchCommand(
  command: 'watch' | 'alerts' | 'signals',
  positionals: string[],
  all: boolean,
  open: () => Promise<Engine>,
): Promise<number> {
  const campaignId = Number(positionals[0]);
  if (command === 'signals' && !(Number.isInteger(campaignId) && campaignId > 0)) {
    process.stderr.write(`error: usage: signals <campaignId> --db <path> (got "${positionals[0] ?? ''}")\n`);
    return 2;
  }
  const engine = await open();
  try {
    if (command === 'alerts') return await runAlerts(engine, all, out);
    if (command === 'signals') return await runSignals(engine, campaignId, out);
    const r = await runWatch(engine, positionals, out);
    if (typeof r === 'number') return r;
    process.stderr.write(`error: ${r}\n`);
    return 2;
  } finally {
    await engine.close();
  }
}
