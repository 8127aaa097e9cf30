/** Which screen is showing, mirrored in location.hash so reload and deep links (#/results/3) work. */
import { create } from 'zustand';

export type Route =
  | { screen: 'setup' }
  | { screen: 'progress'; campaignId: number }
  | { screen: 'results'; campaignId: number }
  | { screen: 'campaigns' }
  | { screen: 'settings' };

export function parseHash(hash: string): Route {
  const [screen, id] = hash.replace(/^#\/?/, '').split('/');
  const campaignId = Number(id);
  if ((screen === 'progress' || screen === 'results') && Number.isInteger(campaignId) && campaignId > 0) {
    return { screen, campaignId };
  }
  if (screen === 'campaigns' || screen === 'settings') return { screen };
  return { screen: 'setup' };
}

export function toHash(r: Route): string {
  return 'campaignId' in r ? `#/${r.screen}/${r.campaignId}` : `#/${r.screen}`;
}

interface NavState {
  route: Route;
  go(route: Route): void;
}

export const useNav = create<NavState>()((set) => ({
  route: typeof location === 'undefined' ? { screen: 'setup' } : parseHash(location.hash),
  go: (route) => {
    if (typeof location !== 'undefined' && location.hash !== toHash(route)) location.hash = toHash(route);
    set({ route });
  },
}));

export function followHash(): () => void {
  const onHash = () => useNav.setState({ route: parseHash(location.hash) });
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
