/** Workbooks the export tests read back: ~300 sample leads, one hostile lead, and a tier with no leads. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lead } from '../../main/domain/types';
import { sampleLeads } from '../../bench/export/sample';
import type { ExportCampaign } from '../../main/export/workbook';
import { writeWorkbook } from '../../main/export/workbook';

export const CAMPAIGN: ExportCampaign = {
  id: 42,
  name: 'Q3 Manufacturing & "Ops" <US/India>',
  status: 'completed',
  createdAt: '2025-03-01T09:15:00.000Z',
  completedAt: '2025-03-01T10:45:00.000Z',
  targets: { T1: 120, T2: 120, T3: 60 },
  creditsUsed: 1387,
  sandbox: true,
  icpSummary: {
    industries: ['Automotive Manufacturing', 'Electronics Manufacturing'],
    locations: ['United States', 'India'],
    sizeMin: 200,
    sizeMax: 10_000,
    minValidationScore: 4,
  },
};

/** Strings every cell writer gets wrong at least once: XML specials, control chars, lone surrogates. */
export function hostileLead(base: Lead): Lead {
  return {
    ...base,
    id: 9001,
    tier: 'T1',
    company: {
      ...base.company,
      name: 'Smith & Sons <Tooling> "Quoted"\u0001',
      domain: 'smith-sons-tooling.example.com',
      website: 'smith-sons-tooling.example.com/plants and more',
      linkedinUrl: 'linkedin.com/company/smith-sons?ref=a&src=b',
      employees: Number.NaN,
      annualRevenue: null,
    },
    contact: {
      ...base.contact,
      firstName: 'Siobhán',
      lastName: "O'Neil",
      email: "siobhan.o'neil+ops@smith-sons-tooling.example.com",
      linkedinUrl: 'javascript:alert(1)',
    },
    validation: {
      ...base.validation,
      checks: base.validation.checks.filter((c) => c.id !== 'staffingVendors'),
    },
    similarity: null,
    notes: '=SUM(A1:A9) \u0000bell\u0007 \uD800lone 🏭 plant\u001F tour',
  };
}

export const HOSTILE_DOMAIN = 'smith-sons-tooling.example.com';
export const HOSTILE_NOTES = '=SUM(A1:A9) bell lone 🏭 plant tour';

export interface Fixture {
  dir: string;
  /** All three tiers populated, plus the hostile lead in T1. */
  full: { path: string; leads: Lead[] };
  /** Same campaign with every T2 lead removed. */
  emptyTier: { path: string; leads: Lead[] };
  cleanup(): Promise<void>;
}

export async function writeFixture(): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'lead-studio-export-test-'));
  const sample = sampleLeads(300, 7);
  const fullLeads = [...sample, hostileLead(sample[0]!)];
  const emptyTierLeads = sample.filter((l) => l.tier !== 'T2');
  const full = await writeWorkbook(join(dir, 'full.xlsx'), { campaign: CAMPAIGN, leads: fullLeads });
  const emptyTier = await writeWorkbook(join(dir, 'empty-tier.xlsx'), {
    campaign: CAMPAIGN,
    leads: emptyTierLeads,
  });
  return {
    dir,
    full: { path: full.path, leads: fullLeads },
    emptyTier: { path: emptyTier.path, leads: emptyTierLeads },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export function tierCount(leads: Lead[], tier: Lead['tier']): number {
  return leads.filter((l) => l.tier === tier).length;
}
