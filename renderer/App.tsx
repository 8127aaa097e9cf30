import { useEffect, useState } from 'react';
import { api } from './api';
import { Notice } from './components/Notice';
import { humanError } from './format';
import { CampaignsScreen } from './screens/Campaigns';
import { ProgressScreen } from './screens/Progress';
import { ResultsScreen } from './screens/Results';
import { SettingsScreen } from './screens/Settings';
import { SetupScreen } from './screens/Setup';
import { connectLive } from './store/live';
import { followHash, useNav, type Route } from './store/nav';
import { followModel, useSettings } from './store/settings';

const NAV: { screen: Route['screen']; label: string; route: Route }[] = [
  { screen: 'setup', label: 'New campaign', route: { screen: 'setup' } },
  { screen: 'campaigns', label: 'Campaigns', route: { screen: 'campaigns' } },
  { screen: 'settings', label: 'Settings', route: { screen: 'settings' } },
];

export function App() {
  const { route, go } = useNav();
  const settings = useSettings((s) => s.settings);
  const [bootError, setBootError] = useState<string | null>(null);

  useEffect(() => {
    const stopLive = connectLive(api);
    const stopModel = followModel();
    const stopHash = followHash();
    useSettings
      .getState()
      .load()
      .catch((err: unknown) => setBootError(humanError('reach the Lead Studio engine', err)));
    return () => {
      stopLive();
      stopModel();
      stopHash();
    };
  }, []);

  const current = route.screen === 'progress' || route.screen === 'results' ? 'campaigns' : route.screen;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            LS
          </span>
          Lead Studio
        </div>
        <nav aria-label="Main">
          {NAV.map((n) => (
            <button
              key={n.screen}
              type="button"
              className={current === n.screen ? 'nav-link active' : 'nav-link'}
              aria-current={current === n.screen ? 'page' : undefined}
              onClick={() => go(n.route)}
            >
              {n.label}
            </button>
          ))}
        </nav>
      </header>
      {settings?.sandbox ? (
        <div className="sandbox-banner" role="status">
          <strong>Sandbox mode</strong> — no Apollo key set; results are synthetic.{' '}
          <button type="button" className="link" onClick={() => go({ screen: 'settings' })}>
            Add a key
          </button>
        </div>
      ) : null}
      <main className="content">
        {bootError ? <Notice kind="error">{bootError}</Notice> : null}
        <Screen route={route} />
      </main>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'setup':
      return <SetupScreen />;
    case 'progress':
      return <ProgressScreen key={route.campaignId} campaignId={route.campaignId} />;
    case 'results':
      return <ResultsScreen key={route.campaignId} campaignId={route.campaignId} />;
    case 'campaigns':
      return <CampaignsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
