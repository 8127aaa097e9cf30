/**
 * One human sentence per error code: what went wrong in words for people, and what to do. The engine's
 * message carries the details (which field, which campaign); the sentence stands in when the message
 * is written for developers or is missing.
 */
import type { ErrorCode } from '../main/shared/errors';

export const ERROR_SENTENCES: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Some of what was entered is not valid; fix the named field and try again.',
  INVALID_ICP: 'The customer profile has problems; fix the fields marked in the form.',
  INVALID_ARGUMENT: 'A value was out of range; check what you entered.',
  UNKNOWN_METHOD: 'The app and the engine are different versions; restart Lead Studio.',
  BAD_REQUEST: 'The engine could not read the request; reload the window.',
  FORBIDDEN_SENDER: 'The request came from a page that is not Lead Studio and was refused.',
  EXPORT_PATH: 'The workbook cannot be written there; choose another folder.',
  EXPORT_PATH_NOT_CHOSEN: 'Choose where to save the workbook in the Export dialog, then export again.',
  EXPORT_BAD_LEAD: 'A lead could not be written to the workbook; the export stopped without a partial file.',
  EXPORT_LOCKED: 'The workbook is open in another program; close it and export again.',
  NOT_FOUND: 'It no longer exists; refresh the list.',
  NOT_SANDBOX: 'That only works in sandbox mode; this app uses your Apollo key.',
  CAMPAIGN_FINISHED: 'This campaign is already finished; start a new one to find more leads.',
  INVALID_TRANSITION: 'The campaign cannot do that in its current state; refresh to see where it stands.',
  NOT_RUNNING: 'The campaign is not running.',
  CANCELLED: 'The campaign was cancelled.',
  BUDGET_REACHED: 'The credit budget is used up; raise it and resume the campaign.',
  NO_KEY: 'No Apollo key is stored; add it in Settings → API keys, or use the sandbox.',
  INVALID_KEY: 'That key does not look like an Apollo API key; copy it again from Apollo.',
  INVALID_PROVIDER: 'That data provider is not supported.',
  KEYCHAIN_UNAVAILABLE: 'The system keychain is not available, so keys cannot be stored on this computer.',
  DATA_KEY_UNAVAILABLE:
    'Contact details are encrypted with a key in the system keychain, which cannot be read now; unlock the keychain and try again.',
  AUTH: 'Apollo refused the key; check it in Settings → API keys.',
  RATE_LIMITED: 'Apollo’s rate limit is reached; the campaign waits and continues by itself.',
  QUOTA_EXHAUSTED:
    'The provider’s plan allowance is used up; the campaign goes on without it until the allowance renews.',
  UNAVAILABLE: 'Apollo did not answer; check the connection and resume the campaign.',
  BAD_RESPONSE: 'Apollo sent an answer the app cannot read; resume the campaign to retry.',
  ABORTED: 'The request was stopped before it finished.',
  CRM_AUTH:
    'HubSpot refused the private-app token; paste a new one in Settings → CRM (it needs the CRM contacts and companies scopes).',
  CRM_SYNC_FAILED:
    'The sync to HubSpot stopped before it finished; nothing was lost, records that did not go through are in the dead-letter list.',
  MODEL_MISSING: 'The matching model is not installed; download it in Settings → Matching model.',
  MODEL_DOWNLOAD_FAILED: 'The model download failed; retry, it continues where it stopped.',
  MODEL_LOAD_FAILED: 'The matching model could not be loaded; download it again in Settings.',
  MODEL_CHECKSUM: 'A downloaded model file was damaged; retry the download.',
  EMBEDDER_CLOSED: 'The matching model was shut down; try again.',
  EMBEDDER_FAILED: 'The matching model stopped working; restart Lead Studio.',
  EMBED_FAILED: 'Some texts could not be compared by the matching model; try again.',
  CHROMA_UNAVAILABLE: 'The vector store could not start; filtering still works without it.',
  CHROMA_STOPPED: 'The vector store stopped; it restarts by itself.',
  DB_MIGRATION: 'The database could not be upgraded; your data is unchanged. Restart Lead Studio.',
  DB_TOO_NEW: 'This database was written by a newer Lead Studio; update the app to open it.',
  IPC_FAILED: 'The window lost its connection to the engine; restart Lead Studio.',
  DISCONNECTED: 'The app lost its connection to the engine; it reconnects by itself, try again in a moment.',
  INTERNAL: 'Something unexpected went wrong; the details are in the engine log.',
};

/** Codes whose engine message is not for people: the sentence replaces it. */
const SENTENCE_ONLY: ReadonlySet<ErrorCode> = new Set([
  'DISCONNECTED',
  'UNKNOWN_METHOD',
  'BAD_REQUEST',
  'FORBIDDEN_SENDER',
  'IPC_FAILED',
]);

export const replacesMessage = (code: ErrorCode) => SENTENCE_ONLY.has(code);
