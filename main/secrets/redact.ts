/**
 * Keeps API keys out of logs. Two layers: exact values the keychain has handed out (the reliable one), and
 * key-shaped fields in text (catches a key that reached a log without passing through the keychain).
 */
export const REDACTED = '[redacted]';

// Shorter values would blank out ordinary words if they ever were registered by mistake.
const MIN_SECRET_LENGTH = 6;

const VALUE = `(?!\\[redacted\\])[^\\s"'&,;}]{6,}`;
const KEY_FIELD = new RegExp(
  `\\b((?:x-)?api[_-]?key|access[_-]?token|client[_-]?secret|secret|password|authorization)` +
    `(["']?\\s*[:=]\\s*["']?(?:(?:bearer|basic|token)\\s+)?)(${VALUE})`,
  'gi',
);
const BEARER = new RegExp(`\\b(bearer\\s+)(${VALUE})`, 'gi');

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  // Longest first, so a secret containing another is replaced whole.
  const values = [...new Set(secrets)]
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const value of values) {
    const forms = new Set([value, encodeURIComponent(value)]);
    for (const form of forms) out = out.replace(new RegExp(escapeRegExp(form), 'g'), REDACTED);
  }
  out = out.replace(KEY_FIELD, (_m, field: string, sep: string) => `${field}${sep}${REDACTED}`);
  return out.replace(BEARER, (_m, scheme: string) => `${scheme}${REDACTED}`);
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, data?: unknown): void;
  info(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
  error(msg: string, data?: unknown): void;
}

export interface LoggerOptions {
  /** Current secret values; called per line so keys set later are covered too. */
  secrets?: () => Iterable<string>;
  level?: LogLevel;
  /** Receives each finished, redacted line. Default: stderr. */
  sink?: (line: string) => void;
  now?: () => Date;
}

function describe(data: unknown): string {
  if (data === undefined) return '';
  if (data instanceof Error) return ` ${data.name}: ${data.message}`;
  try {
    return ` ${JSON.stringify(data)}`;
  } catch {
    return ` ${String(data)}`;
  }
}

/** One line per entry: `<ISO time> <LEVEL> <message> <data as JSON>`, always redacted. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const min = LEVELS[opts.level ?? 'info'];
  const sink = opts.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = opts.now ?? (() => new Date());
  const write = (level: LogLevel) => (msg: string, data?: unknown) => {
    if (LEVELS[level] < min) return;
    const line = `${now().toISOString()} ${level.toUpperCase()} ${msg}${describe(data)}`;
    sink(redactSecrets(line, opts.secrets?.() ?? []));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
