/**
 * The three signal providers' wire formats, built from a company's timeline as of a sandbox day:
 * Crunchbase v4 entity JSON (raised_funding_rounds card), BuiltWith v22 domain JSON
 * (Technologies[] with FirstDetected/LastDetected in epoch ms), Google News RSS 2.0 XML.
 */
import { Rng, hash32 } from '../prng';
import type { WorldCompany } from '../world';
import { dayStartMs, dayToIso, type CompanySignals, type NewsStory } from './timeline';

const DAY = 86_400_000;

// ------------------------------------------------------------------ Crunchbase v4

/** Crunchbase's investment_type enum from a printed stage. */
export function investmentType(stage: string): string {
  const s = stage.toLowerCase();
  const series = /^series ([a-j])/.exec(s);
  if (series) return `series_${series[1]}`;
  if (s.startsWith('seed')) return 'seed';
  if (s.startsWith('angel')) return 'angel';
  if (s.startsWith('private equity')) return 'private_equity';
  if (s.startsWith('debt')) return 'debt_financing';
  if (s.startsWith('venture')) return 'series_unknown';
  return 'undisclosed';
}

function identifier(uuid: string, value: string, permalink: string, entity: string) {
  return { uuid, value, permalink, entity_def_id: entity, image_id: null };
}

const money = (usd: number) => ({ value: usd, currency: 'USD', value_usd: usd });

/** Rounds Crunchbase knows that were announced by `day`, newest first. */
export function visibleRounds(s: CompanySignals, day: number) {
  return s.funding.filter((f) => f.inCrunchbase && f.day <= day).sort((a, b) => b.day - a.day);
}

export function crunchbaseOrganization(s: CompanySignals, c: WorldCompany, day: number, cards: string[]) {
  const rounds = visibleRounds(s, day);
  const orgId = identifier(c.id, c.name, s.permalink, 'organization');
  const total = rounds.reduce((t, r) => t + (r.amountUsd ?? 0), 0);
  const body: { properties: Record<string, unknown>; cards?: Record<string, unknown[]> } = {
    properties: {
      identifier: orgId,
      short_description: c.short_description,
      website_url: c.website_url,
      founded_on: c.founded_year ? { value: `${c.founded_year}-01-01`, precision: 'year' } : null,
      last_funding_type: rounds[0] ? investmentType(rounds[0].stage) : null,
      last_funding_at: rounds[0] ? dayToIso(rounds[0].day) : null,
      funding_total: total > 0 ? money(total) : null,
      num_funding_rounds: rounds.length,
    },
  };
  if (cards.includes('raised_funding_rounds'))
    body.cards = {
      raised_funding_rounds: rounds.slice(0, 100).map((r) => ({
        identifier: identifier(
          r.uuid,
          `${r.stage} - ${c.name}`,
          `${s.permalink}-${r.uuid.slice(-6)}`,
          'funding_round',
        ),
        announced_on: dayToIso(r.day),
        investment_type: investmentType(r.stage),
        money_raised: r.amountUsd ? money(r.amountUsd) : null,
        funded_organization_identifier: orgId,
        lead_investor_identifiers: r.investors
          .slice(0, 1)
          .map((name) =>
            identifier(
              `inv-${hash32(name).toString(16)}`,
              name,
              name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
              'organization',
            ),
          ),
        num_investors: r.investors.length || null,
      })),
    };
  return body;
}

export function crunchbaseSearchHit(s: CompanySignals, c: WorldCompany) {
  return {
    uuid: c.id,
    properties: {
      identifier: identifier(c.id, c.name, s.permalink, 'organization'),
      website_url: c.website_url,
    },
  };
}

/** Crunchbase v4 error bodies are arrays of {code, message} (codes as seen in client libraries; unverified). */
export const crunchbaseError = (code: string, message: string) => [{ code, message }];

// ------------------------------------------------------------------ BuiltWith v22

const TAG_OF: Record<string, string> = {
  'Email Providers': 'mx',
  'Domain Name Services': 'ns',
  CMS: 'cms',
  'Analytics and Tracking': 'analytics',
  'Tag Management': 'analytics',
  'Advertising Networks': 'ads',
  CRM: 'analytics',
  'Marketing Automation': 'analytics',
};

/** A stable offset (days) drawn from the company and a name, for detection dates. */
function jitter(c: WorldCompany, what: string, min: number, max: number): number {
  return new Rng(hash32(c.id), hash32(what)).int(min, max);
}

interface BwTech {
  Name: string;
  Tag: string;
  FirstDetected: number;
  LastDetected: number;
  IsPremium: string;
  Categories: string[];
  Link: string;
  Description: string;
}

