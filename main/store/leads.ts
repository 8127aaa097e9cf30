import type { LeadQuery, LeadSort } from '../shared/shapes';
import { TIERS, type Tier } from '../domain/icp';
import { contactStatusOf } from '../domain/email';
import type { SignalKind } from '../domain/signals';
import type {
  Company,
  FinalEmailStatus,
  Lead,
  LeadScore,
  LeadStatus,
  RevealedPerson,
  Validation,
} from '../domain/types';
import { AppError } from '../shared/errors';
import { LEAD_BOUNCE_RISK_SQL, LEAD_FINAL_STATUS_SQL } from './email-evidence';
import { blindOf, cipherOf, type FieldCipher } from './field-cipher';
import { fromJson, isoNow, normDomain, normKey, stmt, toJson, type Db } from './sql';

export type NewLead = Omit<Lead, 'id' | 'createdAt' | 'status' | 'notes'> & {
  companyId: number | null;
  contactId: number;
};

interface Row {
  id: number;
  /** Comma-separated kinds of the company's positive signals (SIGNAL_KINDS_SQL), or null. */
  signal_kinds: string | null;
  campaign_id: number;
  tier: Tier;
  /** The waterfall's final status (lead_emails), else the status saved with the lead. */
  email_status: FinalEmailStatus;
  validation_json: string;
  score_json: string;
  similarity: number | null;
  company_json: string;
  contact_json: string;
  contact_name: string;
  contact_title: string;
  score_total: number;
  score_intent: number;
  score_fit: number;
  score_access: number;
  score_band: LeadScore['band'];
  status: LeadStatus;
  notes: string;
  created_at: string;
}

/** The person as saved; when the key that sealed it is gone, what the plain columns still say. */
function contactOf(c: FieldCipher, r: Row): RevealedPerson {
  const json = c.open(r.contact_json);
  if (json !== null) return fromJson<RevealedPerson>(json);
  const [firstName = '', ...rest] = r.contact_name.split(' ');
  return {
    ...{
      providerId: '',
      email: null,
      linkedinUrl: null,
      phone: null,
      city: null,
      country: null,
      seniority: null,
    },
    ...{
      departments: [],
      firstName,
      lastName: rest.join(' '),
      title: r.contact_title,
      emailStatus: contactStatusOf(r.email_status),
    },
  };
}

/** The score's evidence names the LinkedIn profile, so it is sealed too; the figures stay plain. */
function scoreOf(c: FieldCipher, r: Row): LeadScore {
  const json = c.open(r.score_json);
  if (json !== null) return fromJson<LeadScore>(json);
  const { score_total: total, score_intent: intent, score_fit: fit, score_access: accessibility } = r;
  return { total, intent, fit, accessibility, band: r.score_band, breakdown: [] };
}

// The JSON snapshots are what was validated and scored at save time; the flat columns serve
// search, sort and export. The contact snapshot and the contact's email, phone, LinkedIn URL and
// the notes are sealed at rest (see main/privacy).
const toLead = (c: FieldCipher, r: Row): Lead => ({
  id: r.id,
  campaignId: r.campaign_id,
  tier: r.tier,
  company: fromJson<Company>(r.company_json),
  contact: contactOf(c, r),
  emailStatus: r.email_status,
  validation: fromJson<Validation>(r.validation_json),
  score: scoreOf(c, r),
  signals: r.signal_kinds ? (r.signal_kinds.split(',') as SignalKind[]).sort() : [],
  similarity: r.similarity,
  status: r.status,
  notes: c.open(r.notes) ?? '',
  createdAt: r.created_at,
});

// Buying signals belong to the company (signal_events, issue 13); a lead shows the kinds its company has.
const SIGNAL_KINDS_SQL = `(SELECT group_concat(DISTINCT kind) FROM signal_events s
  WHERE s.company_id = leads.company_id AND s.polarity = 1) AS signal_kinds`;
const LEAD_COLUMNS = `id, campaign_id, tier, ${LEAD_FINAL_STATUS_SQL} AS email_status, validation_json, score_json, similarity, company_json, contact_json, contact_name, contact_title, score_total, score_intent, score_fit, score_access, score_band, status, notes, created_at, ${SIGNAL_KINDS_SQL}`;

export function companyLocation(c: Company): string | null {
  const parts = [c.city, c.state, c.country].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length > 0 ? parts.join(', ') : (c.rawAddress ?? null);
}

