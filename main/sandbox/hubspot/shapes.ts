/** HubSpot's error body: {status:"error", message, correlationId, category[, errorType, policyName]}. */
import { hash32 } from '../prng';

export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
  errorType?: string;
  policyName?: string;
  context?: Record<string, string[]>;
}

let counter = 0;

function correlationId(): string {
  counter += 1;
  const h = (n: number) => (hash32(`${counter}:${n}`) >>> 0).toString(16).padStart(8, '0');
  return `${h(1)}-${h(2).slice(0, 4)}-4${h(3).slice(0, 3)}-a${h(4).slice(0, 3)}-${h(5)}${h(6).slice(0, 4)}`;
}

export function hubspotError(
  category: string,
  message: string,
  extra: Partial<HubSpotErrorBody> = {},
): HubSpotErrorBody {
  return { status: 'error', message, correlationId: correlationId(), category, ...extra };
}

export function rateLimitBody(policy: 'TEN_SECONDLY_ROLLING' | 'SECONDLY'): HubSpotErrorBody {
  const what = policy === 'SECONDLY' ? 'secondly' : 'ten_secondly_rolling';
  return hubspotError('RATE_LIMITS', `You have reached your ${what} limit.`, {
    errorType: 'RATE_LIMIT',
    policyName: policy,
  });
}

/** HubSpot's invalid-property message lists each bad value as JSON inside the message text. */
export function invalidPropertiesBody(
  problems: { name: string; error: string; message: string }[],
): HubSpotErrorBody {
  const list = problems.map((p) => ({ isValid: false, message: p.message, error: p.error, name: p.name }));
  return hubspotError('VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(list)}`);
}
