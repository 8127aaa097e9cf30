/** What the HubSpot client takes and gives (plain data, no HubSpot JSON). */

export type HubSpotObjectType = 'contacts' | 'companies';

export interface HubSpotRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Batch upsert only: whether HubSpot created the record. */
  isNew?: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'string' | 'number' | 'enumeration';
  fieldType: 'text' | 'textarea' | 'number' | 'select';
  groupName: string;
  description: string;
  options?: { label: string; value: string; displayOrder: number }[];
}
