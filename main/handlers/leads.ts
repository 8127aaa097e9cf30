import type { LeadQuery } from '../contract';
import { AppError } from '../shared/errors';
import { getLead, listLeads, updateLead } from '../store';
import type { HandlersOf, Services } from './services';

export function leadsHandlers({ db }: Pick<Services, 'db'>): HandlersOf<'leads'> {
  return {
    'leads/list': async (q: LeadQuery) => listLeads(db, q),
    'leads/update': async ({ leadId, status, notes }) => {
      if (!getLead(db, leadId)) throw new AppError('NOT_FOUND', `No lead with id ${leadId}.`);
      return updateLead(db, leadId, { status, notes });
    },
  };
}
