import { isAbsolute, join, resolve } from 'node:path';
import type { PrivacyHandlers } from '../privacy/contract';
import type { Privacy } from '../privacy/service';
import { checkArgs } from '../privacy/validators';

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** The contract's privacy and audit methods over one engine's Privacy service. */
export function createPrivacyHandlers(deps: { privacy: Privacy; dataDir: string }): PrivacyHandlers {
  const { privacy, dataDir } = deps;
  const where = (path: string | undefined, name: string) =>
    path === undefined ? join(dataDir, 'exports', name) : isAbsolute(path) ? path : resolve(dataDir, path);
  return {
    'privacy/status': async () => privacy.status(),
    'privacy/erase': async (args) => privacy.erase(checkArgs('privacy/erase', args)),
    'privacy/export-person': async (args) => {
      const { path, ...target } = checkArgs('privacy/export-person', args);
      return privacy.exportPerson(target, where(path, `person-${stamp()}.json`));
    },
    'privacy/set-retention': async (args) => {
      privacy.setRetention(checkArgs('privacy/set-retention', args).days);
      return privacy.status();
    },
    'privacy/retention': async (args) => privacy.retention(checkArgs('privacy/retention', args).dryRun),
    'audit/list': async (args) => privacy.listAudit(checkArgs('audit/list', args ?? {}).limit),
    'audit/export': async (args) =>
      privacy.exportAudit(where(checkArgs('audit/export', args ?? {}).path, `audit-${stamp()}.jsonl`)),
  };
}
