import { blankCompany } from '../../main/domain/blank';

/** A Company with every optional fact empty; tests fill in what they need. */
export const company = blankCompany;

export const FORGE = company({
  name: 'Bharat Precision Forgings',
  domain: 'www.bharatforgings.example',
  industry: 'Automotive',
  industries: ['Machinery', 'Metal forging'],
  keywords: ['crankshafts', 'forgings', 'OEM supplier'],
  employees: 2400,
  city: 'Pune',
  state: 'Maharashtra',
  country: 'India',
  description:
    'Forges crankshafts and axle parts for truck and tractor makers, with three plants in Maharashtra.',
});

export const PLASTICS = company({
  name: 'Midwest Molding Co',
  domain: 'midwestmolding.example',
  industry: 'Plastics',
  keywords: ['injection molding', 'packaging'],
  employees: 650,
  city: 'Toledo',
  state: 'OH',
  country: 'United States',
});

export const APP = company({
  name: 'Snapfeed',
  domain: 'snapfeed.example',
  industry: 'Internet',
  industries: ['Consumer apps'],
  keywords: ['social network', 'photo sharing', 'mobile app'],
  employees: 12,
  city: 'Berlin',
  country: 'Germany',
  description: 'A photo sharing app for friends.',
});
