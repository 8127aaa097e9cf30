import { performance } from 'node:perf_hooks';
import { canonicalCountry, matchIndustry } from '../domain/industries';
import { TIERS, type Icp, type Tier } from '../domain/icp';
import { createTitleClassifier, type TitleClassifier, type TitleReading } from '../domain/titles';
import { blankCompany } from '../domain/blank';
import type { Company } from '../domain/types';
import { createEmbedder, type Embedder } from '../intel/embedder';
import type { ModelLocation } from '../intel/model-files';
import { companyProfile, contactProfile, icpProfile, icpTitleProfiles } from '../intel/profiles';
import { createModelTitleClassifier } from '../intel/title-similarity';
import { cosine } from '../intel/vector';
import type { CompanySummary } from '../providers/types';
import { queuedCandidate } from '../store';
import type { Knowledge } from './knowledge';
import type { FilterContext, FilterDecision, PreFilter } from './prefilter';

/** A directory entry as a Company, so the same profile text is used before and after enrichment. */
export function summaryAsCompany(s: CompanySummary): Company {
  return blankCompany({
    providerId: s.providerId,
    name: s.name,
    domain: s.domain ?? '',
    industry: s.industry,
    industries: s.industry ? [s.industry] : [],
    employees: s.employees,
    country: s.country,
  });
}

/** Facts from the free company directory that already rule a company out (null = none). */
export function companyFactFailure(s: CompanySummary, icp: Icp): string | null {
  if (s.country && !icp.locations.some((l) => canonicalCountry(l) === canonicalCountry(s.country!)))
    return `${s.name} is in ${s.country}, outside the ICP's locations`;
  if (s.employees !== null && (s.employees < icp.companySize.min || s.employees > icp.companySize.max))
    return `${s.name} has ${s.employees} employees, outside ${icp.companySize.min}–${icp.companySize.max}`;
  if (s.industry && !matchIndustry([s.industry], icp.industries))
    return `${s.name}'s industry "${s.industry}" is not one of the ICP's`;
  return null;
}

/** The reason recorded for a candidate whose company the ICP's directory does not list. */
export function notInDirectory(name: string): string {
  return `${name || 'The company'} is not in the ICP's company directory (it does not match the location, size and industry filters)`;
}

/** A directory entry that says more than a name (the real service's entries do not). */
function hasFacts(s: CompanySummary): boolean {
  return s.industry !== null || s.employees !== null || s.country !== null;
}

/**
 * Whether the rules' reading of a title is too loose to stand without the model's agreement: it
 * was placed by a loose place word alone ("Site Leader", "Unit Head"), which names a building
 * site or a hospital unit as often as a plant. Everything else the rules read stays decided
 * whatever its similarity. On the real title sets a similarity veto of every match threw away
 * real heads ("Head of Footwear Production" 0.35, "Sawmill Owner" 0.42, "Headhunter" 0.36) and
 * every title in another language (the English model reads "Directeur des ressources humaines"
 * at 0.26): on ESCO, ONS and O*NET it removed 27 right matches for 10 wrong ones. On loose places
 * alone it removed 34 wrong ones for 2 right ones (README, stop 24). A translated title is never
 * vetoed: the model cannot read it.
 */
export function looseReading(reading: TitleReading): boolean {
  return reading.evidence !== null && reading.evidence.weakPlace && !reading.evidence.translated;
}

/**
 * The local pre-filter (seed 000's "RAG semantic filtering"), free and on this machine:
 * a candidate is worth paying for when its title reads as one of the ICP's tiers (rules; MiniLM
 * similarity to the tier's titles is one of the confidence's features, and decides alone only
 * where the rules' reading is loose, see looseReading), and what the company directory already
 * says of its company fits the ICP (facts, then similarity ≥ companyThreshold). Each decision
 * records its similarities and its reason. Without the model it keeps working on rules and facts
 * alone and says so.
 */
