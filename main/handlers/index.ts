/**
 * The one Handlers map, joined from the per-domain modules. `joinHandlers` is the completeness check:
 * a method missing from every module, or one no contract method names, fails `tsc`.
 */
import type { Handlers, Method } from '../contract';
import { withValidation } from '../contract-args';
import { campaignHandlers } from './campaign';
import { crmHandlers } from './crm';
import { exportHandlers } from './export';
import { icpHandlers } from './icp';
import { knowledgeHandlers } from './knowledge';
import { leadsHandlers } from './leads';
import { modelHandlers } from './model';
import { createPrivacyHandlers } from './privacy';
import type { Services } from './services';
import { sandboxHandlers } from './sandbox';
import { settingsHandlers } from './settings';
import { watchHandlers } from './watch';
import { waterfallHandlers } from './waterfall';

type Missing<T> = Exclude<Method, keyof T>;
type Extra<T> = Exclude<keyof T, Method>;
/** T itself when it has exactly the contract's methods; otherwise a type naming what is wrong. */
export type Exactly<T> = [Missing<T> | Extra<T>] extends [never]
  ? T
  : { missingMethods: Missing<T>; unknownMethods: Extra<T> };

export function joinHandlers<T extends Partial<Handlers>>(map: T & Exactly<T>): Handlers {
  return map as unknown as Handlers;
}

/** Every contract method, each behind the one argument validator. */
export function createHandlers(s: Services): Handlers {
  return withValidation(
    joinHandlers({
      ...icpHandlers(s),
      ...campaignHandlers(s),
      ...leadsHandlers(s),
      ...exportHandlers(s),
      ...settingsHandlers(s),
      ...modelHandlers(s),
      ...knowledgeHandlers(s),
      ...createPrivacyHandlers(s),
      ...crmHandlers(s),
      ...watchHandlers(s),
      ...waterfallHandlers(s),
      ...sandboxHandlers(s),
    }),
  );
}
