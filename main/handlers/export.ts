import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeWorkbook } from '../export/workbook';
import { AppError } from '../shared/errors';
import { allLeads, creditsUsed, getCampaign } from '../store';
import type { HandlersOf, Services } from './services';

export function exportHandlers({
  db,
  dataDir,
  privacy,
}: Pick<Services, 'db' | 'dataDir' | 'privacy'>): HandlersOf<'export'> {
  return {
    'export/workbook': async ({ campaignId, path }) => {
      const c = getCampaign(db, campaignId);
      if (!c) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
      const out = resolve(dataDir, path);
      mkdirSync(dirname(out), { recursive: true });
      const written = await writeWorkbook(out, {
        campaign: {
          id: c.id,
          name: c.name,
          status: c.status,
          createdAt: c.createdAt,
          completedAt: c.completedAt,
          targets: { T1: c.icp.tiers.T1.target, T2: c.icp.tiers.T2.target, T3: c.icp.tiers.T3.target },
          creditsUsed: creditsUsed(db, c.id),
          sandbox: c.sandbox,
          icpSummary: {
            industries: c.icp.industries,
            locations: c.icp.locations,
            sizeMin: c.icp.companySize.min,
            sizeMax: c.icp.companySize.max,
            minValidationScore: c.icp.minValidationScore,
          },
        },
        leads: allLeads(db, c.id),
      });
      privacy.audit({ action: 'export.workbook', subject: `campaign ${c.id}`, count: written.rows });
      return written;
    },
  };
}
