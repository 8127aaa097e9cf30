import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { LeadSort } from '../../main/contract';
import type { SignalKind } from '../../main/domain/signals';
import type { Lead, LeadStatus } from '../../main/domain/types';
import { humanError } from '../format';
import { rowAt, useResults } from '../store/results';
import { BandBadge, BounceRiskBadge, EmailBadge, TierBadge } from './Badges';
import { LeadDetail } from './Checklist';

const COLUMNS: { label: string; sort?: LeadSort }[] = [
  { label: 'Tier' },
  { label: 'Company', sort: 'company' },
  { label: 'Contact', sort: 'contact' },
  { label: 'Email' },
  { label: 'Validation', sort: 'validation' },
  { label: 'Lead score', sort: 'score' },
  { label: 'Signals' },
  { label: 'Status' },
  { label: 'Details' },
];

const STATUSES: LeadStatus[] = ['new', 'contacted', 'replied'];
const SIGNAL_TEXT: Record<SignalKind, string> = {
  funding: 'Funding',
  hiring: 'Hiring',
  leadership: 'Leader',
  tech: 'Tech',
  news: 'News',
};
const ROW_ESTIMATE = 62;

/**
 * Virtualized, server-paged leads table: only the rows in view (plus overscan) exist in the DOM,
 * and pages of 100 are fetched from `leads/list` as they scroll into view.
 */
export function LeadsTable() {
  const { total, pages, filter, generation, setFilter, ensureRange } = useResults();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [rowError, setRowError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const marked = useRef(-1);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    getItemKey: (i) => rowAt(pages, i)?.id ?? `i${i}`,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total) ensureRange(first, last);
  }, [first, last, total, generation, ensureRange]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setOpen(new Set());
  }, [generation]);

  // A mark the table benchmark reads: the first paint with real rows for this query.
  useEffect(() => {
    if (marked.current !== generation && items.some((it) => rowAt(pages, it.index))) {
      marked.current = generation;
      performance.mark('leads-table-first-rows');
    }
  });

  const toggle = (id: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const sortBy = (sort: LeadSort) =>
    setFilter(
      filter.sort === sort
        ? { desc: !filter.desc }
        : { sort, desc: sort !== 'company' && sort !== 'contact' },
    );

  return (
    <div className="leads">
      {rowError ? (
        <p className="field-error" role="alert">
          {rowError}
        </p>
      ) : null}
      <div
        className="leads-table"
        role="table"
        aria-label="Leads"
        aria-rowcount={(total ?? 0) + 1}
        aria-busy={total === null}
      >
        <div role="rowgroup" className="leads-head">
          <div role="row" className="leads-row leads-head-row" aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <div
                key={c.label}
                role="columnheader"
                aria-sort={
                  c.sort && filter.sort === c.sort ? (filter.desc ? 'descending' : 'ascending') : undefined
                }
              >
                {c.sort ? (
                  <button type="button" className="sort" onClick={() => sortBy(c.sort!)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-arrow">
                      {filter.sort === c.sort ? (filter.desc ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </div>
            ))}
          </div>
        </div>
        <div ref={scroller} role="rowgroup" className="leads-scroll">
          <div className="leads-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((it) => {
              const lead = rowAt(pages, it.index);
              return (
                <div
                  key={it.key}
                  data-index={it.index}
                  ref={virtualizer.measureElement}
                  className={`leads-item${it.index % 2 ? ' odd' : ''}`}
                  style={{ transform: `translateY(${it.start}px)` }}
                >
                  {lead ? (
                    <LeadRow
                      lead={lead}
                      index={it.index}
                      expanded={open.has(lead.id)}
                      onToggle={() => toggle(lead.id)}
                      onError={setRowError}
                    />
                  ) : (
                    <div role="row" className="leads-row placeholder" aria-rowindex={it.index + 2}>
                      <div role="cell" className="skeleton" />
                    </div>
                  )}
                </div>
              );
            })}
          </div>
          {total === 0 ? (
            <p className="empty" role="status">
              No leads match
              {filter.search || filter.tier || filter.emailStatus || filter.signal
                ? ' these filters'
                : ' yet'}
              .
            </p>
          ) : null}
          {total === null ? (
            <p className="empty" role="status">
              Loading leads…
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function LeadRow(props: {
  lead: Lead;
  index: number;
  expanded: boolean;
  onToggle(): void;
  onError(msg: string | null): void;
}) {
  const { lead, expanded } = props;
  const updateLead = useResults((s) => s.updateLead);
  const name = `${lead.contact.firstName} ${lead.contact.lastName}`;
  const c = lead.company;
  const place = [c.city, c.country].filter(Boolean).join(', ');
  const detailId = `lead-detail-${lead.id}`;
  const setStatus = async (status: LeadStatus) => {
    try {
      props.onError(null);
      await updateLead(lead.id, { status });
    } catch (err) {
      props.onError(humanError(`change the status of ${name}`, err));
    }
  };
  return (
    <>
      <div role="row" className="leads-row" aria-rowindex={props.index + 2}>
        <div role="cell">
          <TierBadge tier={lead.tier} />
        </div>
        <div role="cell" className="cell-stack">
          <span className="strong" title={c.name}>
            {c.name}
          </span>
          <span className="muted small">
            {[c.industry, c.employees ? `${c.employees.toLocaleString('en-US')} emp.` : null, place]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </div>
        <div role="cell" className="cell-stack">
          <span className="strong">{name}</span>
          <span className="muted small" title={lead.contact.title}>
            {lead.contact.title}
          </span>
        </div>
        <div role="cell" className="cell-stack">
          <span className="mono small" title={lead.contact.email ?? ''}>
            {lead.contact.email ?? '—'}
          </span>
          <EmailBadge status={lead.emailStatus} />
          {lead.contact.emailEvidence && <BounceRiskBadge risk={lead.contact.emailEvidence.bounceRisk} />}
        </div>
        <div role="cell">
          <span className={`val val-${lead.validation.score}`}>
            {lead.validation.score}/{lead.validation.max}
          </span>
        </div>
        <div role="cell" className="cell-score">
          <span className="score-num">{lead.score.total}</span>
          <BandBadge band={lead.score.band} />
          {lead.score.whyNow ? (
            <span className="muted small why-now" title={lead.score.whyNow}>
              {lead.score.whyNow}
            </span>
          ) : null}
        </div>
        <div role="cell" className="cell-signals" aria-label={`Signals for ${name}`}>
          {lead.signals?.length ? (
            lead.signals.map((k) => (
              <span key={k} className={`badge badge-signal badge-signal-${k}`}>
                {SIGNAL_TEXT[k]}
              </span>
            ))
          ) : (
            <span className="muted small">—</span>
          )}
        </div>
        <div role="cell">
          <select
            aria-label={`Status for ${name}`}
            value={lead.status}
            onChange={(e) => void setStatus(e.target.value as LeadStatus)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div role="cell">
          <button
            type="button"
            className="link"
            aria-expanded={expanded}
            aria-controls={detailId}
            aria-label={`${expanded ? 'Hide' : 'View'} checklist for ${name}`}
            onClick={props.onToggle}
          >
            {expanded ? 'Hide checklist' : 'View checklist'}
          </button>
        </div>
      </div>
      {expanded ? (
        <div role="row" className="leads-detail-row" id={detailId}>
          <div role="cell" aria-colspan={COLUMNS.length}>
            <LeadDetail lead={lead} />
          </div>
        </div>
      ) : null}
    </>
  );
}
