import type { Provider } from '../shared/shapes';

/** Where provider API keys live. The only implementation stores them in the OS keychain. */
export interface SecretStore {
  get(provider: Provider): Promise<string | null>;
  set(provider: Provider, key: string): Promise<void>;
  delete(provider: Provider): Promise<void>;
  has(provider: Provider): Promise<boolean>;
}
