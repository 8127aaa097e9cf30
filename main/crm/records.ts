/**
 * What Lead Studio writes to a CRM for a lead: the contact (by email) and its company (by domain),
 * with standard properties and our own (tier, score, band, checklist summary, BANT, why-now).
 */
import { bantSummary, type Bant } from '../domain/bant';
import { whyNow } from '../domain/brief';
import type { Lead } from '../domain/types';
import type { PropertyDefinition } from '../providers/hubspot';

export type CrmEntity = 'contact' | 'company';

export interface CrmRecordDraft {
  entity: CrmEntity;
  /** contacts.id or companies.id in our store. */
  localId: number;
  /** Email (contacts) or domain (companies), lowercased: what the CRM dedupes on. */
  key: string;
  /** Properties we own: written whatever the CRM holds. */
  owned: Record<string, string>;
  /** Standard properties: on a record that existed before us, only filled where empty. */
  standard: Record<string, string>;
  /** Contacts: the company's local id, for the association. */
  companyLocalId?: number;
}

export interface SyncLead {
  lead: Lead;
  contactId: number;
  companyId: number;
  bant: Bant;
}

const GROUP = 'contactinformation';

/** Our custom contact properties, created in the CRM on first push if missing. */
export const LEAD_STUDIO_PROPERTIES: PropertyDefinition[] = [
  {
    name: 'lead_studio_tier',
    label: 'Lead Studio tier',
    type: 'enumeration',
    fieldType: 'select',
    groupName: GROUP,
    description: 'T1/T2/T3 from the job title',
    options: ['T1', 'T2', 'T3'].map((v, i) => ({ label: v, value: v, displayOrder: i })),
  },
  {
    name: 'lead_studio_score',
    label: 'Lead Studio score',
    type: 'number',
    fieldType: 'number',
    groupName: GROUP,
    description: 'Lead score 0–100 (intent 40 / fit 35 / accessibility 25)',
  },
  {
    name: 'lead_studio_band',
    label: 'Lead Studio band',
    type: 'enumeration',
    fieldType: 'select',
    groupName: GROUP,
    description: 'hot / warm / nurture / cold',
    options: ['hot', 'warm', 'nurture', 'cold'].map((v, i) => ({ label: v, value: v, displayOrder: i })),
  },
  {
    name: 'lead_studio_checklist',
    label: 'Lead Studio checklist',
    type: 'string',
    fieldType: 'textarea',
    groupName: GROUP,
    description: 'The 6-point checklist: passed checks and evidence',
  },
  {
    name: 'lead_studio_bant',
    label: 'Lead Studio BANT',
    type: 'string',
    fieldType: 'text',
    groupName: GROUP,
    description: 'Budget, authority, need, timeline (✓ yes, ✗ no, ? unknown)',
  },
  {
    name: 'lead_studio_why_now',
    label: 'Lead Studio why now',
    type: 'string',
    fieldType: 'textarea',
    groupName: GROUP,
    description: 'The signals that make this lead timely',
  },
];

const compact = (o: Record<string, string | null | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''),
  );

export function checklistSummary(lead: Lead): string {
  const v = lead.validation;
  return `${v.score}/${v.max}: ${v.checks.map((c) => `${c.passed ? '✓' : '✗'} ${c.label}${c.basis === 'inferred' ? ' (assumed)' : ''}`).join('; ')}`;
}

export function contactDraft({ lead, contactId, companyId, bant }: SyncLead): CrmRecordDraft | null {
  const email = lead.contact.email?.trim().toLowerCase();
  if (!email) return null; // a CRM contact without an email could not be deduplicated
  return {
    entity: 'contact',
    localId: contactId,
    key: email,
    companyLocalId: companyId,
    owned: {
      lead_studio_tier: lead.tier,
      lead_studio_score: String(lead.score.total),
      lead_studio_band: lead.score.band,
      lead_studio_checklist: checklistSummary(lead),
      lead_studio_bant: bantSummary(bant),
      lead_studio_why_now: whyNow(lead, bant).slice(0, 1000),
    },
    standard: compact({
      firstname: lead.contact.firstName,
      lastname: lead.contact.lastName,
      jobtitle: lead.contact.title,
      phone: lead.contact.phone,
      city: lead.contact.city,
      country: lead.contact.country,
      company: lead.company.name,
    }),
  };
}

export function companyDraft(lead: Lead, companyId: number): CrmRecordDraft | null {
  const c = lead.company;
  const domain = c.domain?.trim().toLowerCase();
  if (!domain) return null;
  return {
    entity: 'company',
    localId: companyId,
    key: domain,
    owned: {},
    standard: compact({
      name: c.name,
      domain,
      industry: null, // HubSpot's industry is a fixed picklist; ours is free text, so it is not sent
      numberofemployees: c.employees === null ? null : String(c.employees),
      annualrevenue: c.annualRevenue === null ? null : String(c.annualRevenue),
      city: c.city,
      state: c.state,
      country: c.country,
    }),
  };
}

/** One draft per contact and per company (several leads may share a company or, across campaigns, a contact). */
export function draftsFromLeads(leads: SyncLead[]): {
  contacts: CrmRecordDraft[];
  companies: CrmRecordDraft[];
} {
  const contacts = new Map<number, { d: CrmRecordDraft; score: number }>();
  const companies = new Map<number, CrmRecordDraft>();
  for (const l of leads) {
    const co = companyDraft(l.lead, l.companyId);
    if (co && !companies.has(co.localId)) companies.set(co.localId, co);
    const ct = contactDraft(l);
    const prev = ct && contacts.get(ct.localId);
    if (ct && (!prev || l.lead.score.total > prev.score))
      contacts.set(ct.localId, { d: ct, score: l.lead.score.total });
  }
  return { contacts: [...contacts.values()].map((x) => x.d), companies: [...companies.values()] };
}
