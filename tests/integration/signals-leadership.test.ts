/**
 * Leadership-change signals end to end over real HTTP (issue 13): the Apollo sandbox's people/match
 * serves employment histories from the signal timeline on its day, the real client reads them into
 * roles, and the signal reader turns a target-tier contact new in the role into a `leadership`
 * signal stored in SQLite — and an old-timer, or the same leader before their start day, into none.
 * (Ordinary turnover starts roles too: the old-timer is someone whose ordinary start is over a year back.)
 * Intent weighs it more when the ICP switches `leadershipChange` on; why-now names the role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIcpFile } from '../../main/domain/icp-io';
import type { Icp } from '../../main/domain/icp';
import { intentFor } from '../../main/domain/lead-intent';
import { createTitleClassifier } from '../../main/domain/titles';
import type { Company, RevealedPerson } from '../../main/domain/types';
import { contactLeadership, updateCompanySignals } from '../../main/pipeline/signal-reader';
import { createApolloProvider, type ApolloProvider } from '../../main/providers/apollo';
import { createNewsClient } from '../../main/providers/news';
import { startSignalsSandbox } from '../../main/sandbox/signals/server';
import { startSandboxServer, type SandboxServer } from '../../main/sandbox/server';
import { ordinaryRoleStart } from '../../main/sandbox/shapes';
import { apolloTimeline, dayToIso, getSignalWorld, roleSinceAt } from '../../main/sandbox/signals/timeline';
import type { WorldCompany, WorldPerson } from '../../main/sandbox/world';
import { upsertCompany } from '../../main/store';
import { listSignals } from '../../main/store/signals';
import { company as companyFixture, tempDb } from '../store/fixtures';

let day = 0;
let server: SandboxServer;
let apollo: ApolloProvider;
let icp: Icp;
let tierOf: (title: string) => string | null;
const noonOf = (d: number) => new Date(`${dayToIso(d)}T12:00:00Z`);

beforeAll(async () => {
  const r = await loadIcpFile('resources/icp/manufacturing-staffing.yaml');
  if (!r.ok) throw new Error('ICP did not load');
  icp = r.icp;
  const classifier = createTitleClassifier(icp);
  tierOf = (t) => classifier.classify(t).tier;
  server = await startSandboxServer({ seed: 42, scale: 0.05, limits: 'off', ...apolloTimeline(() => day) });
  apollo = createApolloProvider({ apiKey: 'leadership-test', baseUrl: server.url, retryBaseMs: 10 });
});
afterAll(async () => {
  await apollo.close();
  await server.close();
});

/** Target-tier people at their company: one the timeline made a leader in the last year, one never. */
function pickPeople() {
  const w = server.world;
  const sw = getSignalWorld(w);
  let fresh: { p: WorldPerson; c: WorldCompany; since: string } | null = null;
  let old: WorldPerson | null = null;
  for (const p of w.people) {
    if (!tierOf(p.title)) continue;
    const c = w.companies[p.companyIdx] as WorldCompany;
    const since = roleSinceAt(sw.of(c), p.id, 0);
    // An old-timer, and a leader whose role before the timeline's was one (ordinary start over a year back).
    const ordinary = ordinaryRoleStart(w, p);
    if (since && !fresh && since >= dayToIso(-300) && since <= dayToIso(-30) && ordinary < dayToIso(-700))
      fresh = { p, c, since };
    if (!since && ordinary < dayToIso(-400) && !sw.of(c).leaders.some((l) => l.personId === p.id)) old ??= p;
    if (fresh && old) break;
  }
  if (!fresh || !old) throw new Error('the world has no new leader or old-timer at target titles');
  return { fresh, old };
}

async function reveal(p: WorldPerson): Promise<RevealedPerson> {
  const res = await apollo.revealPerson({ providerId: p.id }, { campaignId: 1 });
  expect(res.data).not.toBeNull();
  return res.data!;
}

const asCompany = (c: WorldCompany): Company =>
  companyFixture({ providerId: c.id, name: c.name, domain: c.primary_domain, fundingEvents: [] });