/** The campaign's leads at one company, oldest first. */
export function leadIdsAtCompany(db: Db, campaignId: number, companyId: number): number[] {
  const rows = stmt(db, 'SELECT id FROM leads WHERE campaign_id = ? AND company_id = ? ORDER BY id').all(
    campaignId,
    companyId,
  ) as { id: number }[];
  return rows.map((r) => r.id);
}

/** Saves a lead; returns its id, or null when this contact is already a lead of this campaign. */
export function insertLead(db: Db, lead: NewLead): number | null {
  const { company: c, contact: p, score, validation } = lead;
  const cipher = cipherOf(db);
  const seal = (v: string | null) => cipher.seal(v);
  const now = isoNow();
  const res = stmt(
    db,
    `INSERT INTO leads (campaign_id, tier, company_id, contact_id, company_name, company_domain, company_size,
       company_industry, company_location, company_revenue, company_linkedin, company_website, contact_name,
       contact_title, contact_email, contact_phone, contact_linkedin, email_status, validation_score,
       validation_json, score_total, score_intent, score_fit, score_access, score_band, score_json, similarity,
       company_json, contact_json, created_at, updated_at, contact_email_bidx, notes)
     VALUES (@campaignId, @tier, @companyId, @contactId, @companyName, @companyDomain, @companySize,
       @companyIndustry, @companyLocation, @companyRevenue, @companyLinkedin, @companyWebsite, @contactName,
       @contactTitle, @contactEmail, @contactPhone, @contactLinkedin, @emailStatus, @validationScore,
       @validationJson, @scoreTotal, @scoreIntent, @scoreFit, @scoreAccess, @scoreBand, @scoreJson, @similarity,
       @companyJson, @contactJson, @now, @now, @contactEmailBidx, @notes)
     ON CONFLICT (campaign_id, contact_id) DO NOTHING`,
  ).run({
    campaignId: lead.campaignId,
    tier: lead.tier,
    companyId: lead.companyId,
    contactId: lead.contactId,
    companyName: c.name,
    companyDomain: normDomain(c.domain),
    companySize: c.employees,
    companyIndustry: c.industry,
    companyLocation: companyLocation(c),
    companyRevenue: c.annualRevenue,
    companyLinkedin: c.linkedinUrl,
    companyWebsite: c.website,
    contactName: `${p.firstName} ${p.lastName}`.trim(),
    contactTitle: p.title,
    contactEmail: seal(normKey(p.email)),
    contactPhone: seal(p.phone),
    contactLinkedin: seal(p.linkedinUrl),
    contactEmailBidx: blindOf(db, 'email', p.email),
    notes: seal(''),
    emailStatus: contactStatusOf(lead.emailStatus),
    validationScore: validation.score,
    validationJson: toJson(validation),
    scoreTotal: score.total,
    scoreIntent: score.intent,
    scoreFit: score.fit,
    scoreAccess: score.accessibility,
    scoreBand: score.band,
    scoreJson: seal(toJson(score)),
    similarity: lead.similarity,
    companyJson: toJson(c),
    contactJson: seal(toJson(p)),
    now,
  });
  return res.changes === 0 ? null : Number(res.lastInsertRowid);
}

const SORT_COLUMNS: Record<LeadSort, string> = {
  score: 'score_total',
  validation: 'validation_score',
  company: 'company_name COLLATE NOCASE',
  contact: 'contact_name COLLATE NOCASE',
  createdAt: 'created_at',
};
const DESC_BY_DEFAULT: Record<LeadSort, boolean> = {
  score: true,
  validation: true,
  company: false,
  contact: false,
  createdAt: true,
};
export const MAX_LEAD_PAGE = 5000;

/**
 * One page of a campaign's leads. Defaults: sort by score, numbers and dates descending, names
 * ascending, limit 100 (at most MAX_LEAD_PAGE); ties go to the earlier saved lead. `search` matches company name/domain, contact
 * name and title case-insensitively, and an email address exactly (emails are sealed: equality
 * goes through their blind index).
 */
