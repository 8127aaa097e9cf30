/** Settings, key management and the matching model; `sandbox` drives the app-wide banner. */
import { create } from 'zustand';
import type { ModelStatus, Provider, Settings } from '../../main/contract';
import { api } from '../api';

interface SettingsState {
  settings: Settings | null;
  model: ModelStatus | null;
  load(): Promise<void>;
  setKey(provider: Provider, key: string): Promise<void>;
  deleteKey(provider: Provider): Promise<void>;
  testKey(provider: Provider): Promise<{ ok: boolean; message: string }>;
  downloadModel(): Promise<void>;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  settings: null,
  model: null,
  load: async () => {
    const [settings, model] = await Promise.all([api.call('settings/get'), api.call('model/status')]);
    set({ settings, model });
  },
  setKey: async (provider, key) => {
    await api.call('keys/set', { provider, key });
    await get().load();
  },
  deleteKey: async (provider) => {
    await api.call('keys/delete', { provider });
    await get().load();
  },
  testKey: (provider) => api.call('keys/test', { provider }),
  downloadModel: async () => {
    try {
      set({ model: await api.call('model/download') });
    } catch (err) {
      set({ model: await api.call('model/status') }); // carries the failure for the card
      throw err;
    }
  },
}));

/** Keeps `model` current while a download streams progress; returns the unsubscribe. */
export function followModel(store = useSettings): () => void {
  return api.on('model/progress', (model) => store.setState({ model }));
}
