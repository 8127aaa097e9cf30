/** The sandbox's clock (issue 13): read it, or move it on an engine that runs on the sandbox. */
import { AppError } from '../shared/errors';
import { MAX_CLOCK_STEP_DAYS } from '../shared/sandbox-clock';
import { storedSandboxDay } from '../store/sandbox-clock';
import { usesSandbox } from './estimate';
import type { HandlersOf, Services } from './services';

type SandboxServices = Pick<Services, 'db' | 'providers' | 'signals'>;

/** A live engine (an Apollo key stored, no --sandbox) has no sandbox day to move. */
async function requireSandbox(s: SandboxServices, what: string): Promise<void> {
  if (await usesSandbox(s)) return;
  throw new AppError(
    'NOT_SANDBOX',
    `The sandbox clock can only be ${what} while the engine runs on the sandbox (no Apollo key stored, or --sandbox); this one uses Apollo.`,
  );
}

export function sandboxHandlers(s: SandboxServices): HandlersOf<'sandbox'> {
  return {
    'sandbox/clock': async () => {
      await requireSandbox(s, 'read');
      return s.signals.sandboxClock();
    },
    'sandbox/advanceClock': async ({ days }) => {
      await requireSandbox(s, 'moved');
      const to = storedSandboxDay(s.db) + days;
      if (Math.abs(to) > MAX_CLOCK_STEP_DAYS)
        throw new AppError(
          'INVALID_ARGUMENT',
          `days would put the sandbox on day ${to}; it stays within ${MAX_CLOCK_STEP_DAYS} days of the reference date.`,
        );
      return s.signals.advanceSandboxClock(days);
    },
  };
}
