/**
 * The Results screen's data: the campaign, the current lead query, and a sparse page cache so a
 * 10,000-row virtual table only ever holds the pages the user scrolled past.
 */
import { create } from 'zustand';
import type { CampaignDetail, LeadQuery, LeadSort } from '../../main/contract';
import type { LeadSignalFilter } from '../../main/shared/shapes';
import type { Tier } from '../../main/domain/icp';
import type { FinalEmailStatus, Lead, LeadStatus, ScoreBand } from '../../main/domain/types';
import { api } from '../api';

export const PAGE_SIZE = 100;
const TALLY_PAGE = 1000;

export interface ResultsFilter {
  tier: Tier | null;
  search: string;
  emailStatus: FinalEmailStatus | null;
  /** Only leads worth sending to (bounce risk low or medium). */
  deliverableOnly: boolean;
  /** Only leads whose company has buying signals (any, or of one kind). */
  signal: LeadSignalFilter | null;
  sort: LeadSort;
  desc: boolean;
}

export interface BandTally {
  bands: Record<ScoreBand, number>;
  avgScore: number | null;
}

interface ResultsState {
  campaignId: number | null;
  detail: CampaignDetail | null;
  filter: ResultsFilter;
  total: number | null;
  pages: Record<number, Lead[]>;
  /** Bumped on every query change; replies for an older generation are dropped. */
  generation: number;
  error: string | null;
  tally: BandTally | null;
  open(campaignId: number): Promise<void>;
  refreshDetail(): Promise<void>;
  setFilter(patch: Partial<ResultsFilter>): void;
  ensureRange(start: number, end: number): void;
  updateLead(leadId: number, patch: { status?: LeadStatus; notes?: string }): Promise<Lead>;
}

export const defaultFilter = (): ResultsFilter => ({
  tier: null,
  search: '',
  emailStatus: null,
  deliverableOnly: false,
  signal: null,
  sort: 'score',
  desc: true,
});

const inflight = new Set<string>();

export function queryFor(campaignId: number, f: ResultsFilter, page: number): LeadQuery {
  return {
    campaignId,
    ...(f.tier ? { tier: f.tier } : {}),
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
    ...(f.emailStatus ? { emailStatus: f.emailStatus } : {}),
    ...(f.deliverableOnly ? { deliverableOnly: true } : {}),
    ...(f.signal ? { signal: f.signal } : {}),
    sort: f.sort,
    desc: f.desc,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

export const useResults = create<ResultsState>()((set, get) => {
  const loadPage = async (page: number) => {
    const { campaignId, filter, generation } = get();
    if (campaignId === null) return;
    const key = `${generation}:${page}`;
    if (inflight.has(key)) return;
    inflight.add(key);
    try {
      const { total, rows } = await api.call('leads/list', queryFor(campaignId, filter, page));
      if (get().generation !== generation) return;
      set((s) => ({ total, pages: { ...s.pages, [page]: rows }, error: null }));
    } catch (err) {
      if (get().generation === generation) set({ error: (err as Error).message });
    } finally {
      inflight.delete(key);
    }
  };

  const tallyBands = async (campaignId: number) => {
    const bands: Record<ScoreBand, number> = { hot: 0, warm: 0, nurture: 0, cold: 0 };
    let sum = 0;
    let n = 0;
    for (let offset = 0; ; offset += TALLY_PAGE) {
      const { total, rows } = await api.call('leads/list', {
        campaignId,
        sort: 'createdAt',
        offset,
        limit: TALLY_PAGE,
      });
      if (get().campaignId !== campaignId) return;
      for (const lead of rows) {
        bands[lead.score.band] += 1;
        sum += lead.score.total;
        n += 1;
      }
      if (rows.length < TALLY_PAGE || offset + rows.length >= total) break;
    }
    set({ tally: { bands, avgScore: n ? sum / n : null } });
  };

  const restart = (patch: Partial<ResultsState>) => {
    set((s) => ({ ...patch, pages: {}, total: null, generation: s.generation + 1 }));
    void loadPage(0);
  };

  return {
    campaignId: null,
    detail: null,
    filter: defaultFilter(),
    total: null,
    pages: {},
    generation: 0,
    error: null,
    tally: null,
    async open(campaignId) {
      if (get().campaignId !== campaignId) {
        restart({ campaignId, detail: null, filter: defaultFilter(), tally: null, error: null });
      } else {
        restart({ error: null });
      }
      try {
        const detail = await api.call('campaign/get', { campaignId });
        if (get().campaignId === campaignId) set({ detail });
      } catch (err) {
        set({ error: (err as Error).message });
      }
      // After the first page so the table's first render does not wait behind the tally.
      void tallyBands(campaignId).catch(() => undefined);
    },
    async refreshDetail() {
      const id = get().campaignId;
      if (id === null) return;
      const detail = await api.call('campaign/get', { campaignId: id });
      if (get().campaignId === id) set({ detail });
    },
    setFilter(patch) {
      restart({ filter: { ...get().filter, ...patch } });
    },
    ensureRange(start, end) {
      const { pages, total } = get();
      const last = total === null ? 0 : Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.min(last, Math.floor(end / PAGE_SIZE)); p++) {
        if (!pages[p]) void loadPage(p);
      }
    },
    async updateLead(leadId, patch) {
      const lead = await api.call('leads/update', { leadId, ...patch });
      set((s) => {
        const pages: Record<number, Lead[]> = {};
        for (const [k, rows] of Object.entries(s.pages)) {
          pages[Number(k)] = rows.some((r) => r.id === leadId)
            ? rows.map((r) => (r.id === leadId ? lead : r))
            : rows;
        }
        return { pages };
      });
      return lead;
    },
  };
});

export function rowAt(pages: Record<number, Lead[]>, index: number): Lead | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
