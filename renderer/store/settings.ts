/** Settings and key management; `sandbox` drives the app-wide banner. */
import { create } from 'zustand';
import type { Provider, Settings } from '../../main/contract';
import { api } from '../api';

interface SettingsState {
  settings: Settings | null;
  load(): Promise<void>;
  setKey(provider: Provider, key: string): Promise<void>;
  deleteKey(provider: Provider): Promise<void>;
  testKey(provider: Provider): Promise<{ ok: boolean; message: string }>;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  settings: null,
  load: async () => set({ settings: await api.call('settings/get') }),
  setKey: async (provider, key) => {
    await api.call('keys/set', { provider, key });
    await get().load();
  },
  deleteKey: async (provider) => {
    await api.call('keys/delete', { provider });
    await get().load();
  },
  testKey: (provider) => api.call('keys/test', { provider }),
}));
