import type { Lead } from '../../main/domain/types';
import { BounceRiskBadge, EmailBadge } from './Badges';

/** What the email waterfall did for a lead: final status, bounce risk, each step's source and date. */
export function EmailEvidenceView({ lead }: { lead: Lead }) {
  const e = lead.contact.emailEvidence;
  if (!e) return null;
  return (
    <div className="email-evidence" aria-label="Email evidence">
      <EmailBadge status={e.status} /> <BounceRiskBadge risk={e.bounceRisk} />
      {e.catchAll ? <span className="muted small"> catch-all domain</span> : null}
      <ol className="small">
        {e.steps.map((s, i) => (
          <li key={i}>
            {s.source}, {s.at.slice(0, 10)}: {s.result}
            {s.credits > 0 ? ` (${s.credits} Hunter credit${s.credits === 1 ? '' : 's'})` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
