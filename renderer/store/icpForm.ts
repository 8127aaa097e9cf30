/**
 * The Setup form as the user edits it (strings for number inputs, so a half-typed value is not
 * silently coerced), and the conversion to/from the contract's IcpInput.
 */
import { create } from 'zustand';
import type { Icp, IcpInput, Tier } from '../../main/domain/icp';
import { TIERS } from '../tiers';

export const INDUSTRIES = [
  'Automotive',
  'Electronics',
  'Industrial Machinery',
  'Chemicals',
  'Plastics & Rubber',
  'Metals & Fabrication',
  'Food & Beverage Manufacturing',
  'Pharmaceuticals',
  'Textiles & Apparel',
  'Aerospace & Defense',
  'Consumer Goods Manufacturing',
  'Packaging',
] as const;

export const DEFAULT_LOCATIONS = ['USA', 'India'];

const SAME_PLACE: Record<string, string> = {
  usa: 'us',
  unitedstates: 'us',
  unitedstatesofamerica: 'us',
  unitedkingdom: 'uk',
  greatbritain: 'uk',
};
/** "US", "USA" and "United States" are one checkbox, whichever spelling a file uses. */
export const placeKey = (l: string) => {
  const k = l.toLowerCase().replace(/[^a-z]/g, '');
  return SAME_PLACE[k] ?? k;
};

export const DEFAULT_TITLES: Record<Tier, string[]> = {
  T1: [
    'COO',
    'Chief Operating Officer',
    'VP Operations',
    'Director Operations',
    'Plant Head',
    'Factory Manager',
    'GM Operations',
    'Regional Manager',
  ],
  T2: ['HR Head', 'VP HR', 'CHRO', 'Director HR', 'HR Manager', 'TA Head', 'TA Manager', 'Senior HRBP'],
  T3: [
    'Recruiter',
    'Senior Recruiter',
    'TA Specialist',
    'Talent Specialist',
    'HRBP',
    'HR Executive',
    'Staffing Coordinator',
  ],
};

/** ICP fields the form does not edit but must keep across load → edit → save. */
type Extras = Omit<
  IcpInput,
  'name' | 'tiers' | 'industries' | 'locations' | 'companySize' | 'minValidationScore'
>;

export interface IcpFormValues {
  name: string;
  targets: Record<Tier, string>;
  titles: Record<Tier, string[]>;
  industries: string[];
  locations: string[];
  /** Every location offered as a checkbox: the defaults plus any the user added or a file brought. */
  locationOptions: string[];
  sizeMin: string;
  sizeMax: string;
  minValidationScore: number;
  budget: string;
  extras: Extras;
}

interface IcpFormState extends IcpFormValues {
  /** True once the user (not a template) changed something; templates only fill a pristine form. */
  dirty: boolean;
  set(patch: Partial<IcpFormValues>): void;
  setTarget(tier: Tier, value: string): void;
  setTitles(tier: Tier, titles: string[]): void;
  toggleIndustry(industry: string): void;
  toggleLocation(location: string): void;
  addLocation(location: string): void;
  load(icp: Icp | IcpInput, opts?: { keepDirty?: boolean }): void;
}

export function initialValues(): IcpFormValues {
  return {
    name: '',
    targets: { T1: '200', T2: '200', T3: '100' },
    titles: structuredClone(DEFAULT_TITLES),
    industries: [...INDUSTRIES],
    locations: [...DEFAULT_LOCATIONS],
    locationOptions: [...DEFAULT_LOCATIONS],
    sizeMin: '200',
    sizeMax: '10000',
    minValidationScore: 4,
    budget: '',
    extras: {},
  };
}

/** "" → null so the engine reports the missing number instead of a default silently applying. */
function num(s: string): number | null {
  const t = s.trim().replace(/,/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function toIcpInput(v: IcpFormValues): IcpInput {
  const tiers = Object.fromEntries(
    TIERS.map((t) => [t, { target: num(v.targets[t]), titles: v.titles[t] }]),
  ) as unknown as IcpInput['tiers'];
  return {
    ...v.extras,
    name: v.name,
    tiers,
    industries: v.industries,
    locations: v.locations,
    companySize: { min: num(v.sizeMin), max: num(v.sizeMax) } as unknown as IcpInput['companySize'],
    minValidationScore: v.minValidationScore,
  };
}

export function budgetOf(v: IcpFormValues): number | null {
  return num(v.budget);
}

export function fromIcp(icp: Icp | IcpInput, current: IcpFormValues): IcpFormValues {
  const { name, tiers, industries, locations, companySize, minValidationScore, ...extras } = icp;
  const loaded = new Set(locations.map(placeKey));
  return {
    ...current,
    name,
    targets: Object.fromEntries(TIERS.map((t) => [t, String(tiers[t].target ?? '')])) as Record<Tier, string>,
    titles: Object.fromEntries(TIERS.map((t) => [t, [...tiers[t].titles]])) as Record<Tier, string[]>,
    industries: [...industries],
    locations: [...locations],
    locationOptions: [...locations, ...DEFAULT_LOCATIONS.filter((l) => !loaded.has(placeKey(l)))],
    sizeMin: String(companySize.min),
    sizeMax: String(companySize.max),
    minValidationScore: minValidationScore ?? 4,
    extras,
  };
}

const toggle = (list: string[], item: string) =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

export const useIcpForm = create<IcpFormState>()((set) => ({
  ...initialValues(),
  dirty: false,
  set: (patch) => set({ ...patch, dirty: true }),
  setTarget: (tier, value) => set((s) => ({ targets: { ...s.targets, [tier]: value }, dirty: true })),
  setTitles: (tier, titles) => set((s) => ({ titles: { ...s.titles, [tier]: titles }, dirty: true })),
  toggleIndustry: (i) => set((s) => ({ industries: toggle(s.industries, i), dirty: true })),
  toggleLocation: (l) => set((s) => ({ locations: toggle(s.locations, l), dirty: true })),
  addLocation: (raw) =>
    set((s) => {
      const l = raw.trim();
      if (!l) return s;
      const existing = s.locationOptions.find((o) => placeKey(o) === placeKey(l));
      if (existing)
        return { locations: s.locations.includes(existing) ? s.locations : [...s.locations, existing] };
      return { locationOptions: [...s.locationOptions, l], locations: [...s.locations, l], dirty: true };
    }),
  load: (icp, opts) => set((s) => ({ ...fromIcp(icp, s), dirty: opts?.keepDirty ? s.dirty : true })),
}));
