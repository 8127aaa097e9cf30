/**
 * The sandbox's CRM: contacts and companies with HubSpot's property rules (every value a string,
 * unknown properties refused, email unique on contacts and matched case-insensitively, domain NOT
 * unique on companies, as in HubSpot), custom property definitions, and contact→company associations.
 */

export type ObjectType = 'contacts' | 'companies';

export interface PropertyDef {
  name: string;
  label: string;
  type: 'string' | 'number' | 'enumeration' | 'datetime' | 'date' | 'bool';
  fieldType: string;
  groupName: string;
  description?: string;
  options?: { label: string; value: string }[];
  hubspotDefined?: boolean;
  hasUniqueValue?: boolean;
}

export interface CrmRecord {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: false;
}

const std = (name: string, type: PropertyDef['type'] = 'string', unique = false): PropertyDef => ({
  name,
  label: name,
  type,
  fieldType: type === 'number' ? 'number' : 'text',
  groupName: 'hubspot',
  hubspotDefined: true,
  hasUniqueValue: unique,
});

const STANDARD: Record<ObjectType, PropertyDef[]> = {
  contacts: [
    std('email', 'string', true),
    std('firstname'),
    std('lastname'),
    std('jobtitle'),
    std('phone'),
    std('company'),
    std('city'),
    std('country'),
    std('website'),
    std('lifecyclestage', 'enumeration'),
    std('hs_object_id', 'number', true),
    std('createdate', 'datetime'),
    std('lastmodifieddate', 'datetime'),
  ],
  companies: [
    std('name'),
    std('domain'),
    std('industry'),
    std('numberofemployees', 'number'),
    std('annualrevenue', 'number'),
    std('city'),
    std('state'),
    std('country'),
    std('phone'),
    std('description'),
    std('lifecyclestage', 'enumeration'),
    std('hs_object_id', 'number', true),
    std('createdate', 'datetime'),
    std('hs_lastmodifieddate', 'datetime'),
  ],
};

const READ_ONLY = new Set(['hs_object_id', 'createdate', 'lastmodifieddate', 'hs_lastmodifieddate']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PropertyProblem {
  name: string;
  error: string;
  message: string;
}

export interface CrmSnapshot {
  nextId: number;
  records: Record<ObjectType, CrmRecord[]>;
  /** Custom properties only (HubSpot's own are always there). */
  properties: Record<ObjectType, PropertyDef[]>;
  associations: [string, string[]][];
}

export class SandboxCrm {
  private nextId = 51_000_000_001;
  readonly records: Record<ObjectType, Map<string, CrmRecord>> = {
    contacts: new Map(),
    companies: new Map(),
  };
  readonly properties: Record<ObjectType, Map<string, PropertyDef>> = {
    contacts: new Map(STANDARD.contacts.map((p) => [p.name, p])),
    companies: new Map(STANDARD.companies.map((p) => [p.name, p])),
  };
  /** contact id → company ids. */
  readonly associations = new Map<string, Set<string>>();
  private readonly byEmail = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  /** Problems with a write, as HubSpot words them; [] when it may go ahead. */
  check(type: ObjectType, props: Record<string, unknown>): PropertyProblem[] {
    const out: PropertyProblem[] = [];
    for (const [name, value] of Object.entries(props)) {
      const def = this.properties[type].get(name);
      if (!def) {
        out.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
        continue;
      }
      if (READ_ONLY.has(name))
        out.push({
          name,
          error: 'READ_ONLY_VALUE',
          message: `"${name}" is a read only property; its value cannot be set.`,
        });
      const text = value === null ? '' : String(value);
      if (def.type === 'number' && text !== '' && !Number.isFinite(Number(text)))
        out.push({
          name,
          error: 'INVALID_INTEGER',
          message: `${JSON.stringify(text)} was not a valid number.`,
        });
      if (
        def.type === 'enumeration' &&
        def.options &&
        text !== '' &&
        !def.options.some((o) => o.value === text)
      )
        out.push({
          name,
          error: 'INVALID_OPTION',
          message: `${JSON.stringify(text)} was not one of the allowed options: ${def.options.map((o) => o.value).join(', ')}`,
        });
      if (type === 'contacts' && name === 'email' && text !== '' && !EMAIL.test(text))
        out.push({ name, error: 'INVALID_EMAIL', message: `Email address ${text} is invalid` });
    }
    return out;
  }

  contactIdByEmail(email: string): string | undefined {
    return this.byEmail.get(email.trim().toLowerCase());
  }

  create(type: ObjectType, props: Record<string, unknown>): CrmRecord {
    const at = new Date(this.now()).toISOString();
    const id = String(this.nextId++);
    const rec: CrmRecord = { id, properties: {}, createdAt: at, updatedAt: at, archived: false };
    this.records[type].set(id, rec);
    this.write(type, rec, props);
    rec.properties.hs_object_id = id;
    rec.properties.createdate = at;
    return rec;
  }

  update(type: ObjectType, id: string, props: Record<string, unknown>): CrmRecord | undefined {
    const rec = this.records[type].get(id);
    if (!rec) return undefined;
    this.write(type, rec, props);
    return rec;
  }

  associate(contactId: string, companyId: string): boolean {
    if (!this.records.contacts.has(contactId) || !this.records.companies.has(companyId)) return false;
    let set = this.associations.get(contactId);
    if (!set) this.associations.set(contactId, (set = new Set()));
    set.add(companyId);
    return true;
  }

  private write(type: ObjectType, rec: CrmRecord, props: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(props)) {
      const text = v === null || v === undefined ? '' : String(v);
      if (type === 'contacts' && k === 'email') {
        const old = rec.properties.email?.toLowerCase();
        if (old) this.byEmail.delete(old);
        if (text) this.byEmail.set(text.toLowerCase(), rec.id);
      }
      rec.properties[k] = k === 'domain' ? text.toLowerCase() : text;
    }
    rec.updatedAt = new Date(this.now()).toISOString();
    rec.properties[type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate'] = rec.updatedAt;
  }

  /** Everything the CRM holds, as JSON-safe data (the sandbox thread keeps it across runs). */
  snapshot(): CrmSnapshot {
    return {
      nextId: this.nextId,
      records: {
        contacts: [...this.records.contacts.values()],
        companies: [...this.records.companies.values()],
      },
      properties: {
        contacts: [...this.properties.contacts.values()].filter((p) => !p.hubspotDefined),
        companies: [...this.properties.companies.values()].filter((p) => !p.hubspotDefined),
      },
      associations: [...this.associations].map(([c, set]) => [c, [...set]]),
    };
  }

  /** Replaces what the CRM holds with a snapshot. */
  restore(s: CrmSnapshot): void {
    this.nextId = s.nextId;
    for (const type of ['contacts', 'companies'] as const) {
      this.records[type].clear();
      for (const r of s.records[type]) this.records[type].set(r.id, r);
      for (const p of s.properties[type]) this.properties[type].set(p.name, p);
    }
    this.byEmail.clear();
    for (const r of this.records.contacts.values())
      if (r.properties.email) this.byEmail.set(r.properties.email.toLowerCase(), r.id);
    this.associations.clear();
    for (const [c, ids] of s.associations) this.associations.set(c, new Set(ids));
  }

  /** Records whose property equals (case-insensitively) one of the values, oldest first. */
  find(type: ObjectType, property: string, values: string[]): CrmRecord[] {
    const wanted = new Set(values.map((v) => v.trim().toLowerCase()));
    return [...this.records[type].values()].filter((r) =>
      wanted.has((r.properties[property] ?? '').toLowerCase()),
    );
  }
}
