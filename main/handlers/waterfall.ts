/** The email waterfall's settings (issue 12): which Hunter steps run and how unverified leads are held. */
import { setWaterfallSettings, waterfallSettings } from '../store/waterfall-settings';
import type { HandlersOf, Services } from './services';

export function waterfallHandlers(s: Pick<Services, 'db'>): HandlersOf<'waterfall'> {
  return {
    'waterfall/get': async () => waterfallSettings(s.db),
    // Read by the next campaign step that starts a waterfall: a running campaign keeps what it began with.
    'waterfall/set': async (patch) => setWaterfallSettings(s.db, patch),
  };
}
