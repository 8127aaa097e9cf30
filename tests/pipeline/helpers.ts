/** A real SQLite file, a real Apollo client over HTTP to a scripted peer, and a batch context. */
import { IcpSchema, type Icp } from '../../main/domain/icp';
import { createTitleClassifier } from '../../main/domain/titles';
import type { CandidatePerson } from '../../main/domain/types';
import { CompanyDirectory } from '../../main/pipeline/directory';
import { PaidGate } from '../../main/pipeline/paid-gate';
import { SemanticFilter } from '../../main/pipeline/semantic-filter';
import type { BatchContext } from '../../main/pipeline/stages';
import { createApolloProvider, type ApolloProvider } from '../../main/providers/apollo';
import type { ScriptedPeer } from '../providers/scripted-peer';
import {
  addCandidates,
  createCampaign,
  listEvents,
  nextCandidates,
  type CandidateRow,
  type Db,
} from '../../main/store';
import { tempDb } from '../store/fixtures';
import type { ScriptedPerson } from './scripted-apollo';

export function pipelineIcp(targets: { T1: number; T2: number; T3: number } = { T1: 2, T2: 2, T3: 1 }): Icp {
  return IcpSchema.parse({
    name: 'Pipeline test',
    tiers: {
      T1: { target: targets.T1, titles: ['COO', 'VP Operations', 'Plant Head'] },
      T2: { target: targets.T2, titles: ['CHRO', 'VP HR', 'HR Manager'] },
      T3: { target: targets.T3, titles: ['Recruiter'] },
    },
    industries: ['Automotive', 'Chemicals'],
    locations: ['USA'],
    companySize: { min: 200, max: 10000 },
  });
}

export interface Harness {
  db: Db;
  file: string;
  campaignId: number;
  provider: ApolloProvider;
  ctx: BatchContext;
  /** Queues the people as the free search would (T1's queue unless told). */
  queue(
    people: ScriptedPerson[],
    orgNames: Record<string, string>,
    tier?: 'T1' | 'T2' | 'T3',
  ): CandidateRow[];
  activity(): string[];
  close(): Promise<void>;
}

const UNLIMITED = { enrichment: { perMinute: 1e9 }, other: { perMinute: 1e9 } };

export function harness(peer: ScriptedPeer, icp: Icp = pipelineIcp()): Harness {
  const { db, file } = tempDb();
  const campaignId = createCampaign(db, { icp, budget: null, sandbox: true, sandboxSeed: 1, estimate: null });
  const provider = createApolloProvider({
    apiKey: 'test-key',
    baseUrl: peer.url,
    limits: UNLIMITED,
    maxRetries: 0,
    retryBaseMs: 1,
  });
  const gate = new PaidGate({ db, provider, campaignId, budget: null });
  const lines: string[] = [];
  const ctx: BatchContext = {
    db,
    campaignId,
    icp,
    classifier: createTitleClassifier(icp),
    gate,
    directory: new CompanyDirectory(gate, icp),
    prefilter: new SemanticFilter(icp, null), // rules and facts only: no model needed here
    providerName: provider.name,
    concurrency: 4,
    reserved: { T1: 0, T2: 0, T3: 0 },
    colleagues: new Map(),
    log: (_level, message) => lines.push(message),
  };
  return {
    db,
    file,
    campaignId,
    provider,
    ctx,
    queue(people, orgNames, tier = 'T1') {
      const persons: CandidatePerson[] = people.map((p) => ({
        providerId: p.id,
        firstName: p.first,
        lastName: `${p.last[0]}***`,
        title: p.title,
        organizationId: null,
        organizationName: orgNames[p.orgId]!,
        organizationDomain: null,
        hasEmail: true,
      }));
      addCandidates(db, campaignId, tier, persons);
      return nextCandidates(db, campaignId, tier, ['new', 'enriched', 'revealed'], 100);
    },
    activity: () => [...lines, ...listEvents(db, campaignId, 1000).map((e) => e.message)],
    async close() {
      await provider.close();
      db.close();
    },
  };
}
