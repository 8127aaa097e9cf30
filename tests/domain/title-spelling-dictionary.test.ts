import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIcpText } from '../../main/domain/icp-io';
import { createTitleClassifier, repairSpelling } from '../../main/domain/titles';

/**
 * Spelling repair fixes typos ("Manger", "Operatons"), so it must leave real words alone: a real
 * word one slip from a vocabulary word ("Planing", "Stuffing", "Equality", "Resident") is read as
 * written. The judge is an independent word list, Debian's English dictionaries (packages wamerican
 * and wbritish, installed by .ci/run), not a list of ours: a vocabulary word added later that puts
 * a real word one slip away fails here until the word is added to NOT_TYPOS.
 */
const DICTIONARIES = ['/usr/share/dict/american-english', '/usr/share/dict/british-english'];

/** Inflections of the word repaired to are fine ("operators" → operator, "logistic" → logistics). */
function inflection(word: string, fix: string): boolean {
  if (word.startsWith(fix)) return ['s', 'es', 'd', 'ed', 'y'].includes(word.slice(fix.length));
  return fix.startsWith(word) && fix.slice(word.length) === 's';
}

/** Dictionary words rarer in titles than the typo they also are, so repairing them is right. */
const TYPO_FIRST = new Set([
  'manger',
  'mangers',
  'directer',
  'employe',
  'interne',
  'interneship',
  'depute', // Scots for deputy: "Depute Head"
  'chairmen',
  'chairwomen',
  'foremen',
  'forewomen',
]);

describe('spelling repair and real words', () => {
  it('repairs no real English word into another word', () => {
    const missing = DICTIONARIES.filter((f) => !existsSync(f));
    expect(missing, 'install the Debian packages wamerican and wbritish (.ci/run does)').toEqual([]);
    const words = new Set<string>();
    for (const f of DICTIONARIES)
      for (const w of readFileSync(f, 'utf8').split('\n')) if (/^[a-z]{5,}$/.test(w)) words.add(w);
    expect(words.size).toBeGreaterThan(50_000);
    const rewritten: string[] = [];
    for (const w of words) {
      const fix = repairSpelling(w);
      if (fix && !inflection(w, fix) && !TYPO_FIRST.has(w)) rewritten.push(`${w} → ${fix}`);
    }
    expect(rewritten).toEqual([]);
  });

  it('still repairs typos, and plurals to their singular', () => {
    expect(repairSpelling('manger')).toBe('manager');
    expect(repairSpelling('operatons')).toBe('operations');
    expect(repairSpelling('superintendant')).toBe('superintendent');
    expect(repairSpelling('supervisors')).toBe('supervisor');
  });

  const template = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
  if (!template.ok) throw new Error('template invalid');
  const { classify, explain } = createTitleClassifier(template.icp);
  it.each([
    // real words that a repair used to turn into a target's or a setting's word
    ['Planing Mill Manager', 'T1'], // a sawmill's planing mill, not planning
    ['Scales Manufacturing Manager', 'T1'], // scales are made, not sales
    ['Clean Room Operations Manager', 'T1'], // not "lean"
    ['Stuffing Line Supervisor', null], // a food line, not staffing
    ['Head Brewer', null], // a brewer, not a brewery's head
    ['Equality Officer', 'T3'], // equality work is HR's; it is not "quality" (a function no tier has)
    // casting: a film's setting alone, a foundry's process beside a making word or a metal
    ['Die Casting Plant Manager', 'T1'],
    ['Casting Production Manager', 'T1'],
    ['Castings Plant Manager', 'T1'],
    ['Casting Director', null],
    ['Casting Agent', null],
  ])('%s → %s', (title, tier) => {
    expect(classify(title).tier).toBe(tier);
  });

  it.each([
    // out either way, but for what the title says, not for the word a repair made of it
    ['Equality Analyst', 'rank "analyst" is outside the tiers\' ranks'], // was "quality is no tier's function"
    ['Programmer Analyst', 'no function word'], // was "project is no tier's function"
    ['Marina Operations Manager', 'outside setting (marina)'], // was "(marine)"
  ])('%s stays out: %s', (title, reason) => {
    const r = explain(title);
    expect(r.match.tier).toBeNull();
    expect(r.reason).toBe(reason);
  });
});
