/**
 * The results' signals filter and column (issue 13): a lead carries the kinds of its company's
 * positive buying signals as last read (signal_events), and `signal` keeps only leads whose company
 * has one (of a kind). Real SQLite file; the contract's validator names the field when it is wrong.
 */
import { describe, expect, it } from 'vitest';
import { validateArg } from '../../main/contract-args';
import type { SignalEvent } from '../../main/domain/signals';
import { AppError } from '../../main/shared/errors';
import { createCampaign } from '../../main/store/campaigns';
import { upsertCompany } from '../../main/store/companies';
import { upsertContact } from '../../main/store/contacts';
import { insertLead, listLeads } from '../../main/store/leads';
import { replaceSignals } from '../../main/store/signals';
import { company, newLead, revealed, sampleIcp, tempDb } from './fixtures';

const event = (kind: SignalEvent['kind'], source: string, polarity: 1 | -1 = 1): SignalEvent => ({
  kind,
  date: '2026-10-20',
  source,
  evidence: `${kind} evidence`,
  link: null,
  subject: { companyDomain: null, companyId: null, personId: null },
  label: `${kind} ${polarity}`,
  strength: 0.5,
  polarity,
});

function setup() {
  const { db } = tempDb();
  const campaignId = createCampaign(db, {
    icp: sampleIcp(),
    budget: null,
    sandbox: true,
    sandboxSeed: 1,
    estimate: null,
  });
  const names = ['Funded Forge', 'Closing Castings', 'Quiet Motors'];
  const ids = names.map((name, i) => {
    const co = company({ providerId: `o${i}`, name, domain: `c${i}.example` });
    const companyId = upsertCompany(db, co, 'apollo');
    const contact = revealed(`p${i}`, {
      firstName: 'Ann',
      lastName: name.split(' ')[0]!,
      email: `ann@c${i}.example`,
    });
    const contactId = upsertContact(db, { person: contact, companyId, source: 'apollo' });
    insertLead(db, newLead(campaignId, { companyId, contactId }, { company: co, contact }));
    return companyId;
  });
  replaceSignals(db, {
    companyId: ids[0]!,
    sources: ['crunchbase', 'apollo'],
    events: [event('funding', 'crunchbase'), event('hiring', 'apollo')],
  });
  // Only a closing signal: no buying signal.
  replaceSignals(db, { companyId: ids[1]!, sources: ['news'], events: [event('news', 'news', -1)] });
  return { db, campaignId };
}

const names = (r: { rows: { company: { name: string } }[] }) => r.rows.map((l) => l.company.name).sort();

describe('leads: signals column and filter', () => {
  it('gives each lead its company’s positive signal kinds', () => {
    const { db, campaignId } = setup();
    const by = new Map(listLeads(db, { campaignId }).rows.map((l) => [l.company.name, l.signals]));
    expect(Object.fromEntries(by)).toEqual({
      'Funded Forge': ['funding', 'hiring'],
      'Closing Castings': [],
      'Quiet Motors': [],
    });
  });

  it('keeps only leads with buying signals, any or of one kind', () => {
    const { db, campaignId } = setup();
    expect(names(listLeads(db, { campaignId, signal: 'any' }))).toEqual(['Funded Forge']);
    expect(names(listLeads(db, { campaignId, signal: 'hiring' }))).toEqual(['Funded Forge']);
    expect(listLeads(db, { campaignId, signal: 'news' }).total).toBe(0);
    expect(listLeads(db, { campaignId }).total).toBe(3);
  });

  it('refuses an unknown kind, naming the field and the choices', () => {
    expect(validateArg('leads/list', { campaignId: 1, signal: 'tech' })).toMatchObject({ signal: 'tech' });
    let err: unknown;
    try {
      validateArg('leads/list', { campaignId: 1, signal: 'fundraising' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INVALID_INPUT');
    expect((err as AppError).message).toMatch(
      /signal: signal must be one of: any, funding, hiring, leadership, tech, news/,
    );
  });
});
