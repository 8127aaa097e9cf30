import { createApolloProvider } from '../providers/apollo';
import { createHunterClient } from '../providers/hunter';
import { AppError } from '../shared/errors';
import type { Handlers, Provider } from '../contract';
import type { HandlersOf, Services } from './services';

type SettingsHandlers = HandlersOf<'settings'> & HandlersOf<'keys'>;

export function settingsHandlers(
  s: Pick<
    Services,
    'secrets' | 'logger' | 'providers' | 'dataDir' | 'apolloBaseUrl' | 'hunterBaseUrl' | 'crm'
  >,
): SettingsHandlers {
  const { secrets, logger, providers, crm } = s;
  /** A changed key drops the client built with the old one. */
  const dropClient = (provider: Provider) => {
    if (provider === 'hunter') providers.dropHunter();
    else if (provider === 'hubspot') crm.dropClient();
    else providers.dropApollo();
  };
  const keysTest: Handlers['keys/test'] = async ({ provider }) => {
    if (provider === 'hubspot') return crm.testConnection();
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
      return {
        sandbox: !present,
        keys: { apollo: { present }, hunter: { present: hunter }, hubspot },
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