export class SemanticFilter implements PreFilter {
  readonly name: string;
  private readonly titleVectors = new Map<string, Float32Array>();
  private tierVectors: Record<Tier, Float32Array[]> | null = null;
  private icpCompanyVectors: Float32Array[] = [];
  private warned = false;

  constructor(
    private readonly icp: Icp,
    private readonly embedder: Embedder | null,
    private readonly knowledge: Knowledge | null = null,
  ) {
    this.name = embedder ? 'semantic (MiniLM + rules)' : 'rules only (model missing)';
  }

  /** The classifier classify-titles --model uses: similarity shades and may place, never overrules. */
  titleClassifier(icp: Icp): TitleClassifier {
    return this.embedder ? createModelTitleClassifier(icp, this.embedder) : createTitleClassifier(icp);
  }

  private async vectors(texts: string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((t) => !this.titleVectors.has(t)))];
    if (missing.length && this.embedder) {
      const vs = await this.embedder.embed(missing);
      missing.forEach((t, i) => this.titleVectors.set(t, vs[i]!));
    }
    return texts.map((t) => this.titleVectors.get(t)!);
  }

  private async prepare(): Promise<void> {
    if (this.tierVectors || !this.embedder) return;
    const tiers = {} as Record<Tier, Float32Array[]>;
    for (const t of TIERS) tiers[t] = await this.vectors(icpTitleProfiles(this.icp, t));
    this.tierVectors = tiers;
    // One text per ICP industry, scored by the best match (like titles): one text listing twelve
    // industries blurs them, and a machinery maker then looks like a poor fit.
    this.icpCompanyVectors = await this.embedder.embed(
      this.icp.industries.map((industry) => icpProfile({ ...this.icp, industries: [industry] })),
    );
  }

  async decide(
    candidates: Parameters<PreFilter['decide']>[0],
    ctx: FilterContext,
  ): Promise<FilterDecision[]> {
    if (!this.embedder && !this.warned) {
      this.warned = true;
      ctx.log(
        'The MiniLM model is missing: pre-filtering on title rules and company facts only. ' +
          'Download it once in Settings → Matching model (or `npm run cli -- fetch-model`).',
      );
    }
    await this.prepare();
    const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
    const { contactThreshold, companyThreshold } = this.icp.semantic;

    // 1. The title, for everyone: rules, then similarity to the tier's titles (cheap, cached per title).
    const contactVecs = this.embedder
      ? await this.vectors(candidates.map((c) => contactProfile(c.person)))
      : [];
    await ctx.classifier.prime?.(candidates.map((c) => c.person.title));
    const decisions: FilterDecision[] = candidates.map((c, i) => {
      const reading = ctx.classifier.explain(c.person.title);
      const match = reading.match;
      const vec = contactVecs[i];
      const similarity =
        this.tierVectors && vec
          ? round(Math.max(...this.tierVectors[match.tier ?? ctx.tier].map((v) => cosine(vec, v))))
          : null;
      const base = { tier: match.tier, similarity, companySimilarity: null };
      if (!match.tier)
        return { ...base, keep: false, reason: `title "${c.person.title}" matches no tier's titles` };
      if (similarity !== null && similarity < contactThreshold && looseReading(reading))
        return {
          ...base,
          keep: false,
          reason:
            `title "${c.person.title}" reads ${match.tier} only by a loose place word (site, unit), ` +
            `and its similarity to the tier's titles is ${similarity.toFixed(2)} < ${contactThreshold}`,
        };
      return {
        ...base,
        keep: true,
        reason: `${match.tier} by title (${match.matched}, confidence ${match.confidence.toFixed(2)})`,
      };
    });

    // 2. The company, only for those still in play. Membership first: the directory lists the
    // companies that match the ICP's organisation filters (places, size, industry tags), which the
    // people search does not all apply, so a company it does not list is out. Then whatever facts
    // the directory gives (the real service gives none), then the similarity of its summary to
    // the ICP — only when the summary says what the company does (a bare name says nothing), and
    // always the summary (never a richer cached profile), so a decision does not depend on what
    // earlier campaigns happened to enrich.
    decisions.forEach((d, i) => {
      if (d.keep && ctx.companies[i] === null && !candidates[i]!.companyRef.domain)
        decisions[i] = { ...d, keep: false, reason: notInDirectory(candidates[i]!.companyRef.name) };
    });
    const open = decisions.flatMap((d, i) => (d.keep && ctx.companies[i] ? [i] : []));
    for (const i of open) {
      const failure = companyFactFailure(ctx.companies[i]!, this.icp);
      if (failure) decisions[i] = { ...decisions[i]!, keep: false, reason: failure };
    }
    const scored = open.filter((i) => decisions[i]!.keep && hasFacts(ctx.companies[i]!));
    if (this.embedder && this.icpCompanyVectors.length && scored.length) {
      const vecs = await this.vectors(scored.map((i) => companyProfile(summaryAsCompany(ctx.companies[i]!))));
      scored.forEach((i, j) => {
        const companySimilarity = round(Math.max(...this.icpCompanyVectors.map((v) => cosine(vecs[j]!, v))));
        const d = { ...decisions[i]!, companySimilarity };
        decisions[i] =
          companySimilarity !== null && companySimilarity < companyThreshold
            ? {
                ...d,
                keep: false,
                reason: `company similarity ${companySimilarity.toFixed(2)} < ${companyThreshold}`,
              }
            : d;
      });
    }
    await this.knowledge?.rememberContacts(
      ctx.campaignId,
      candidates.map((cand, i) => ({ cand, decision: decisions[i]!, vector: contactVecs[i] ?? null })),
    );
    return decisions;
  }
}

