/** The watchlist and its alerts (issue 13). */
import { AppError } from '../shared/errors';
import { getLead, type Db } from '../store';
import {
  addWatch,
  listAlerts,
  listWatches,
  markAlertsRead,
  removeWatch,
  type WatchTarget,
} from '../store/signals';
import type { HandlersOf, Services } from './services';

function checkTarget(db: Db, t: WatchTarget): void {
  if ('leadId' in t) {
    if (!getLead(db, t.leadId)) throw new AppError('NOT_FOUND', `No lead with id ${t.leadId}.`);
    return;
  }
  const row = db.prepare('SELECT 1 FROM companies WHERE id = ?').get(t.companyId);
  if (!row) throw new AppError('NOT_FOUND', `No company with id ${t.companyId}.`);
}

export function watchHandlers(s: Pick<Services, 'db' | 'watch'>): HandlersOf<'watch'> & HandlersOf<'alerts'> {
  const { db } = s;
  return {
    'watch/add': async (t) => {
      checkTarget(db, t);
      return addWatch(db, t);
    },
    'watch/remove': async (t) => ({ removed: removeWatch(db, t) }),
    'watch/list': async () => listWatches(db),
    'watch/refresh': () => s.watch.refresh(),
    'alerts/list': async (q) => listAlerts(db, q ?? {}),
    'alerts/read': async (a) => ({ read: markAlertsRead(db, a?.ids) }),
  };
}
