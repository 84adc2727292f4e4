import {
  formatPounds,
  GROUP_DRIVERS,
  LINE_DRIVERS,
  latestOnCostYear,
  monthName,
  profileText,
  readMonth,
  readProfile,
  PERCENT_RANGES,
  percentText,
  readPercent,
  readPounds,
  readYearlyPercent,
  SCALAR_DRIVERS,
  storedDriver,
  type ChoiceDriver,
  type GroupDriver,
  type PercentRange,
  type ScalarDriverKey,
  type ScenarioChoices,
  type ScenarioInput,
} from "../../src/index.ts";

/*
 * The Scenario card's form as the planner typed it, and how it becomes the
 * model's choices: every field read as the model reads it, with what was
 * understood or why it cannot be used, all problems at once. A saved scenario
 * loads back into the same form. The card holds a ScenarioForm and renders;
 * the reading lives here, where tests call it without a pane. Every
 * scenario-wide driver is a field named by its key in the drivers table
 * (src/scenario/driverTable.ts), read as the table says it is typed.
 */

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

/** The form as typed: every scenario-wide driver of the drivers table by its key, then the rows. */
export type ScenarioForm = {
  name: string;
  startYear: string;
  years: string;
  /** Upskilling moves and new roles: a row whose staff group is blank is none. */
  shifts: Shift[];
  roles: Role[];
  /** Activity growth and productivity for a service line, each replacing the scenario's when given. */
  lines: { serviceLine: string; growth: string; productivity: string }[];
  /** A staff group's own leaver rate, retirements, starters, international recruits, bank conversions or premiums. */
  groups: { staffGroup: string; driver: GroupDriver; value: string }[];
} & Record<ScalarDriverKey, string>;

export const DEFAULT_FORM: ScenarioForm = {
  name: "Base case",
  startYear: latestOnCostYear(),
  years: "3",
  ...(Object.fromEntries(SCALAR_DRIVERS.map((d) => [d.key, d.formDefault])) as Record<ScalarDriverKey, string>),
  shifts: [NO_SHIFT],
  roles: [NO_ROLE],
  lines: [],
  groups: [],
};

/** A field read: what the model gets, and what the pane says under the field. */
export type FieldRead = { value: ChoiceDriver | undefined; understood: string } | { problem: string };