/** What BuiltWith has seen on the domain by `day`: the stack, plus adoptions and drops so far. */
export function builtwithTechnologies(s: CompanySignals, c: WorldCompany, day: number): BwTech[] {
  const seenUntil = (name: string) => dayStartMs(day) - jitter(c, `last:${name}`, 0, 12) * DAY;
  const tech = (name: string, tag: string, first: number, last: number, category: string): BwTech => ({
    Name: name,
    Tag: tag,
    FirstDetected: first,
    LastDetected: last,
    IsPremium: 'no',
    Categories: category ? [category] : [],
    Link: `https://${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com`,
    Description: `${name} detected on ${s.domain}.`,
  });
  const out = new Map<string, BwTech>();
  for (const t of c.current_technologies) {
    const first = dayStartMs(-jitter(c, `first:${t.name}`, 400, 2000));
    out.set(t.name, tech(t.name, TAG_OF[t.category] ?? 'widgets', first, seenUntil(t.name), t.category));
  }
  for (const ch of s.tech) {
    // BuiltWith finds a change on its next crawl, a few days to two weeks later.
    const seenAt = ch.day + jitter(c, `lag:${ch.name}:${ch.day}`, 0, 14);
    if (ch.change === 'adopted') {
      if (seenAt > day) continue;
      out.set(ch.name, tech(ch.name, ch.tag, dayStartMs(seenAt), seenUntil(ch.name), ''));
    } else {
      const first = dayStartMs(ch.day - jitter(c, `had:${ch.name}`, 300, 1500));
      const last = ch.day <= day ? dayStartMs(ch.day) : seenUntil(ch.name);
      out.set(ch.name, tech(ch.name, ch.tag, first, last, ''));
    }
  }
  return [...out.values()];
}

export function builtwithDomainBody(
  s: CompanySignals | null,
  c: WorldCompany | null,
  lookup: string,
  day: number,
) {
  const now = dayStartMs(day);
  const techs = s && c ? builtwithTechnologies(s, c, day) : [];
  return {
    Results: [
      {
        Result: {
          IsDB: s ? 'True' : 'False',
          Spend: 0,
          Paths: techs.length
            ? [
                {
                  FirstIndexed: now - 2000 * DAY,
                  LastIndexed: now,
                  Domain: lookup,
                  Url: '',
                  SubDomain: '',
                  Technologies: techs,
                },
              ]
            : [],
        },
        Meta: c ? { CompanyName: c.name, City: c.city, Country: c.country, Vertical: c.industry } : null,
        Attributes: null,
        FirstIndexed: now - 2000 * DAY,
        LastIndexed: now,
        Lookup: lookup,
      },
    ],
    Errors: [],
  };
}

export const builtwithError = (lookup: string | null, message: string) => ({
  Results: [],
  Errors: [{ Lookup: lookup, Message: message, Code: -1 }],
});

// ------------------------------------------------------------------ Google News RSS 2.0

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function articleLink(story: NewsStory): string {
  return `https://news.google.com/rss/articles/${Buffer.from(story.id).toString('base64url')}?oc=5`;
}

/** Stories published by `day`, newest first, at most 100 (Google News' page size). */
export function visibleStories(s: CompanySignals | null, day: number): NewsStory[] {
  return s ? s.news.filter((n) => n.day <= day).slice(0, 100) : [];
}

export function newsRss(query: string, stories: NewsStory[], day: number): string {
  const items = stories.map((n) => {
    const pub = new Date(dayStartMs(n.day) + n.minute * 60_000).toUTCString();
    const link = articleLink(n);
    const title = `${n.headline} - ${n.publisher}`;
    return [
      '<item>',
      `<title>${escapeXml(title)}</title>`,
      `<link>${escapeXml(link)}</link>`,
      `<guid isPermaLink="false">${escapeXml(n.id)}</guid>`,
      `<pubDate>${pub}</pubDate>`,
      `<description>${escapeXml(`<a href="${link}" target="_blank">${escapeXml(n.headline)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${escapeXml(n.publisher)}</font>`)}</description>`,
      `<source url="${escapeXml(n.publisherUrl)}">${escapeXml(n.publisher)}</source>`,
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>',
    '<generator>NFE/5.0</generator>',
    `<title>${escapeXml(`${query} - Google News`)}</title>`,
    `<link>https://news.google.com/search?q=${encodeURIComponent(query)}&amp;hl=en-US&amp;gl=US&amp;ceid=US:en</link>`,
    '<language>en-US</language>',
    '<webMaster>news-webmaster@google.com</webMaster>',
    '<copyright>2026 Google Inc.</copyright>',
    `<lastBuildDate>${new Date(dayStartMs(day) + 12 * 3_600_000).toUTCString()}</lastBuildDate>`,
    '<description>Google News</description>',
    ...items,
    '</channel></rss>',
  ].join('\n');
}

/** What Google sends a client that polls too hard: an HTML page, not RSS. */
export const NEWS_RATE_LIMIT_PAGE =
  "<html><head><title>Sorry...</title></head><body><h1>We're sorry...</h1><p>... but your computer or network may be sending automated queries. To protect our users, we can't process your request right now.</p></body></html>";
