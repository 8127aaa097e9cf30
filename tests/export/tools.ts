/** The external readers the export is checked against. Missing tools fail the tests with the fix, never skip. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PY_VENV = join(process.env.LEAD_STUDIO_CACHE || join(homedir(), '.cache', 'lead-studio'), 'py');
export const PY_INSTALL = `python3 -m venv ${PY_VENV} && ${PY_VENV}/bin/pip install openpyxl`;

/** Python with openpyxl: $LEAD_STUDIO_PY, else the venv scripts/provision-python.sh creates. */
export function openpyxlPython(): string {
  const python = process.env.LEAD_STUDIO_PY || join(PY_VENV, 'bin', 'python');
  if (!existsSync(python)) {
    throw new Error(
      `Python with openpyxl not found at ${python}. Create it with: ${PY_INSTALL} ` +
        '(or point LEAD_STUDIO_PY at a python that has openpyxl).',
    );
  }
  return python;
}

/** LibreOffice: $LEAD_STUDIO_SOFFICE, else /usr/bin/soffice from the libreoffice-calc-nogui package. */
export function soffice(): string {
  const bin = process.env.LEAD_STUDIO_SOFFICE || '/usr/bin/soffice';
  if (!existsSync(bin)) {
    throw new Error(
      `LibreOffice not found at ${bin}. Install it with: apt-get install -y libreoffice-calc-nogui ` +
        '(or point LEAD_STUDIO_SOFFICE at soffice).',
    );
  }
  return bin;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 * 2 ** 20 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') {
        reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
        return;
      }
      resolve({ code: typeof err?.code === 'number' ? err.code : 0, stdout, stderr });
    });
  });
}

export { parseCsv } from '../../scripts/lib/csv';