export function listLeads(db: Db, q: LeadQuery): { total: number; rows: Lead[] } {
  const sort: LeadSort = q.sort ?? 'score';
  if (!(sort in SORT_COLUMNS)) {
    throw new AppError(
      'BAD_REQUEST',
      `sort must be one of ${Object.keys(SORT_COLUMNS).join(', ')} (got "${sort}")`,
    );
  }
  if (q.tier !== undefined && !TIERS.includes(q.tier)) {
    throw new AppError('BAD_REQUEST', `tier must be one of ${TIERS.join(', ')} (got "${q.tier}")`);
  }
  const desc = q.desc ?? DESC_BY_DEFAULT[sort];
  const limit = Math.min(Math.max(Math.trunc(q.limit ?? 100), 1), MAX_LEAD_PAGE);
  const offset = Math.max(Math.trunc(q.offset ?? 0), 0);
  const search = q.search?.trim() ?? '';
  const params = {
    campaignId: q.campaignId,
    tier: q.tier ?? null,
    emailStatus: q.emailStatus ?? null,
    deliverableOnly: q.deliverableOnly ? 1 : null,
    signal: q.signal ?? null,
    pattern: search === '' ? null : `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
    emailBidx: search.includes('@') ? blindOf(db, 'email', search) : null,
    limit,
    offset,
  };
  const where = `campaign_id = @campaignId
    AND (@tier IS NULL OR tier = @tier)
    AND (@emailStatus IS NULL OR ${LEAD_FINAL_STATUS_SQL} = @emailStatus)
    AND (@deliverableOnly IS NULL OR ${LEAD_BOUNCE_RISK_SQL} IN ('low','medium'))
    AND (@signal IS NULL OR EXISTS (SELECT 1 FROM signal_events s WHERE s.company_id = leads.company_id
      AND s.polarity = 1 AND (@signal = 'any' OR s.kind = @signal)))
    AND (@pattern IS NULL OR company_name LIKE @pattern ESCAPE '\\' OR company_domain LIKE @pattern ESCAPE '\\'
      OR contact_name LIKE @pattern ESCAPE '\\' OR contact_title LIKE @pattern ESCAPE '\\'
      OR contact_email_bidx = @emailBidx)`;
  const dir = desc ? 'DESC' : 'ASC';
  const { total } = stmt(db, `SELECT COUNT(*) AS total FROM leads WHERE ${where}`).get(params) as {
    total: number;
  };
  const rows = stmt(
    db,
    `SELECT ${LEAD_COLUMNS} FROM leads WHERE ${where}
     ORDER BY ${SORT_COLUMNS[sort]} ${dir}, id ${sort === 'createdAt' ? dir : 'ASC'} LIMIT @limit OFFSET @offset`,
  ).all(params) as Row[];
  const c = cipherOf(db);
  return { total, rows: rows.map((r) => toLead(c, r)) };
}

export function getLead(db: Db, id: number): Lead | null {
  const row = stmt(db, `SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ?`).get(id) as Row | undefined;
  return row ? toLead(cipherOf(db), row) : null;
}

const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'contacted', 'replied'];

/** Updates the user-editable fields; returns the lead as stored. */
export function updateLead(db: Db, id: number, patch: { status?: LeadStatus; notes?: string }): Lead {
  if (patch.status !== undefined && !LEAD_STATUSES.includes(patch.status)) {
    throw new AppError(
      'BAD_REQUEST',
      `status must be one of ${LEAD_STATUSES.join(', ')} (got "${patch.status}")`,
    );
  }
  const res = stmt(
    db,
    `UPDATE leads SET status = COALESCE(@status, status), notes = COALESCE(@notes, notes), updated_at = @now
     WHERE id = @id`,
  ).run({
    id,
    status: patch.status ?? null,
    notes: patch.notes === undefined ? null : cipherOf(db).seal(patch.notes),
    now: isoNow(),
  });
  if (res.changes === 0) throw new AppError('NOT_FOUND', `lead ${id} does not exist`);
  return getLead(db, id) as Lead;
}

export function countLeadsByTier(db: Db, campaignId: number): Record<Tier, number> {
  const out: Record<Tier, number> = { T1: 0, T2: 0, T3: 0 };
  const rows = stmt(db, 'SELECT tier, COUNT(*) AS n FROM leads WHERE campaign_id = ? GROUP BY tier').all(
    campaignId,
  ) as { tier: Tier; n: number }[];
  for (const r of rows) out[r.tier] = r.n;
  return out;
}

/** Every lead of a campaign for export: by tier, best score first. */
export function allLeads(db: Db, campaignId: number): Lead[] {
  const rows = stmt(
    db,
    `SELECT ${LEAD_COLUMNS} FROM leads WHERE campaign_id = ? ORDER BY tier, score_total DESC, id`,
  ).all(campaignId) as Row[];
  const c = cipherOf(db);
  return rows.map((r) => toLead(c, r));
}
