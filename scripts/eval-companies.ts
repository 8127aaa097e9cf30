/**
 * Error analysis of the industry check on real company records with official codes (development
 * data, not shipped): `npx tsx scripts/eval-companies.ts [--csv <companies.normalized.csv>]
 * [--split dev|holdout|all] [--form <form>] [--errors N]`.
 * Truth: SIC 2000-3999 / NAICS 31-33 (a manufacturer); the code itself is never shown to the
 * classifier. One row of P/R/F1 per input form, because a caller may send any field alone:
 * - label: the record's first industry label (the SIC/NAICS title, or a vendor's label first);
 * - vendor: another vendor's label for the same company (GICS, Fortune sector, Inc. 5000,
 *   Crunchbase category), only records that have one;
 * - keywords: the first label cut at its commas/"&"/"and"/";" into keyword tags, no label;
 * - name: the company name alone;
 * - name+label, name+vendor, label+description: both fields (descriptions are rare in these records).
 * Split by a hash of the name: error analysis on dev only, holdout reported untouched.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decideIndustry, type CompanyFacts } from '../main/domain/company-industry';
import { parseIcpText } from '../main/domain/icp-io';
import { parseCsv } from './lib/csv';

const { values } = parseArgs({
  options: {
    csv: { type: 'string', default: '../shared/data/companies/companies.normalized.csv' },
    split: { type: 'string', default: 'dev' },
    form: { type: 'string' },
    errors: { type: 'string', default: '0' },
  },
});
const icp = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!icp.ok) throw new Error('template');
const [header, ...body] = parseCsv(readFileSync(values.csv!, 'utf8'));
type Row = Record<string, string>;
const rows: Row[] = body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));

function truth(r: Row): boolean | null {
  const code = r.industry_code ?? '';
  if (r.industry_code_system === 'SIC' && /^\d+$/.test(code)) return +code >= 2000 && +code <= 3999;
  if (r.industry_code_system === 'NAICS' && /^\d\d/.test(code))
    return ['31', '32', '33'].includes(code.slice(0, 2));
  return null;
}

/** dev: 60% of names by hash; holdout: the rest. The same company always falls on the same side. */
function splitOf(name: string): 'dev' | 'holdout' {
  return createHash('sha1').update(name.toLowerCase()).digest()[0]! < 154 ? 'dev' : 'holdout';
}

const VENDOR = /\((GICS|Fortune sector|Inc\. 5000 industry|Crunchbase category)\)/;
const labelsOf = (r: Row) => (r.industry ?? '').split('; ').filter(Boolean);
const firstLabel = (r: Row) => (labelsOf(r)[0] ?? '').replace(/\s*NAICS \d+/, '');
const keywordsOf = (label: string) =>
  label
    .replace(/\((GICS|Fortune sector|Inc\. 5000 industry|Crunchbase category|NAICS)\)/g, '')
    .split(/,|;|&| and |\/| - /i)
    .map((k) => k.trim())
    .filter(Boolean);

/** Each form: the facts it gives the classifier, or null when the record lacks that field. */
const FORMS: Record<string, (r: Row) => CompanyFacts | null> = {
  label: (r) => ({ industry: firstLabel(r) }),
  vendor: (r) => {
    const v = labelsOf(r).find((l) => VENDOR.test(l));
    return v ? { industry: v } : null;
  },
  'name+vendor': (r) => {
    const v = labelsOf(r).find((l) => VENDOR.test(l));
    return v ? { name: r.name, industry: v } : null;
  },
  keywords: (r) => ({ keywords: keywordsOf(firstLabel(r)) }),
  name: (r) => ({ name: r.name }),
  'name+label': (r) => ({ name: r.name, industry: firstLabel(r) }),
  'label+description': (r) =>
    r.description ? { industry: firstLabel(r), description: r.description } : null,
  description: (r) => (r.description ? { description: r.description } : null),
};

function evaluate(form: string, facts: (r: Row) => CompanyFacts | null) {
  const stats = { n: 0, tp: 0, fp: 0, fn: 0, tn: 0 };
  const errs = new Map<string, number>();
  for (const r of rows) {
    const want = truth(r);
    if (want === null || (values.split !== 'all' && splitOf(r.name!) !== values.split)) continue;
    const f = facts(r);
    if (!f) continue;
    stats.n++;
    const got = decideIndustry(f, icp.ok ? icp.icp.industries : []).industryMatch;
    stats[got ? (want ? 'tp' : 'fp') : want ? 'fn' : 'tn']++;
    if (got !== want) {
      const shown = form === 'name' ? r.name! : JSON.stringify(f);
      const e = `${want ? 'FN' : 'FP'}  ${shown}  [${r.industry_code_system} ${r.industry_code} ${firstLabel(r)}]`;
      errs.set(e, (errs.get(e) ?? 0) + 1);
    }
  }
  const p = stats.tp / (stats.tp + stats.fp || 1);
  const rc = stats.tp / (stats.tp + stats.fn || 1);
  const f1 = p + rc ? (2 * p * rc) / (p + rc) : 0;
  return {
    form,
    split: values.split,
    ...stats,
    precision: +p.toFixed(3),
    recall: +rc.toFixed(3),
    f1: +f1.toFixed(3),
    errs,
  };
}

/** Descriptions without a code (remote-first tech companies): how many the rules call makers. */
function descriptionsWithoutCode() {
  const texts = rows.filter((r) => truth(r) === null && r.description);
  const makers = texts.filter(
    (r) => decideIndustry({ description: r.description }, icp.ok ? icp.icp.industries : []).industryMatch,
  );
  return { form: 'description (no code)', n: texts.length, calledMakers: makers.map((r) => r.name) };
}

const n = Number(values.errors);
for (const [form, facts] of Object.entries(FORMS)) {
  if (values.form && values.form !== form) continue;
  const { errs, ...line } = evaluate(form, facts);
  console.log(JSON.stringify(line));
  if (n) for (const [e, c] of [...errs].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(c, e);
}
if (!values.form) console.log(JSON.stringify(descriptionsWithoutCode()));
