import { AppError } from '../shared/errors';

export const KEY_MIN_LENGTH = 8;
export const KEY_MAX_LENGTH = 512;

/**
 * Normalises a pasted API key and rejects what cannot be one. Surrounding whitespace is trimmed because
 * copy-paste often brings a trailing newline; anything inside the key is kept as typed.
 */
export function normalizeApiKey(raw: unknown): string {
  if (typeof raw !== 'string') {
    throw new AppError(
      'INVALID_KEY',
      'The API key must be text. Paste the key exactly as your provider shows it.',
    );
  }
  const key = raw.trim();
  if (key.length === 0) {
    throw new AppError(
      'INVALID_KEY',
      'The API key is empty. Paste the key from your provider’s API settings page.',
    );
  }
  if (/\s/.test(key)) {
    throw new AppError(
      'INVALID_KEY',
      'The API key contains spaces or line breaks. Copy only the key itself, without labels or extra lines.',
    );
  }
  if (key.length < KEY_MIN_LENGTH) {
    throw new AppError(
      'INVALID_KEY',
      `The API key is too short (${key.length} characters, at least ${KEY_MIN_LENGTH} expected). Check that it was copied in full.`,
    );
  }
  if (key.length > KEY_MAX_LENGTH) {
    throw new AppError(
      'INVALID_KEY',
      `The API key is too long (${key.length} characters, at most ${KEY_MAX_LENGTH}). Check that only the key was copied.`,
    );
  }
  // Keys travel in HTTP headers, which only carry visible ASCII.
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError(
      'INVALID_KEY',
      'The API key contains characters that API keys never use (non-ASCII or control characters). Copy it again from the provider.',
    );
  }
  return key;
}
