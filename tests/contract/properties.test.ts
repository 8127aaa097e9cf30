import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { METHODS, type Method } from '../../main/contract';
import { ARG_SCHEMAS } from '../../main/contract-args';
import { checkIcp, parseIcpText } from '../../main/domain/icp-io';
import { createEngine, type Engine } from '../../main/engine';
import { AppError, ERROR_CODES } from '../../main/shared/errors';

/**
 * Random and hostile arguments thrown at every contract method, through the one validator and the real
 * handlers over a real SQLite file: each call either succeeds or fails with a typed error whose
 * message names the bad field, never a crash (an untyped error), and a failed call writes nothing.
 */
const RUNS = 200; // per method; README "Bad input" lists what is tried

const hostileScalar = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 2 ** 53, -(2 ** 63), Number.MAX_VALUE),
  fc.constantFrom('', ' ', '\0', '../../etc/passwd', '/tmp/x.xlsx', 'x'.repeat(300_000), '__proto__', 'T1'),
  fc.constantFrom(true, false, null, undefined),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.string({ unit: 'binary' }),
);
const hostile = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
  },
  { weight: 2, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__": {"polluted": 1}}') as unknown) },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 4 }) },
);

/** The argument's field names, when the method takes an object. */
function fieldsOf(method: Method): string[] {
  const schema = ARG_SCHEMAS[method] as unknown;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Right field names with hostile values (and now and then an unknown field): the near misses. */
function argsFor(method: Method): fc.Arbitrary<unknown> {
  const fields = fieldsOf(method);
  const takesNothing = ARG_SCHEMAS[method].safeParse(undefined).success && fields.length === 0;
  // A method without an argument is only ever called wrongly here (no real model download, no reindex).
  const wrong = takesNothing ? hostile.filter((v) => v !== undefined && v !== null) : hostile;
  if (fields.length === 0) return wrong;
  const nearMiss = fc.record(Object.fromEntries(fields.map((f) => [f, hostile])), { requiredKeys: [] });
  const extra = fc.tuple(nearMiss, fc.string(), hostile).map(([o, k, v]) => ({ ...o, [`x${k}`]: v }));
  return fc.oneof(wrong, nearMiss, extra);
}

/** Every row of every table, as one comparable value. */
function snapshot(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

const codes = new Set<string>(ERROR_CODES);

function expectNamedError(method: Method, err: unknown): void {
  expect(err, `${method} threw an untyped error: ${String(err)}`).toBeInstanceOf(AppError);
  const e = err as AppError;
  expect(codes.has(e.code) && e.code !== 'INTERNAL', `${method}: code ${e.code}`).toBe(true);
  expect(e.message.length).toBeGreaterThan(10);
  if (e.code !== 'INVALID_INPUT') return;
  const issues = e.detail as { path: string; message: string }[];
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.message.length).toBeGreaterThan(3);
    // The message names the field (or, for a wrong top-level value, says what is expected).
    if (issue.path) expect(e.message).toContain(`${issue.path}: `);
    else expect(issue.message).toMatch(/expected|must|takes no argument|required|invalid|unknown field/i);
  }
}

describe('every contract method under random and hostile input', () => {
  let engine: Engine;
  let file: string;
  const tried: Record<string, number> = {};

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ls-props-'));
    file = join(dataDir, 'lead-studio.db');
    engine = await createEngine({ dataDir, forceSandbox: true, semanticFilter: false, vectorStore: false });
  });
  afterAll(async () => {
    await engine.close();
    console.info(`contract property cases: ${JSON.stringify(tried)}`);
  });

  it.each(METHODS.map((m) => [m]))(
    '%s: a typed, named-field error or a result; no partial write',
    async (method) => {
      tried[method] = 0;
      await fc.assert(
        fc.asyncProperty(argsFor(method), async (arg) => {
          tried[method]!++;
          const before = snapshot(file);
          const handler = engine.handlers[method] as (a: unknown) => Promise<unknown>;
          try {
            await handler(arg);
          } catch (err) {
            expectNamedError(method, err);
            expect(snapshot(file)).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
    },
  );
});

describe('the ICP parser under random and hostile text', () => {
  const icpLike = fc.record(
    {
      name: hostileScalar,
      tiers: fc.oneof(hostile, fc.record({ T1: hostile, T2: hostile, T3: hostile }, { requiredKeys: [] })),
      industries: fc.oneof(hostile, fc.array(fc.string())),
      locations: hostile,
      companySize: fc.oneof(hostile, fc.record({ min: hostileScalar, max: hostileScalar })),
      minValidationScore: hostileScalar,
    },
    { requiredKeys: [] },
  );
  const text = fc.oneof(
    fc.string({ maxLength: 2000 }),
    fc.string({ unit: 'binary', maxLength: 500 }),
    icpLike.map((o) => YAML.stringify(o, { keepUndefined: false }) ?? ''),
    icpLike.map((o) => JSON.stringify(o, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? ''),
    fc.constantFrom(
      'a: &a [*a]',
      '!!binary x',
      '{"a":',
      '- - - -',
      'name: [',
      '\uFEFFname: x',
      'x: !!js/function "f"',
    ),
  );

  const isNamedCheck = (r: ReturnType<typeof parseIcpText>) => {
    if (r.ok) return;
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) {
      expect(i.path.length).toBeGreaterThan(0);
      expect(i.message.length).toBeGreaterThan(3);
    }
  };

  it('parses YAML and JSON text into an ICP or named-field issues, never a throw', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('yaml' as const, 'json' as const), (t, format) => {
        isNamedCheck(parseIcpText(t, format));
      }),
      { numRuns: 500 },
    );
  });

  it('checks any value as an ICP without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, icpLike), (v) => isNamedCheck(checkIcp(v))),
      { numRuns: 500 },
    );
  });
});
