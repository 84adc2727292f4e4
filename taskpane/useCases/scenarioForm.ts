import {
  latestOnCostYear,
  PERCENT_RANGES,
  percentText,
  readPercent,
  readYearlyPercent,
  type ChoiceDriver,
  type GroupDriver,
  type PercentRange,
  type ScenarioChoices,
  type ScenarioInput,
} from "../../src/index.ts";

/*
 * The Scenario card's form as the planner typed it, and how it becomes the
 * model's choices: every field read as the model reads it, with what was
 * understood or why it cannot be used, all problems at once. A saved scenario
 * loads back into the same form. The card holds a ScenarioForm and renders;
 * the reading lives here, where tests call it without a pane.
 */

export type Area = "none" | "inner" | "outer" | "fringe";

/** An upskilling move: a share of a staff group's posts at one band moved to another by a plan year. */
export interface Shift {
  staffGroup: string;
  from: string;
  to: string;
  share: string;
  byYear: string;
}
/** Posts of a new role added to a staff group from a plan year. */
export interface Role {
  staffGroup: string;
  grade: string;
  fte: string;
  fromYear: string;
  /** The band whose posts the role takes over, FTE for FTE; blank: the posts are added. */
  replaces: string;
}
export const NO_SHIFT: Shift = { staffGroup: "", from: "", to: "", share: "10", byYear: "2" };
export const NO_ROLE: Role = { staffGroup: "", grade: "", fte: "", fromYear: "1", replaces: "" };

export interface ScenarioForm {
  name: string;
  startYear: string;
  years: string;
  growth: string;
  award: string;
  headroom: string;
  bankPremium: string;
  agencyPremium: string;
  vacancyFill: string;
  productivity: string;
  agencyReduction: string;
  /** A collaborative bank: the share of agency cover it fills (by year), and its management fee. */
  collaborativeBank: string;
  bankFee: string;
  retention: string;
  /** Upskilling moves and new roles: a row whose staff group is blank is none. */
  shifts: Shift[];
  roles: Role[];
  area: Area;
  pensionBasis: "full" | "local";
  /** Activity growth and productivity for a service line, each replacing the scenario's when given. */
  lines: { serviceLine: string; growth: string; productivity: string }[];
  /** A staff group's own leaver rate, retirements, starters, international recruits, bank conversions or premiums. */
  groups: { staffGroup: string; driver: GroupDriver; value: string }[];
}

export const DEFAULT_FORM: ScenarioForm = {
  name: "Base case",
  startYear: latestOnCostYear(),
  years: "3",
  growth: "3",
  award: "3",
  headroom: "22",
  bankPremium: "0",
  agencyPremium: "0",
  vacancyFill: "0",
  productivity: "0",
  agencyReduction: "0",
  collaborativeBank: "0",
  bankFee: "0",
  retention: "0",
  shifts: [NO_SHIFT],
  roles: [NO_ROLE],
  area: "none",
  pensionBasis: "full",
  lines: [],
  groups: [],
};

/** A staff group's drivers as the form offers them: a leaver rate in per cent a year, flows in FTE a year, premiums in per cent. */
export const GROUP_DRIVER_FIELDS: readonly { driver: GroupDriver; label: string; kind: "yearly" | "fte" | "premium" }[] = [
  { driver: "leaverRate", label: "Leaver rate, % a year", kind: "yearly" },
  { driver: "retirements", label: "Retirements, FTE a year", kind: "fte" },
  { driver: "starters", label: "Starters from training, FTE a year", kind: "fte" },
  { driver: "internationalRecruits", label: "International recruits, FTE a year", kind: "fte" },
  { driver: "bankConversions", label: "Bank staff taking posts, FTE a year", kind: "fte" },
  { driver: "bankPremium", label: "Bank premium, %", kind: "premium" },
  { driver: "agencyPremium", label: "Agency premium, %", kind: "premium" },
];

const LEAVER_RATE: PercentRange = { min: 0, max: 1, per: "a year" };

/** A field read: what the model gets, and what the pane says under the field. */
export type FieldRead = { value: ChoiceDriver; understood: string } | { problem: string };

