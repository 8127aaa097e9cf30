/** The CRM part of the fake engine: nothing synced, no events; enough for screens that list them. */
import type { CrmHandlers } from '../../main/crm/contract';
import { AppError } from '../../main/shared/errors';

const none = (what: string) => async () => {
  throw new AppError('NOT_FOUND', `The fake engine has no ${what}.`);
};
const counts = { created: 0, updated: 0, merged: 0, skipped: 0, failed: 0 };

export const fakeCrmHandlers: CrmHandlers = {
  'crm/status': async () => ({
    provider: 'hubspot',
    tokenStored: false,
    sandbox: true,
    lastSyncAt: null,
    deadLetters: 0,
    message: 'No HubSpot token is stored: pushes go to the built-in sandbox HubSpot.',
  }),
  'crm/push': async () => ({ ...counts, sandbox: true, deadLetters: [], propertiesCreated: [], message: '' }),
  'crm/deadLetters': async () => [],
  'crm/retry': async () => ({
    ...counts,
    sandbox: true,
    deadLetters: [],
    propertiesCreated: [],
    message: '',
  }),
  'lead/bant': none('BANT'),
  'lead/brief': none('brief'),
  'lead/sequence': none('sequence'),
  'brief/export': none('brief export'),
  'sequence/export': none('sequence export'),
  'outreach/list': async () => [],
  'outreach/log': none('outreach log'),
  'outreach/import': async () => ({ imported: 0, leads: 0, errors: [] }),
};
