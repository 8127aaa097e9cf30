import { createApolloProvider } from '../providers/apollo';
import { createCrunchbaseClient } from '../providers/crunchbase';
import { createHunterClient } from '../providers/hunter';
import { AppError } from '../shared/errors';
import type { Handlers, Provider } from '../contract';
import type { HandlersOf, Services } from './services';

type SettingsHandlers = HandlersOf<'settings'> & HandlersOf<'keys'>;

const NO_SIGNAL_KEY = (name: string) =>
  `No ${name} key is stored: sandbox campaigns use the sandbox ${name}, real ones go without it.`;

/**
 * Crunchbase: one free search for a known domain proves the key. BuiltWith charges every lookup,
 * so its key is not spent on a test: the first campaign's lookup checks it (a refusal names it).
 */
async function signalKeyTest(
  provider: 'crunchbase' | 'builtwith',
  key: string | null,
  urls: { crunchbase?: string } | undefined,
): Promise<{ ok: boolean; message: string }> {
  const name = provider === 'crunchbase' ? 'Crunchbase' : 'BuiltWith';
  if (!key) return { ok: false, message: NO_SIGNAL_KEY(name) };
  if (provider === 'builtwith')
    return {
      ok: true,
      message:
        'The BuiltWith key is stored. Every BuiltWith lookup costs a credit, so it is checked on the first campaign’s lookup, not here.',
    };
  const client = createCrunchbaseClient({ apiKey: key, baseUrl: urls?.crunchbase, maxRetries: 0 });
  try {
    await client.findPermalink('crunchbase.com');
    return { ok: true, message: 'Connected to Crunchbase: the key was accepted.' };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  } finally {
    await client.close();
  }
}

export function settingsHandlers(
  s: Pick<
    Services,
    'secrets' | 'logger' | 'providers' | 'dataDir' | 'apolloBaseUrl' | 'hunterBaseUrl' | 'signalUrls' | 'crm'
  >,
): SettingsHandlers {
  const { secrets, logger, providers, crm } = s;
  /** A changed key drops the client built with the old one. */
  // Crunchbase's and BuiltWith's clients follow their key by themselves (services/signals.ts).
  const dropClient = (provider: Provider) => {
    if (provider === 'hunter') providers.dropHunter();
    else if (provider === 'hubspot') crm.dropClient();
    else if (provider === 'apollo') providers.dropApollo();
  };
  const keysTest: Handlers['keys/test'] = async ({ provider }) => {
    if (provider === 'hubspot') return crm.testConnection();
    if (provider === 'crunchbase' || provider === 'builtwith') {
      const key = await secrets?.get(provider);
      if (key) providers.knownKeys.add(key);
      return signalKeyTest(provider, key ?? null, s.signalUrls);
    }
    const key = await secrets?.get(provider);
    if (!key)
      return provider === 'hunter'
        ? {
            ok: false,
            message:
              'No Hunter key is stored: sandbox campaigns use the sandbox Hunter, real ones Apollo alone.',
          }
        : { ok: false, message: 'No Apollo key is stored: the app runs in sandbox mode.' };
    providers.knownKeys.add(key);
    const client =
      provider === 'hunter'
        ? createHunterClient({ apiKey: key, baseUrl: s.hunterBaseUrl })
        : createApolloProvider({ apiKey: key, baseUrl: s.apolloBaseUrl });
    try {
      const r = await client.testConnection();
      logger.info(`${provider} connection test: ${r.ok ? 'ok' : 'failed'}`, r.message);
      return r;
    } finally {
      await client.close();
    }
  };
  return {
    'settings/get': async () => {
      const present = !!(await providers.apolloKey());
      const hunter = !!(await providers.hunterKey());
      const hubspot = { present: !!(await crm.token()) };
      const crunchbase = { present: !!(await secrets?.has('crunchbase')) };
      const builtwith = { present: !!(await secrets?.has('builtwith')) };
      return {
        sandbox: !present,
        keys: { apollo: { present }, hunter: { present: hunter }, hubspot, crunchbase, builtwith },
        dataDir: s.dataDir,
      };
    },
    'keys/set': async ({ provider, key }) => {
      if (!secrets) throw new AppError('KEYCHAIN_UNAVAILABLE', 'No OS keychain is available to store keys.');
      providers.knownKeys.add(key.trim());
      await secrets.set(provider, key);
      logger.info(`${provider} key stored in the OS keychain`);
      dropClient(provider);
    },
    'keys/delete': async ({ provider }) => {
      await secrets?.delete(provider);
      dropClient(provider);
    },
    'keys/test': keysTest,
  };
}