export interface FormRead {
  /** Each percentage field, by its form key, read or refused. */
  fields: Record<ScalarDriverKey, FieldRead>;
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

function attempt(read: () => { value: ChoiceDriver | undefined; understood: string }): FieldRead {
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

/** Whether any field is an expression ("=" first), which needs the expression reader loaded (loadDriverExpressions). */
export function formHasExpression(form: ScenarioForm): boolean {
  return JSON.stringify(form).includes('":"=');
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
  const fields = Object.fromEntries(SCALAR_DRIVERS.map((d) => [d.key, readField(d, form[d.key], yearly, once)])) as FormRead["fields"];
  const lines = form.lines.map((line) => {
    const name = line.serviceLine.trim() || "a service line";
    return Object.fromEntries(
      LINE_DRIVERS.flatMap((d) =>
        line[d.stored].trim() ? [[d.stored, yearly(line[d.stored], [`${cap(d.name)} of ${name}`, d.range])]] : [],
      ),
    ) as FormRead["lines"][number];
  });
  const groups = form.groups.map((g) => {
    const field = GROUP_DRIVERS.find((f) => f.key === g.driver)!;
    const label = `${field.label.replace(/,.*/, "")} of ${g.staffGroup.trim() || "a staff group"}`;
    if (field.typed === "yearly") return yearly(g.value, [label, field.range]);
    if (field.typed === "percent") return once(g.value, [label, field.range]);
    if (field.typed === "profile") return readProfileField(g.value, label);
    if (field.typed === "choice") {
      const choice = field.choices.find((c) => c.value.toLowerCase() === g.value.trim().toLowerCase());
      return choice
        ? { value: choice.value, understood: choice.label }
        : { problem: `${label}: choose one of ${field.choices.map((c) => c.label).join(", ")}` };
    }
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
  const scenarioWide = SCALAR_DRIVERS.filter((d) => d.home !== "bank").map((d) => [d.key, value(fields[d.key])]);
  const choices: ScenarioChoices = {
    name: opts.savedAs ?? (form.name.trim() || "Scenario"),
    startYear: form.startYear,
    horizonYears: years,
    ...(Object.fromEntries(scenarioWide) as Partial<ScenarioChoices>),
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
  };
  return { fields, lines, groups, shiftShares, problems, choices };
}

const cap = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** A scalar driver's field read as the table says it is typed: a yearly percentage, a percentage once, or one of its choices. */
function readField(
  entry: (typeof SCALAR_DRIVERS)[number],
  text: string,
  yearly: (text: string, spec: readonly [string, PercentRange]) => FieldRead,
  once: (text: string, spec: readonly [string, PercentRange]) => FieldRead,
): FieldRead {
  if (entry.typed === "yearly") return yearly(text, [entry.name, entry.range]);
  if (entry.typed === "percent") return once(text, [entry.name, entry.range]);
  if (entry.typed === "profile") return readProfileField(text, entry.name);
  if (entry.typed === "month")
    return attempt(() => ({ value: readMonth(text, entry.name), understood: monthName(readMonth(text, entry.name)) }));
  if (entry.typed === "pounds")
    return attempt(() => {
      const pounds = readPounds(text, entry.name);
      return { value: pounds, understood: pounds === undefined ? "not given" : formatPounds(pounds) };
    });
  if (entry.typed === "cut")
    return text.trim() === "" ? { value: undefined, understood: "the national expectation" } : once(text, [entry.name, entry.range]);
  const choice = entry.choices.find((c) => c.value === text);
  return choice
    ? { value: choice.value, understood: choice.label }
    : { problem: `${entry.name} "${text}" is not one of ${entry.choices.map((c) => c.label).join(", ")}` };
}

/** A phasing profile as typed: even (stored as nothing), months, or twelve weights. */
function readProfileField(text: string, label: string): FieldRead {
  return attempt(() => {
    const read = readProfile(text, label);
    return { value: read.weights ? [...read.weights] : undefined, understood: read.understood };
  });
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
/** A scenario-wide driver as stored, back as the planner types it; an absent one at none (a choice at its default). */
function scalarField(entry: (typeof SCALAR_DRIVERS)[number], stored: unknown): string {
  if (entry.typed === "choice") return stored === undefined ? entry.formDefault : String(stored);
  if (entry.typed === "profile") return profileText(stored as number[] | undefined);
  if (entry.typed === "month") return monthName(Number(stored ?? 1));
  if (entry.typed === "pounds") return stored === undefined ? "" : String(stored);
  if (entry.typed === "cut") return stored === undefined ? "" : percentText(Number(stored));
  return percentField(stored ?? 0, (entry.range as PercentRange).from);
}

function fteField(driver: unknown): string {
  if (typeof driver === "number") return String(Number(driver.toFixed(4)));
  if (typeof driver === "string") return `=${driver}`;
  if (Array.isArray(driver)) return driver.map(fteField).join("; ");
  return "0";
}

/** Said of a saved scenario's leaver rates and starters that were the linked table's: not lost, read again at the run. */
export const READ_AGAIN = "leaver rates and starters as single numbers: the run reads them again from the linked table";

/**
 * A saved scenario back in the form, to change and run again. What the form
 * cannot hold is said, never dropped silently: skill-mix targets, and leaver
 * rates and starters that were the linked table's (the run reads them again).
 */
export function formFromScenario(input: ScenarioInput): { form: ScenarioForm; notLoaded: string[] } {
  const drivers = input.drivers ?? {};
  const notLoaded: string[] = [];
  if (drivers.skillMix?.length) notLoaded.push(`${drivers.skillMix.length} skill-mix target(s)`);
  const caps = Object.keys(drivers.collaborativeBank?.capFte ?? {});
  if (caps.length) notLoaded.push(`the collaborative bank's cap on ${caps.join(", ")}`);
  const groups: ScenarioForm["groups"] = [];
  let fromTable = false;
  for (const group of input.staffGroups) {
    for (const entry of GROUP_DRIVERS) {
      const value = (group as Record<string, unknown>)[entry.key];
      // A premium is set when it is there; a yearly driver or FTE when it is not none.
      if (value === undefined || (entry.typed !== "percent" && value === 0)) continue;
      // A leaver rate or starters as one number is what the linked leavers and starters table gives: it is read again at the run.
      if ("readFromLinks" in entry && typeof value === "number") {
        fromTable = true;
        continue;
      }
      const typed =
        entry.typed === "fte"
          ? fteField(value)
          : entry.typed === "profile"
            ? profileText(value as number[])
            : entry.typed === "choice"
              ? String(value)
              : percentField(value);
      groups.push({ staffGroup: group.name, driver: entry.key, value: typed });
    }
  }
  if (fromTable) notLoaded.push(READ_AGAIN);
  const scalars = SCALAR_DRIVERS.map((d) => [d.key, scalarField(d, storedDriver(input, d))]);
  const form: ScenarioForm = {
    ...DEFAULT_FORM,
    name: input.name,
    startYear: String(input.startYear),
    years: String(input.horizonYears),
    ...(Object.fromEntries(scalars) as Record<ScalarDriverKey, string>),
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
      .filter((line) => LINE_DRIVERS.some((d) => line[d.stored] !== undefined))
      .map((line) => ({
        serviceLine: line.name,
        ...(Object.fromEntries(
          LINE_DRIVERS.map((d) => [d.stored, line[d.stored] === undefined ? "" : percentField(line[d.stored], d.range.from)]),
        ) as Record<(typeof LINE_DRIVERS)[number]["stored"], string>),
      })),
    groups,
  };
  return { form, notLoaded };
}
