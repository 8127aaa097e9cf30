import type { EventName, Method } from '../main/contract';

// Invoke channels are the contract's method names; events get a prefix because "campaign/activity" is
// both a method and an event.
export const methodChannel = (method: Method): string => method;
export const eventChannel = (event: EventName): string => `event:${event}`;
/** The one shell-level channel outside the contract: the native save dialog for exports. */
export const SAVE_DIALOG_CHANNEL = 'dialog/save';
