/** HubSpot JSON → the client's plain data. */
import type { HubSpotRecordWire } from './schemas';
import type { HubSpotRecord } from './types';

export const toRecord = (r: HubSpotRecordWire): HubSpotRecord => ({
  id: r.id,
  properties: r.properties,
  ...(r.new !== undefined ? { isNew: r.new } : {}),
});
