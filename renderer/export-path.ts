import { api } from './api';
import { useSettings } from './store/settings';

/**
 * Where an export goes: the native save dialog's choice in Electron (null = cancelled); in the browser
 * (dev host, no dialog) the data folder's exports/. The engine only accepts absolute paths, so when
 * the settings have not loaded yet (a busy machine) the data folder is asked for, not guessed.
 */
export async function exportPath(fileName: string): Promise<string | null> {
  const chosen = await api.saveDialog(fileName);
  if (chosen !== undefined) return chosen;
  const dataDir = useSettings.getState().settings?.dataDir ?? (await api.call('settings/get')).dataDir;
  return `${dataDir.replace(/[\\/]+$/, '')}/exports/${fileName}`;
}
