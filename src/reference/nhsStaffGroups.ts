import type { Source } from "./source.ts";

/*
 * The staff groups NHS Workforce Statistics counts the hospital and community
 * health services workforce by, which the operational plan's monthly
 * trajectory and the Provider Workforce Return use too. A trust's own groups
 * (its ESR staff groups, or names of its own) map onto them: wfplan guesses
 * the mapping from the name (nhsGroupOf) and the planner can change it for
 * each group.
 */

export const NHS_STAFF_GROUPS = [
  "HCHS doctors",
  "Nurses & health visitors",
  "Midwives",
  "Ambulance staff",
  "Scientific, therapeutic & technical staff",
  "Support to doctors, nurses & midwives",
  "Support to ambulance staff",
  "Support to ST&T staff",
  "Central functions",
  "Hotel, property & estates",
  "Senior managers",
  "Managers",
  "Unknown",
] as const;
export type NhsStaffGroup = (typeof NHS_STAFF_GROUPS)[number];

export const NHS_STAFF_GROUPS_SOURCE: Source = {
  title: "NHS Workforce Statistics: HCHS staff groups (as in the published staff-by-nationality file, June 2018)",
  publisher: "NHS Digital",
  url: "https://digital.nhs.uk/data-and-information/publications/statistical/nhs-workforce-statistics",
  kind: "secondary",
  note: "The list was read from a summary of the published files, not from NHS Digital's definitions page: confirm the names against the current publication.",
};

/** Words in a trust's group name, most specific first, and the NHS staff group they point to. */
const BY_NAME: readonly [RegExp, NhsStaffGroup][] = [
  [/ambulance.*support|support.*ambulance/i, "Support to ambulance staff"],
  [/ambulance|paramedic/i, "Ambulance staff"],
  [/senior manag/i, "Senior managers"],
  [/manag/i, "Managers"],
  [/medic|doctor|dental|consultant|surgeon/i, "HCHS doctors"],
  [/(scien|therap|technic).*support|support.*(scien|therap|technic)/i, "Support to ST&T staff"],
  [/support|assistant|additional clinical|\bhca\b|auxiliar/i, "Support to doctors, nurses & midwives"],
  [/nurs|health visit/i, "Nurses & health visitors"],
  [/midwi/i, "Midwives"],
  [/allied|\bahp|scien|therap|technic|pharm|add prof|radiograph|physio/i, "Scientific, therapeutic & technical staff"],
  [/admin|clerical|central|finance|\bhr\b|human resources|informatics/i, "Central functions"],
  [/estate|ancillary|hotel|property|porter|domestic|catering|facilit/i, "Hotel, property & estates"],
];

/** The NHS staff group a trust's own group name most likely is; "Unknown" where the name does not say. */
export function nhsGroupOf(name: string): NhsStaffGroup {
  return BY_NAME.find(([pattern]) => pattern.test(name))?.[1] ?? "Unknown";
}