describe('leadership change over real HTTP', () => {
  it('a revealed new leader gets the signal; an old-timer does not', async () => {
    day = 0;
    const { fresh, old } = pickPeople();
    const leader = await reveal(fresh.p);
    expect(leader.roles?.[0]).toMatchObject({ current: true, startDate: fresh.since, title: fresh.p.title });
    const now = noonOf(0);
    const [signal, ...rest] = contactLeadership(asCompany(fresh.c), [leader], { now, tierOf });
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({ kind: 'leadership', source: 'apollo', date: fresh.since });
    expect(signal!.label).toMatch(/^new /);
    expect(signal!.evidence).toMatch(new RegExp(`^New .+ \\(T[123]\\) since ${fresh.since.slice(0, 7)}`));

    const oldTimer = await reveal(old);
    expect(oldTimer.roles?.[0]?.current).toBe(true);
    const oldCompany = server.world.companies[old.companyIdx] as WorldCompany;
    expect(contactLeadership(asCompany(oldCompany), [oldTimer], { now, tierOf })).toEqual([]);
  });

  it('before the leader started (an earlier sandbox day) the same reveal shows no new role', async () => {
    const { fresh } = pickPeople();
    const startDay = Math.round((Date.parse(fresh.since) - Date.parse(dayToIso(0))) / 86_400_000);
    day = startDay - 1;
    try {
      const before = await reveal(fresh.p);
      expect(before.roles?.[0]?.startDate).not.toBe(fresh.since);
      expect(contactLeadership(asCompany(fresh.c), [before], { now: noonOf(day), tierOf })).toEqual([]);
    } finally {
      day = 0;
    }
  });

  it('stored as a leadership signal_event, kept by a later read without the contact, weighed by the ICP', async () => {
    const { fresh } = pickPeople();
    const { db } = tempDb();
    try {
      const c = asCompany(fresh.c);
      const id = upsertCompany(db, c, 'test');
      const now = noonOf(0);
      const leaders = contactLeadership(c, [await reveal(fresh.p)], { now, tierOf });
      const rc = {
        db,
        sources: { crunchbase: null, builtwith: null, news: null, now: async () => now },
        icp,
        leadProvider: 'sandbox',
        campaignId: 1,
        log: () => undefined,
      };
      await updateCompanySignals(rc, { id, company: c }, { now, withApollo: true, leaders });
      const stored = listSignals(db, id).filter((e) => e.kind === 'leadership');
      expect(stored.map((e) => [e.date, e.source, e.label])).toEqual([
        [fresh.since, 'apollo', leaders[0]!.label],
      ]);
      // A later batch at the company reveals someone else: the new leader stays.
      await updateCompanySignals(rc, { id, company: c }, { now, withApollo: true, leaders: [] });
      expect(listSignals(db, id).filter((e) => e.kind === 'leadership')).toHaveLength(1);

      const switches = { recentFunding: false, activelyHiring: false, techStackChange: false };
      const off = intentFor(stored, { ...icp, signals: { ...switches, leadershipChange: false } }, now);
      const on = intentFor(stored, { ...icp, signals: { ...switches, leadershipChange: true } }, now);
      expect(off.score).toBeGreaterThan(0);
      expect(on.score).toBeGreaterThan(off.score);
      expect(on.whyNow).toContain(leaders[0]!.label);
    } finally {
      db.close();
    }
  });

  it('a watched company’s new executive in the news shows on a later refresh, with no paid call', async () => {
    const w = server.world;
    const sw = getSignalWorld(w);
    // A company whose news announces a new executive 10–40 days after the reference day.
    const c = w.companies.find((x) =>
      sw.of(x).news.some((n) => n.topic === 'leadership' && n.day >= 10 && n.day <= 40),
    );
    if (!c) throw new Error('no announced leader in the world');
    // One clock for the sandbox's windows and the client, moved past News's once-a-minute per query.
    let offsetMs = 0;
    const clock = () => Date.now() + offsetMs;
    const signals = await startSignalsSandbox({ world: w, clock });
    const news = createNewsClient({ baseUrl: signals.newsUrl, minIntervalMs: 0, clock });
    const { db } = tempDb();
    try {
      const company = asCompany(c);
      const id = upsertCompany(db, company, 'test');
      const rc = (d: number) => ({
        db,
        sources: { crunchbase: null, builtwith: null, news, now: async () => noonOf(d) },
        icp,
        leadProvider: 'sandbox',
        campaignId: 1,
        log: () => undefined,
      });
      const leadership = () => listSignals(db, id).filter((e) => e.kind === 'leadership');
      await updateCompanySignals(rc(0), { id, company }, { now: noonOf(0), withApollo: false });
      const before = leadership().filter((e) => e.date > dayToIso(0));
      expect(before).toEqual([]);
      signals.advanceDays(41);
      offsetMs += 120_000;
      const u = await updateCompanySignals(rc(41), { id, company }, { now: noonOf(41), withApollo: false });
      expect(u.failed).toEqual([]);
      const gained = u.change.gained.filter((e) => e.kind === 'leadership');
      expect(gained.length).toBeGreaterThan(0);
      expect(gained[0]).toMatchObject({ source: 'news' });
      expect(gained[0]!.label).toMatch(/^new /);
      expect(db.prepare('SELECT COUNT(*) AS n FROM credit_ledger').get()).toEqual({ n: 0 });
    } finally {
      db.close();
      await news.close();
      await signals.close();
    }
  });
});