/**
 * Milliseconds per 1,000 candidates through the filter (bench/run.ts), on what a search really
 * returns: people of the sandbox world at companies inside the ICP's organisation filters, in
 * steps of 25 as the runner sends them.
 */
export async function benchFilter(model: ModelLocation = {}): Promise<Record<string, number>> {
  const { readFileSync } = await import('node:fs');
  const { parseIcpText } = await import('../domain/icp-io');
  const { getWorld } = await import('../sandbox/world');
  const r = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
  if (!r.ok) throw new Error('template');
  const icp = r.icp;
  const world = getWorld(42);
  const people = world.people
    .filter((p) => {
      const c = world.companies[p.companyIdx]!;
      return (
        (c.country === 'United States' || c.country === 'India') &&
        c.estimated_num_employees >= icp.companySize.min &&
        c.estimated_num_employees <= icp.companySize.max
      );
    })
    .slice(0, 5000);
  const embedder = await createEmbedder(model);
  try {
    const filter = new SemanticFilter(icp, embedder);
    const classifier = filter.titleClassifier(icp);
    const t0 = performance.now();
    for (let i = 0; i < people.length; i += 25) {
      const step = people.slice(i, i + 25);
      const candidates = step.map((p, j) =>
        queuedCandidate(
          {
            providerId: p.id,
            firstName: p.first_name,
            lastName: p.last_name,
            title: p.title,
            organizationId: null,
            organizationName: world.companies[p.companyIdx]!.name,
            organizationDomain: null,
            hasEmail: true,
          },
          { seq: i + j },
        ),
      );
      const companies = step.map((p) => {
        const c = world.companies[p.companyIdx]!;
        return {
          providerId: c.id,
          name: c.name,
          domain: c.primary_domain,
          industry: c.industry,
          employees: c.estimated_num_employees,
          country: c.country,
        };
      });
      await filter.decide(candidates, {
        campaignId: 1,
        icp,
        tier: 'T1',
        classifier,
        companies,
        log: () => {},
      });
    }
    const ms = performance.now() - t0;
    return {
      'filter.msPer1000': Math.round((ms / people.length) * 1000 * 10) / 10,
      'filter.candidates': people.length,
    };
  } finally {
    await embedder.close();
  }
}