/** The form's yearly percentages, each with its label and range. */
const YEARLY = {
  growth: ["Activity growth", PERCENT_RANGES.activityGrowth],
  award: ["Pay award", PERCENT_RANGES.payAward],
  vacancyFill: ["Vacancy fill", PERCENT_RANGES.vacancyFill],
  productivity: ["Productivity gain", PERCENT_RANGES.productivityChange],
  agencyReduction: ["Agency given up", PERCENT_RANGES.agencyReduction],
  collaborativeBank: ["Agency cover filled by a collaborative bank", PERCENT_RANGES.collaborativeBank],
  retention: ["Fewer leavers", PERCENT_RANGES.retention],
} as const satisfies Record<string, readonly [string, PercentRange]>;
const ONCE = {
  headroom: ["Headroom", PERCENT_RANGES.headroom],
  bankPremium: ["Bank premium", PERCENT_RANGES.bankPremium],
  agencyPremium: ["Agency premium", PERCENT_RANGES.agencyPremium],
  bankFee: ["Collaborative bank's fee", PERCENT_RANGES.bankFee],
} as const satisfies Record<string, readonly [string, PercentRange]>;

export interface FormRead {
  /** Each percentage field, by its form key, read or refused. */
  fields: Record<keyof typeof YEARLY | keyof typeof ONCE, FieldRead>;
  /** Each service line row's growth and productivity, undefined where left blank. */
  lines: { growth?: FieldRead; productivity?: FieldRead }[];
  groups: FieldRead[];
  /** Each upskilling row's share of posts moved. */
  shiftShares: FieldRead[];
  /** The choices for the model, when nothing stops them. */
  choices?: ScenarioChoices;
  /** Every problem at once, each naming its field. */
  problems: string[];
}

