/**
 * Records a HubSpot account already holds before Lead Studio's first push: a seeded share of the
 * sandbox world's people and companies, entered by hand (different capitalisation, the user's
 * own phone and lifecycle stage), and some companies entered twice (HubSpot does not make domains
 * unique). The sync must find and merge these, never duplicate them.
 */
import { hash32 } from '../prng';
import type { World } from '../world';
import { personAddress } from '../hunter/mail';
import type { SandboxCrm } from './crm';

export interface PreexistingOptions {
  /** Share of world people already in the CRM. Default 0.02. */
  contactShare?: number;
  /** Share of world companies already in the CRM. Default 0.05. */
  companyShare?: number;
  /** Share of those companies entered twice. Default 0.2. */
  duplicateShare?: number;
  /** These addresses and domains are in the CRM whatever the shares say (tests). */
  emails?: string[];
  domains?: string[];
}

const unit = (seed: number, key: string) => (hash32(`${seed}:hubspot:${key}`) >>> 0) / 0x1_0000_0000;

/** "dana.okafor@acme.com" → "Dana.Okafor@Acme.com": people type addresses by hand. */
function handTyped(email: string): string {
  return email.replace(/(^|[.@])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function seedPreexisting(crm: SandboxCrm, world: World, opts: PreexistingOptions = {}): void {
  const contactShare = opts.contactShare ?? 0.02;
  const companyShare = opts.companyShare ?? 0.05;
  const duplicateShare = opts.duplicateShare ?? 0.2;
  const domains = new Set((opts.domains ?? []).map((d) => d.toLowerCase()));
  const emails = new Set((opts.emails ?? []).map((e) => e.toLowerCase()));
  for (const c of world.companies) {
    const forced = domains.has(c.primary_domain);
    if (!forced && unit(world.seed, `company:${c.id}`) >= companyShare) continue;
    const props = {
      name: c.name.toUpperCase() === c.name ? c.name : `${c.name} (imported)`,
      domain: c.primary_domain,
      lifecyclestage: 'customer',
      phone: '+1 555 0100',
    };
    crm.create('companies', props);
    if (unit(world.seed, `dup:${c.id}`) < duplicateShare) crm.create('companies', { ...props, name: c.name });
  }
  for (const p of world.people) {
    const email = personAddress(world, p);
    if (!emails.has(email) && unit(world.seed, `contact:${p.id}`) >= contactShare) continue;
    crm.create('contacts', {
      email: handTyped(email),
      firstname: p.first_name,
      lastname: p.last_name,
      phone: '+1 555 0199',
      lifecyclestage: 'opportunity',
    });
  }
}
