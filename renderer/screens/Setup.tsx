import { useEffect, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { CreditEstimate, FieldIssue } from '../../main/contract';
import type { Icp, Tier } from '../../main/domain/icp';
import { api } from '../api';
import { TIER_NAMES } from '../components/Badges';
import { ChipsInput } from '../components/ChipsInput';
import { Field, FieldError, invalidProps } from '../components/Field';
import { Notice } from '../components/Notice';
import { fmtInt, humanError, slug } from '../format';
import { useDebounced } from '../hooks';
import { budgetOf, INDUSTRIES, toIcpInput, useIcpForm } from '../store/icpForm';
import { useNav } from '../store/nav';
import { TIERS } from '../tiers';

type Check = { issues: FieldIssue[]; estimate: CreditEstimate | null; error: string | null };

/** Field ids double as the contract's issue paths, so an issue lands beside its input. */
const FIELD_PATHS = [
  'name',
  ...TIERS.flatMap((t) => [`tiers.${t}.target`, `tiers.${t}.titles`]),
  'industries',
  'locations',
  'companySize.min',
  'companySize.max',
  'minValidationScore',
];

const domId = (path: string) => `f-${path.replace(/\./g, '-')}`;

export function SetupScreen() {
  const form = useIcpForm();
  const go = useNav((s) => s.go);
  const [templates, setTemplates] = useState<{ id: string; icp: Icp }[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [check, setCheck] = useState<Check>({ issues: [], estimate: null, error: null });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const input = useMemo(() => toIcpInput(form), [form]);
  const budget = budgetOf(form);
  const budgetError =
    form.budget.trim() !== '' && (budget === null || budget <= 0)
      ? 'a positive number of credits, or leave empty for no limit'
      : undefined;
  const debouncedInput = useDebounced(input, 250);

  useEffect(() => {
    api.call('icp/templates').then(
      (list) => {
        setTemplates(list);
        const first = list[0];
        if (first) {
          setTemplateId(first.id);
          if (!useIcpForm.getState().dirty) useIcpForm.getState().load(first.icp, { keepDirty: true });
        }
      },
      (err: unknown) => setMessage({ kind: 'error', text: humanError('load the ICP templates', err) }),
    );
  }, []);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const res = await api.call('icp/validate', debouncedInput);
        if (!live) return;
        if (!res.ok) return setCheck({ issues: res.issues, estimate: null, error: null });
        const estimate = await api.call('campaign/estimate', debouncedInput);
        if (live) setCheck({ issues: [], estimate, error: null });
      } catch (err) {
        if (live) setCheck({ issues: [], estimate: null, error: humanError('check the ICP', err) });
      }
    })();
    return () => {
      live = false;
    };
  }, [debouncedInput]);

  const touch = (path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
  const issueFor = (path: string) =>
    check.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  const err = (path: string) => (showAll || touched.has(path) ? issueFor(path) : undefined);
  const otherIssues = check.issues.filter(
    (i) => !FIELD_PATHS.some((p) => i.path === p || i.path.startsWith(`${p}.`)),
  );

  const generate = async (e: FormEvent) => {
    e.preventDefault();
    setShowAll(true);
    setMessage(null);
    try {
      setBusy(true);
      const res = await api.call('icp/validate', input);
      if (!res.ok || budgetError) {
        if (!res.ok) setCheck((c) => ({ ...c, issues: res.issues }));
        const firstPath = res.ok
          ? 'budget'
          : FIELD_PATHS.find((p) => res.issues.some((i) => i.path.startsWith(p)));
        document.getElementById(domId(firstPath ?? 'name'))?.focus();
        return;
      }
      const { campaignId } = await api.call('campaign/start', { icp: input, budget });
      go({ screen: 'progress', campaignId });
    } catch (error) {
      setMessage({ kind: 'error', text: humanError('start the campaign', error) });
    } finally {
      setBusy(false);
    }
  };

  const loadTemplate = () => {
    const t = templates.find((x) => x.id === templateId);
    if (t) {
      form.load(t.icp);
      setMessage({ kind: 'success', text: `Loaded the “${t.icp.name}” template.` });
    }
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setMessage(null);
    try {
      const format = /\.json$/i.test(file.name) ? 'json' : 'yaml';
      const res = await api.call('icp/parse', { text: await file.text(), format });
      if (!res.ok) {
        const list = res.issues.map((i) => `${i.path || '(file)'}: ${i.message}`).join('; ');
        setMessage({ kind: 'error', text: `Couldn't import ${file.name}: ${list}.` });
        return;
      }
      form.load(res.icp);
      setMessage({ kind: 'success', text: `Imported ${file.name}.` });
    } catch (error) {
      setMessage({ kind: 'error', text: humanError(`import ${file.name}`, error) });
    }
  };

  const exportAs = async (format: 'yaml' | 'json') => {
    try {
      const text = await api.call('icp/serialize', { icp: input, format });
      const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${slug(form.name)}.icp.${format === 'json' ? 'json' : 'yaml'}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    } catch (error) {
      setMessage({ kind: 'error', text: humanError('export the ICP', error) });
    }
  };

  const [newLocation, setNewLocation] = useState('');

  return (
    <form className="setup" onSubmit={generate} noValidate aria-label="Campaign setup">
      <div className="screen-head">
        <div>
          <h1>New campaign</h1>
          <p className="muted">
            Describe who you want to reach; Lead Studio finds, validates and scores them.
          </p>
        </div>
        <div className="toolbar">
          <label className="inline">
            <span className="sr-only">Template</span>
            <select aria-label="Template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              {templates.length === 0 ? <option value="">No templates</option> : null}
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.icp.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={loadTemplate} disabled={!templateId}>
            Load template
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import…
          </button>
          <input
            ref={fileInput}
            type="file"
            className="sr-only"
            accept=".yaml,.yml,.json"
            aria-label="Import ICP file"
            onChange={importFile}
            tabIndex={-1}
          />
          <button type="button" onClick={() => void exportAs('yaml')}>
            Export YAML
          </button>
          <button type="button" onClick={() => void exportAs('json')}>
            Export JSON
          </button>
        </div>
      </div>

      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}

      <div className="setup-grid">
        <div className="setup-main">
          <section className="card">
            <h2>Campaign</h2>
            <div className="grid-2">
              <Field id={domId('name')} label="Campaign name" error={err('name')}>
                <input
                  id={domId('name')}
                  value={form.name}
                  placeholder="e.g. Q3 manufacturing staffing"
                  onChange={(e) => form.set({ name: e.target.value })}
                  onBlur={() => touch('name')}
                  {...invalidProps(domId('name'), err('name'))}
                />
              </Field>
              <Field
                id={domId('budget')}
                label="Credit budget (optional)"
                error={budgetError}
                hint="The run stops before spending more than this."
              >
                <input
                  id={domId('budget')}
                  inputMode="numeric"
                  value={form.budget}
                  placeholder="No limit"
                  onChange={(e) => form.set({ budget: e.target.value })}
                  {...invalidProps(domId('budget'), budgetError)}
                />
              </Field>
            </div>
          </section>

          <section className="card">
            <h2>Leads per tier</h2>
            <div className="grid-3">
              {TIERS.map((t) => {
                const path = `tiers.${t}.target`;
                return (
                  <Field key={t} id={domId(path)} label={`${t} leads — ${TIER_NAMES[t]}`} error={err(path)}>
                    <input
                      id={domId(path)}
                      type="number"
                      min={0}
                      max={10000}
                      value={form.targets[t]}
                      onChange={(e) => form.setTarget(t, e.target.value)}
                      onBlur={() => touch(path)}
                      {...invalidProps(domId(path), err(path))}
                    />
                  </Field>
                );
              })}
            </div>
          </section>

          <section className="card">
            <h2>Job titles</h2>
            <div className="titles">
              {TIERS.map((t) => (
                <TitlesField
                  key={t}
                  tier={t}
                  values={form.titles[t]}
                  error={err(`tiers.${t}.titles`)}
                  onChange={(v) => {
                    form.setTitles(t, v);
                    touch(`tiers.${t}.titles`);
                  }}
                />
              ))}
            </div>
          </section>

          <section className="card">
            <fieldset aria-describedby={err('industries') ? `${domId('industries')}-error` : undefined}>
              <legend>
                <h2>Industries</h2>
              </legend>
              <div className="row-gap small-links">
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    form.set({ industries: [...INDUSTRIES] });
                    touch('industries');
                  }}
                >
                  Select all
                </button>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    form.set({ industries: [] });
                    touch('industries');
                  }}
                >
                  Clear
                </button>
              </div>
              <div className="checks">
                {[
                  ...INDUSTRIES,
                  ...form.industries.filter((i) => !(INDUSTRIES as readonly string[]).includes(i)),
                ].map((i) => (
                  <label key={i} className="check">
                    <input
                      type="checkbox"
                      checked={form.industries.includes(i)}
                      onChange={() => {
                        form.toggleIndustry(i);
                        touch('industries');
                      }}
                    />
                    {i}
                  </label>
                ))}
              </div>
              <FieldError id={domId('industries')} error={err('industries')} />
            </fieldset>
          </section>

          <section className="card">
            <div className="grid-2">
              <fieldset aria-describedby={err('locations') ? `${domId('locations')}-error` : undefined}>
                <legend>
                  <h2>Locations</h2>
                </legend>
                <div className="checks">
                  {form.locationOptions.map((l) => (
                    <label key={l} className="check">
                      <input
                        type="checkbox"
                        checked={form.locations.includes(l)}
                        onChange={() => {
                          form.toggleLocation(l);
                          touch('locations');
                        }}
                      />
                      {l}
                    </label>
                  ))}
                </div>
                <div className="row-gap add-location">
                  <input
                    aria-label="Add a location"
                    placeholder="Add a country, e.g. Mexico"
                    value={newLocation}
                    onChange={(e) => setNewLocation(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        form.addLocation(newLocation);
                        setNewLocation('');
                      }
                    }}
                  />
                  <button
                    type="button"
                    onClick={() => {
                      form.addLocation(newLocation);
                      setNewLocation('');
                    }}
                  >
                    Add
                  </button>
                </div>
                <FieldError id={domId('locations')} error={err('locations')} />
              </fieldset>
              <div className="size-col">
                <h2>Company size (employees)</h2>
                <div className="grid-2">
                  {(['min', 'max'] as const).map((k) => {
                    const path = `companySize.${k}`;
                    const key = k === 'min' ? 'sizeMin' : 'sizeMax';
                    return (
                      <Field
                        key={k}
                        id={domId(path)}
                        label={k === 'min' ? 'Minimum' : 'Maximum'}
                        error={err(path)}
                      >
                        <input
                          id={domId(path)}
                          type="number"
                          min={1}
                          value={form[key]}
                          onChange={(e) => form.set({ [key]: e.target.value })}
                          onBlur={() => touch(path)}
                          {...invalidProps(domId(path), err(path))}
                        />
                      </Field>
                    );
                  })}
                </div>
                <Field
                  id={domId('minValidationScore')}
                  label="Minimum validation score"
                  error={err('minValidationScore')}
                  hint="Leads passing fewer of the 6 checks are rejected."
                >
                  <div className="slider">
                    <input
                      id={domId('minValidationScore')}
                      type="range"
                      min={0}
                      max={6}
                      step={1}
                      value={form.minValidationScore}
                      onChange={(e) => form.set({ minValidationScore: Number(e.target.value) })}
                      aria-valuetext={`${form.minValidationScore} of 6`}
                    />
                    <output htmlFor={domId('minValidationScore')}>{form.minValidationScore} / 6</output>
                  </div>
                </Field>
              </div>
            </div>
          </section>
        </div>

        <aside className="setup-side">
          <section className="card sticky" aria-label="Credit estimate">
            <h2>Credit estimate</h2>
            <EstimateView estimate={check.estimate} budget={budget} />
            {check.error ? <Notice kind="error">{check.error}</Notice> : null}
            {showAll && check.issues.length ? (
              <Notice kind="error">
                Fix{' '}
                {check.issues.length === 1
                  ? 'the highlighted field'
                  : `the ${check.issues.length} highlighted fields`}{' '}
                before generating.
                {otherIssues.length ? (
                  <ul>
                    {otherIssues.map((i) => (
                      <li key={i.path + i.message}>
                        {i.path || 'ICP'}: {i.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Notice>
            ) : null}
            <button type="submit" className="primary wide" disabled={busy}>
              {busy ? 'Starting…' : 'Generate leads'}
            </button>
          </section>
        </aside>
      </div>
    </form>
  );
}

function TitlesField(props: {
  tier: Tier;
  values: string[];
  error?: string | undefined;
  onChange(v: string[]): void;
}) {
  const path = `tiers.${props.tier}.titles`;
  const id = domId(path);
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <span className="field-label">
        {props.tier} titles — {TIER_NAMES[props.tier]}
      </span>
      <ChipsInput
        id={id}
        label={`${props.tier} titles`}
        values={props.values}
        onChange={props.onChange}
        placeholder={`Add a ${props.tier} title and press Enter`}
        invalid={!!props.error}
        describedBy={props.error ? `${id}-error` : undefined}
      />
      <FieldError id={id} error={props.error} />
    </div>
  );
}

/** The market each tier reaches (free search, before any credit), and what to fix or expect. */
function MarketView({ market }: { market: NonNullable<CreditEstimate['market']> }) {
  return (
    <div className="market" aria-label="Market per tier">
      <ul className="small">
        {TIERS.filter((t) => market.perTier[t].target > 0).map((t) => {
          const m = market.perTier[t];
          return (
            <li key={t} data-tier={t}>
              {t}: {fmtInt(m.people)} people in the market
              {m.expected < m.target
                ? `, expect at most ${fmtInt(m.expected)} of ${fmtInt(m.target)} leads`
                : ` for ${fmtInt(m.target)} leads`}
            </li>
          );
        })}
      </ul>
      {market.problems.map((p) => (
        <p key={p.path} className="warn small">
          {p.path}: {p.message}
        </p>
      ))}
    </div>
  );
}

function EstimateView({ estimate, budget }: { estimate: CreditEstimate | null; budget: number | null }) {
  if (!estimate) return <p className="muted">Complete the form to see how many credits this run needs.</p>;
  return (
    <div className="estimate" role="status" aria-live="polite">
      <p className="estimate-total">
        <strong>{fmtInt(estimate.total)}</strong> credits
      </p>
      <table className="mini">
        <caption className="sr-only">Credits per tier</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" className="num">
              Leads
            </th>
            <th scope="col" className="num">
              Credits
            </th>
          </tr>
        </thead>
        <tbody>
          {TIERS.map((t) => (
            <tr key={t}>
              <th scope="row">{t}</th>
              <td className="num">{fmtInt(estimate.perTier[t].leads)}</td>
              <td className="num">{fmtInt(estimate.perTier[t].credits)}</td>
            </tr>
          ))}
          {estimate.directory > 0 ? (
            <tr>
              <th scope="row">Company directory</th>
              <td className="num">—</td>
              <td className="num">{fmtInt(estimate.directory)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {estimate.market ? <MarketView market={estimate.market} /> : null}
      <p className="muted small">
        {estimate.basis === 'history' ? 'Based on your past campaigns. ' : 'Based on typical hit rates. '}
        {estimate.note}
      </p>
      {budget !== null && budget > 0 && budget < estimate.total ? (
        <p className="warn small">
          The estimate exceeds your budget of {fmtInt(budget)}; the run stops when the budget is spent.
        </p>
      ) : null}
    </div>
  );
}