function attempt(read: () => { value: ChoiceDriver; understood: string }): FieldRead {
  try {
    return read();
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** FTE a year as typed: one number, one per year, or an expression. */
function readFte(text: string, label: string, years: number, inputs: Record<string, number>): { value: ChoiceDriver; understood: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith("=")) {
    // An expression's FTE read through the yearly reader with a range wide enough for any trust; the per cent it says is dropped.
    const read = readYearlyPercent(trimmed, label, { min: 0, max: 1e6 }, { years, inputs });
    return { value: read.value, understood: read.understood.replace(/(-?[\d.]+)%/g, (_, n: string) => `${Number(n) / 100} FTE`) };
  }
  const parts = trimmed.split(/\s*;\s*|,\s+/).map((part) => Number(part.replace(",", ".")));
  if (!trimmed || parts.some((n) => !Number.isFinite(n) || n < 0))
    throw new Error(`${label} "${text}" is not FTE: type a number of 0 or more, one per year separated by ";", or =expression`);
  const fte = (n: number) => `${Number(n.toFixed(2))} FTE`;
  return parts.length === 1
    ? { value: parts[0]!, understood: `${fte(parts[0]!)} a year` }
    : { value: parts, understood: `${parts.slice(0, -1).map(fte).join(", ")}, then ${fte(parts.at(-1)!)} a year` };
}

/** Reads the whole form: each field's understanding, every problem, and the model's choices when there are none. */
export function readForm(form: ScenarioForm, opts: { inputs?: Record<string, number>; savedAs?: string } = {}): FormRead {
  const years = Number(form.years);
  const all = opts.inputs ?? {};
  const yearly = (text: string, [label, range]: readonly [string, PercentRange]) =>
    attempt(() => readYearlyPercent(text, label, range, { years, inputs: all }));
  const once = (text: string, [label, range]: readonly [string, PercentRange]) =>
    attempt(() => {
      const read = readPercent(text, label, range);
      return { value: read.fraction, understood: read.understood };
    });
  const fields = {
    growth: yearly(form.growth, YEARLY.growth),
    award: yearly(form.award, YEARLY.award),
    vacancyFill: yearly(form.vacancyFill, YEARLY.vacancyFill),
    productivity: yearly(form.productivity, YEARLY.productivity),
    agencyReduction: yearly(form.agencyReduction, YEARLY.agencyReduction),
    collaborativeBank: yearly(form.collaborativeBank, YEARLY.collaborativeBank),
    retention: yearly(form.retention, YEARLY.retention),
    headroom: once(form.headroom, ONCE.headroom),
    bankPremium: once(form.bankPremium, ONCE.bankPremium),
    agencyPremium: once(form.agencyPremium, ONCE.agencyPremium),
    bankFee: once(form.bankFee, ONCE.bankFee),
  };
  const lines = form.lines.map((line) => {
    const name = line.serviceLine.trim() || "a service line";
    return {
      growth: line.growth.trim() ? yearly(line.growth, [`Growth of ${name}`, PERCENT_RANGES.activityGrowth]) : undefined,
      productivity: line.productivity.trim()
        ? yearly(line.productivity, [`Productivity of ${name}`, PERCENT_RANGES.productivityChange])
        : undefined,
    };
  });
  const groups = form.groups.map((g) => {
    const field = GROUP_DRIVER_FIELDS.find((f) => f.driver === g.driver)!;
    const label = `${field.label.replace(/,.*/, "")} of ${g.staffGroup.trim() || "a staff group"}`;
    if (field.kind === "yearly") return yearly(g.value, [label, LEAVER_RATE]);
    if (field.kind === "premium") return once(g.value, [label, PERCENT_RANGES.bankPremium]);
    return attempt(() => readFte(g.value, label, years, all));
  });
  const shiftShares = form.shifts.map((shift) => once(shift.share, ["Share of posts moved", PERCENT_RANGES.skillShift]));
  // Upskilling and new roles apply when a staff group is named; each then needs its other fields.
  const shifts = form.shifts.flatMap((shift, i) => (shift.staffGroup.trim() ? [{ shift, share: shiftShares[i]! }] : []));
  const roles = form.roles.filter((role) => role.staffGroup.trim());
  const lineReads = lines.flatMap((l) => [l.growth, l.productivity].filter((r): r is FieldRead => r !== undefined));

  const problems = [...Object.values(fields), ...lineReads, ...groups, ...shifts.map((s) => s.share)].flatMap((read) =>
    "problem" in read ? [read.problem] : [],
  );
  form.lines.forEach((line, i) => {
    if (!line.serviceLine.trim()) problems.push(`By service line, row ${i + 1}: name the service line`);
    else if (!line.growth.trim() && !line.productivity.trim())
      problems.push(`By service line, row ${i + 1}: give ${line.serviceLine.trim()} a growth or a productivity change`);
  });
  form.groups.forEach((g, i) => {
    if (!g.staffGroup.trim()) problems.push(`By staff group, row ${i + 1}: name the staff group`);
  });
  for (const { shift } of shifts)
    if (!shift.from.trim() || !shift.to.trim())
      problems.push(`Upskilling of ${shift.staffGroup.trim()} needs the band posts move from and the band they move to`);
  for (const role of roles) {
    const fte = Number(role.fte);
    if (!role.grade.trim()) problems.push(`A new role in ${role.staffGroup.trim()} needs its band or grade`);
    if (!(Number.isFinite(fte) && fte > 0))
      problems.push(`A new role in ${role.staffGroup.trim()} needs its FTE, a number above 0 (not "${role.fte}")`);
  }
  if (problems.length) return { fields, lines, groups, shiftShares, problems };

  const value = (read: FieldRead) => (read as { value: ChoiceDriver }).value;
  // Only the named inputs an expression uses travel with the scenario.
  const expressions = [...Object.values(fields), ...lineReads, ...groups]
    .map(value)
    .filter((v): v is string => typeof v === "string")
    .join(" ");
  const inputs = Object.fromEntries(Object.entries(all).filter(([name]) => new RegExp(`\\b${escape(name)}\\b`).test(expressions)));
  const choices: ScenarioChoices = {
    name: opts.savedAs ?? (form.name.trim() || "Scenario"),
    startYear: form.startYear,
    horizonYears: years,
    activityGrowth: value(fields.growth),
    payAward: value(fields.award),
    headroom: value(fields.headroom) as number,
    bankPremium: value(fields.bankPremium) as number,
    agencyPremium: value(fields.agencyPremium) as number,
    vacancyFill: value(fields.vacancyFill),
    productivityChange: value(fields.productivity),
    agencyReduction: value(fields.agencyReduction),
    retention: value(fields.retention),
    // No bank (0) is no driver at all, so a scenario without one is stored as before.
    ...(value(fields.collaborativeBank) === 0
      ? {}
      : { collaborativeBank: { share: value(fields.collaborativeBank), fee: value(fields.bankFee) as number } }),
    skillShift: shifts.map(({ shift, share }) => ({
      staffGroup: shift.staffGroup.trim(),
      from: shift.from.trim(),
      to: shift.to.trim(),
      share: value(share) as number,
      byYear: Number(shift.byYear),
    })),
    newRoles: roles.map((role) => ({
      staffGroup: role.staffGroup.trim(),
      grade: role.grade.trim(),
      fte: Number(role.fte),
      fromYear: Number(role.fromYear),
      ...(role.replaces.trim() ? { replaces: role.replaces.trim() } : {}),
    })),
    lineDrivers: form.lines.map((line, i) => ({
      serviceLine: line.serviceLine.trim(),
      ...(lines[i]!.growth ? { growth: value(lines[i]!.growth!) } : {}),
      ...(lines[i]!.productivity ? { productivity: value(lines[i]!.productivity!) } : {}),
    })),
    groupDrivers: form.groups.map((g, i) => ({ staffGroup: g.staffGroup.trim(), driver: g.driver, value: value(groups[i]!) })),
    inputs,
    pensionBasis: form.pensionBasis,
    area: form.area,
  };
  return { fields, lines, groups, shiftShares, problems, choices };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A stored driver as the planner would type it again: "3", "3; 2.5; 2" or "=expression". */
function percentField(driver: unknown, from = 1): string {
  if (typeof driver === "number") return percentText(driver);
  if (typeof driver === "string") return `=${driver}`;
  // The form lists years from the first the driver acts in (year 2 for growth and the pay award).
  if (Array.isArray(driver))
    return driver
      .slice(from - 1)
      .map((d) => percentField(d))
      .join("; ");
  return "0";
}
function fteField(driver: unknown): string {
  if (typeof driver === "number") return String(Number(driver.toFixed(4)));
  if (typeof driver === "string") return `=${driver}`;
  if (Array.isArray(driver)) return driver.map(fteField).join("; ");
  return "0";
}

/**
 * A saved scenario back in the form, to change and run again. What the form
 * cannot hold is said, never dropped silently: skill-mix targets, and leaver
 * rates and starters that were the linked table's (the run reads them again).
 */
export function formFromScenario(input: ScenarioInput): { form: ScenarioForm; notLoaded: string[] } {
  const drivers = input.drivers ?? {};
  const options = input.options ?? {};
  const notLoaded: string[] = [];
  if (drivers.skillMix?.length) notLoaded.push(`${drivers.skillMix.length} skill-mix target(s)`);
  const caps = Object.keys(drivers.collaborativeBank?.capFte ?? {});
  if (caps.length) notLoaded.push(`the collaborative bank's cap on ${caps.join(", ")}`);
  const groups: ScenarioForm["groups"] = [];
  let fromTable = false;
  for (const group of input.staffGroups) {
    for (const driver of ["leaverRate", "retirements", "starters", "internationalRecruits", "bankConversions"] as const) {
      const value = group[driver];
      if (value === undefined || value === 0) continue;
      // A leaver rate or starters as one number is what the linked leavers and starters table gives: it is read again at the run.
      if ((driver === "leaverRate" || driver === "starters") && typeof value === "number") {
        fromTable = true;
        continue;
      }
      groups.push({ staffGroup: group.name, driver, value: driver === "leaverRate" ? percentField(value) : fteField(value) });
    }
    for (const driver of ["bankPremium", "agencyPremium"] as const) {
      const value = group[driver];
      if (value !== undefined) groups.push({ staffGroup: group.name, driver, value: percentText(value) });
    }
  }
  if (fromTable) notLoaded.push("leaver rates and starters as single numbers: the run reads them again from the linked table");
  const form: ScenarioForm = {
    ...DEFAULT_FORM,
    name: input.name,
    startYear: String(input.startYear),
    years: String(input.horizonYears),
    growth: percentField(drivers.activityGrowth ?? 0, 2),
    award: percentField(drivers.payAward ?? 0, 2),
    vacancyFill: percentField(drivers.vacancyFill ?? 0),
    productivity: percentField(drivers.productivityChange ?? 0, 2),
    agencyReduction: percentField(drivers.agencyReduction ?? 0),
    collaborativeBank: percentField(drivers.collaborativeBank?.share ?? 0),
    bankFee: percentField(drivers.collaborativeBank?.fee ?? 0),
    retention: percentField(drivers.retention ?? 0),
    headroom: percentField(options.headroom ?? 0),
    bankPremium: percentField(options.bankPremium ?? 0),
    agencyPremium: percentField(options.agencyPremium ?? 0),
    area: (options.area ?? "none") as Area,
    pensionBasis: options.pensionBasis ?? "full",
    shifts: drivers.skillShift?.length
      ? drivers.skillShift.map((shift) => ({
          staffGroup: shift.staffGroup,
          from: String(shift.from),
          to: String(shift.to),
          share: percentText(shift.share),
          byYear: String(shift.byYear),
        }))
      : [NO_SHIFT],
    roles: drivers.newRoles?.length
      ? drivers.newRoles.map((role) => ({
          staffGroup: role.staffGroup,
          grade: String(role.grade),
          fte: String(role.fte),
          fromYear: String(role.fromYear),
          replaces: role.replaces === undefined ? "" : String(role.replaces),
        }))
      : [NO_ROLE],
    lines: (input.serviceLines ?? [])
      .filter((line) => line.growth !== undefined || line.productivity !== undefined)
      .map((line) => ({
        serviceLine: line.name,
        growth: line.growth === undefined ? "" : percentField(line.growth, 2),
        productivity: line.productivity === undefined ? "" : percentField(line.productivity, 2),
      })),
    groups,
  };
  return { form, notLoaded };
}
