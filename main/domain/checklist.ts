import type { CheckId, Icp } from './icp';
import { decideIndustry, type IndustryBasis } from './company-industry';
import { canonicalCountry, matchIndustry } from './industries';
import type { CheckResult, Company, Validation } from './types';

/**
 * Seed 000's 6-point checklist. Each check says whether it was read from provider data
 * ('verified') or concluded from a stated assumption ('inferred'), and shows its evidence.
 */
const LABELS: Record<CheckId, string> = {
  industry: 'Industry match',
  size: 'Company size in range',
  multiLocation: 'Multi-location',
  hrAndOps: 'HR + Operations leadership',
  hiringCycles: 'Hiring cycles',
  staffingVendors: 'Uses staffing vendors',
};

export const CHECK_LABELS = LABELS;

const STAFFING_TECH =
  /fieldglass|beeline|vndly|workday|successfactors|greenhouse|lever|icims|taleo|bullhorn|vms|ats|staffing/i;

function check(id: CheckId, passed: boolean, basis: CheckResult['basis'], evidence: string): CheckResult {
  return { id, label: LABELS[id], passed, basis, evidence };
}

const BASIS: Record<IndustryBasis, string> = {
  label: 'its industry label',
  description: 'its description',
  both: 'its industry label and description',
};

/**
 * The primary industry decides when there is one: a biotech lab that also lists
 * "pharmaceuticals" among its secondary labels is not a pharmaceutical manufacturer. Without a
 * label, the description decides (company-industry.ts); the evidence names the deciding signal.
 */
function industryCheck(c: Company, icp: Icp): CheckResult {
  const secondary = c.industry ? null : matchIndustry(c.industries, icp.industries);
  if (secondary)
    return check(
      'industry',
      true,
      'verified',
      `Industry "${secondary.label}" reads as ${secondary.industry} (decided by its industry label)`,
    );
  const d = decideIndustry(
    {
      name: c.name,
      industry: c.industry ?? c.industries[0] ?? null,
      keywords: c.keywords,
      description: c.description,
    },
    icp.industries,
  );
  const by = d.signal ? `its ${d.signal}` : BASIS[d.basis];
  if (d.industryMatch) return check('industry', true, 'verified', `${d.reason} (decided by ${by})`);
  if (!d.signal && !c.industry && !c.industries.length && !c.description?.trim())
    return check('industry', false, 'verified', 'Industry unknown');
  const also = c.industry ? matchIndustry(c.industries, icp.industries) : null;
  return check(
    'industry',
    false,
    'verified',
    `${d.reason} (decided by ${by})` + (also ? ` (also lists "${also.label}")` : ''),
  );
}

function sizeCheck(c: Company, icp: Icp): CheckResult {
  const { min, max } = icp.companySize;
  if (c.employees === null) return check('size', false, 'verified', 'Employee count unknown');
  const ok = c.employees >= min && c.employees <= max;
  return check(
    'size',
    ok,
    'verified',
    `${c.employees.toLocaleString('en-US')} employees (${ok ? 'within' : 'outside'} ${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')})`,
  );
}

/** Sites besides the headquarters the real ORG tells of: retail locations and subsidiaries. */
function otherSites(c: Company): string | null {
  const subs = Math.max(c.numSuborganizations ?? 0, c.suborganizations?.length ?? 0);
  const retail = c.retailLocationCount ?? 0;
  if (retail > 0) return `${retail} retail locations`;
  if (subs > 0) {
    const names = (c.suborganizations ?? []).slice(0, 2).map((s) => s.name);
    return `${subs} suborganization(s)${names.length ? `: ${names.join(', ')}` : ''}`;
  }
  return null;
}

function multiLocationCheck(c: Company): CheckResult {
  const places = new Set(c.locations.map((l) => l.trim().toLowerCase()).filter(Boolean));
  if (c.rawAddress) places.add(c.rawAddress.trim().toLowerCase());
  const others = otherSites(c);
  if (others)
    return check(
      'multiLocation',
      true,
      'verified',
      `HQ${c.rawAddress ? ` ${c.rawAddress}` : ''} + ${others}`,
    );
  if (places.size > 1)
    return check(
      'multiLocation',
      true,
      'verified',
      `${places.size} sites: ${c.locations.slice(0, 3).join(' + ')}`,
    );
  if (c.employees !== null && c.employees > 500)
    return check(
      'multiLocation',
      true,
      'inferred',
      `One listed site, but ${c.employees} employees (> 500) suggests several`,
    );
  return check(
    'multiLocation',
    false,
    places.size ? 'verified' : 'inferred',
    `Single site${c.rawAddress ? `: ${c.rawAddress}` : ''}`,
  );
}

function hrOpsCheck(c: Company): CheckResult {
  const d = c.departmentHeadCount;
  const hr = d.human_resources ?? 0;
  const ops = d.operations ?? 0;
  if (Object.keys(d).length === 0)
    return check('hrAndOps', false, 'verified', 'No departmental head counts available');
  return check('hrAndOps', hr > 0 && ops > 0, 'verified', `HR: ${hr}, Ops: ${ops}`);
}

function hiringCheck(c: Company): CheckResult {
  if (c.openJobs !== null)
    return check('hiringCycles', c.openJobs > 0, 'verified', `${c.openJobs} open job postings`);
  const ok = c.employees !== null && c.employees > 200;
  return check(
    'hiringCycles',
    ok,
    'inferred',
    `Assumption: companies over 200 employees hire regularly (${c.employees ?? 'unknown'} employees)`,
  );
}

function staffingCheck(c: Company): CheckResult {
  const tool = c.technologies.find((t) => STAFFING_TECH.test(t.name) || STAFFING_TECH.test(t.category));
  if (tool) return check('staffingVendors', true, 'verified', `Uses ${tool.name} (${tool.category})`);
  const ok = c.employees !== null && c.employees >= 500;
  return check(
    'staffingVendors',
    ok,
    'inferred',
    `Assumption: manufacturers with 500+ employees use staffing vendors (${c.employees ?? 'unknown'} employees)`,
  );
}

/** Runs all six checks, then the ICP's gates: the minimum score and the required checks. */
export function validateCompany(company: Company, icp: Icp): Validation {
  const checks = [
    industryCheck(company, icp),
    sizeCheck(company, icp),
    multiLocationCheck(company),
    hrOpsCheck(company),
    hiringCheck(company),
    staffingCheck(company),
  ];
  const score = checks.filter((c) => c.passed).length;
  const failedRequired = icp.requiredChecks.filter((id) => !checks.find((c) => c.id === id)?.passed);
  return {
    score,
    max: checks.length,
    checks,
    failedRequired,
    accepted: score >= icp.minValidationScore && failedRequired.length === 0,
  };
}

/** The company's HQ country is one of the ICP's locations (unknown counts as not). */
export function inLocations(company: Company, icp: Icp): boolean {
  if (!company.country) return false;
  const c = canonicalCountry(company.country);
  return icp.locations.some((l) => canonicalCountry(l) === c);
}
