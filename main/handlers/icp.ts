import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkIcp, parseIcpText, serializeIcp } from '../domain/icp-io';
import type { HandlersOf, Services } from './services';

export function icpHandlers(s: Pick<Services, 'resourcesDir'>): HandlersOf<'icp'> {
  return {
    'icp/validate': async (input) => checkIcp(input),
    'icp/templates': async () => {
      const dir = join(s.resourcesDir, 'icp');
      return readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .flatMap((f) => {
          const r = parseIcpText(readFileSync(join(dir, f), 'utf8'), 'yaml');
          return r.ok ? [{ id: f.replace(/\.ya?ml$/, ''), icp: r.icp }] : [];
        });
    },
    'icp/parse': async ({ text, format }) => parseIcpText(text, format),
    'icp/serialize': async ({ icp, format }) => serializeIcp(icp, format),
  };
}
