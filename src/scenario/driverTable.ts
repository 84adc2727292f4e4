import { formatPounds } from "../format.ts";
import { monthName } from "../months/calendar.ts";
import { profileText, type Profile } from "../months/profile.ts";
import { NHS_STAFF_GROUPS } from "../reference/nhsStaffGroups.ts";
import type { PercentRange } from "./percentInput.ts";
import type { ScenarioInput } from "./schema.ts";

/*
 * Every driver a planner sets, in one table: where it is stored, how it is
 * typed, the range it may take, its HEE Star point (none: the world the
 * actions work in), its label in the form and its wording in the assumptions.
 * The schema, the form, the card, the Star breakdown, the assumptions and the
 * comparison all read this table, so a new driver is one entry here plus the
 * model's use of it (src/scenario/run.ts). Tests loop over the table: every
 * action is zeroed in the Star's no-action stage, and every driver goes
 * through the form, the store and the assumptions and back unchanged.
 */

/** HEE's Star: the five points of workforce transformation (HEE, "Workforce transformation"). */
export type StarPoint = "supply" | "upskilling" | "newRoles" | "newWaysOfWorking" | "leadership";

/**
 * Where a driver lives in a stored scenario: `drivers.<stored>`,
 * `options.<stored>`, `drivers.collaborativeBank.<stored>`, on every staff
 * group or service line (`<stored>` of each), or a list of rows in `drivers`.
 */
export type DriverHome = "drivers" | "options" | "bank" | "group" | "line" | "list";

/**
 * How the planner types it: a yearly percentage ("3", "3; 2.5", "=expr"); a
 * percentage once; FTE a year (one, one per year, or "=expr"); one of a few
 * choices; rows of their own (upskilling, new roles, skill mix); a phasing
 * profile across the months ("even", "Sep, Oct", twelve weights); a month;
 * pounds once, blank for not given; or a cut, a percentage once whose blank
 * is the national expectation.
 */
export type DriverTyping = "yearly" | "percent" | "fte" | "choice" | "rows" | "profile" | "month" | "pounds" | "cut";

/** Where the Scenario card draws a scalar driver's field. */
export type DriverSection = "plan" | "costs" | "actions" | "months" | "rules";

export interface DriverEntry {
  /** The driver's name in the form, the planner's choices and (unless `stored` says otherwise) the store. */
  key: string;
  home: DriverHome;
  /** Its name within its home, where that is not `key`. */
  stored?: string;
  typed: DriverTyping;
  /** Its field's label in the form. */
  label: string;
  hint?: string;
  /** How messages and the assumptions name it: "Activity growth". */
  name: string;
  /** What a typed percentage may be: wide enough for any plan, narrow enough to catch a slip of a digit. */
  range?: PercentRange;
  /** A choice's values with their labels. */
  choices?: readonly { value: string; label: string }[];
  /** What a new form holds. */
  formDefault?: string;
  /** What a scenario holds when no one chose it, where that is not none (a tolerance wfplan starts from). */
  unchosen?: number;
  section?: DriverSection;
  /** The Star point whose action it is; absent for the world and the settings. */
  star?: StarPoint;
  /** A staff group's driver the linked leavers and starters table gives as one number, read again at each run. */
  readFromLinks?: true;
  /** Its wording in the assumptions, given its stored value; absent where another entry says it (the bank's fee). */
  says?: (value: unknown) => string;
}

const percent = (x: number) => `${Number((x * 100).toFixed(2))}%`;

/** A driver as a planner reads it: a percentage, a list of them year by year, or the expression as written. */
export function driverText(value: unknown, from = 1): string {
  if (typeof value === "number") return percent(value);
  // One per plan year, the last for every later year: growth and the pay award act from year 2, so year 1's entry is not shown.
  if (Array.isArray(value))
    return value
      .slice(from - 1)
      .map((v, i) => `year ${from + i}: ${driverText(v)}`)
      .join(", ");
  return `=${String(value)}`;
}

/** FTE as a planner reads it: "12 FTE", one per year, or the expression. */
export function fteText(value: unknown): string {
  if (typeof value === "number") return `${Number(value.toFixed(2))} FTE`;
  if (Array.isArray(value)) return value.map(fteText).join(", ");
  return String(value);
}

/** A phasing profile as the assumptions say it: "evenly", "Sep, Oct". */
const phased = (v: unknown) => {
  const text = profileText(v as Profile | undefined);
  return text === "even" ? "evenly" : text;
};

const yearly =
  (from: number, per = "a year") =>
  (v: unknown) =>
    `${driverText(v, from)} ${per}`;

export const DRIVERS = [
  // The plan: the world the actions work in.
  {
    key: "activityGrowth",
    home: "drivers",
    typed: "yearly",
    label: "Activity growth, % a year",
    name: "Activity growth",
    range: { min: -0.5, max: 1, per: "a year", from: 2 },
    formDefault: "3",
    section: "plan",
    says: yearly(2),
  },
  {
    key: "payAward",
    home: "drivers",
    typed: "yearly",
    label: "Pay award, % a year",
    name: "Pay award",
    range: { min: -0.1, max: 0.5, per: "a year", from: 2 },
    formDefault: "3",
    section: "plan",
    says: yearly(2),
  },
  {
    key: "productivityChange",
    home: "drivers",
    typed: "yearly",
    label: "New ways of working: productivity, % a year",
    hint: "fewer minutes a unit, from year 2",
    name: "Productivity",
    range: { min: -0.5, max: 0.5, per: "a year", from: 2 },
    formDefault: "0",
    section: "actions",
    star: "newWaysOfWorking",
    says: yearly(2),
  },
  {
    key: "vacancyFill",
    home: "drivers",
    typed: "yearly",
    label: "Supply: vacancies filled, % a year",
    name: "Vacancy fill",
    range: { min: 0, max: 1, per: "a year" },
    formDefault: "0",
    section: "actions",
    star: "supply",
    says: yearly(1),
  },
  {
    key: "agencyReduction",
    home: "drivers",
    typed: "yearly",
    label: "New ways of working: agency given up, % a year",
    hint: "of agency capacity",
    name: "Agency reduction",
    range: { min: 0, max: 1, per: "a year" },
    formDefault: "0",
    section: "actions",
    star: "newWaysOfWorking",
    says: yearly(1),
  },
  {
    key: "retention",
    home: "drivers",
    typed: "yearly",
    label: "Leadership: fewer leavers, %",
    hint: "as retention improves",
    name: "Retention",
    range: { min: 0, max: 1 },
    formDefault: "0",
    section: "actions",
    star: "leadership",
    says: yearly(1, "fewer leavers"),
  },
  {
    key: "collaborativeBank",
    home: "bank",
    stored: "share",
    typed: "yearly",
    label: "New ways of working: collaborative bank, % of agency cover a year",
    hint: "filled by a bank shared across the system, at bank rates",
    name: "Collaborative bank",
    range: { min: 0, max: 1, per: "a year" },
    formDefault: "0",
    section: "actions",
    star: "newWaysOfWorking",
  },
  {
    key: "bankFee",
    home: "bank",
    stored: "fee",
    typed: "percent",
    label: "Collaborative bank's management fee, %",
    hint: "on the bank's pay bill",
    name: "Collaborative bank's fee",
    range: { min: 0, max: 1 },
    formDefault: "0",
    section: "actions",
    // Part of the bank: with no bank there is no fee.
    star: "newWaysOfWorking",
  },
  // The months of a plan year: when each flow falls, and when the pay award takes effect.
  {
    key: "monthsFor",
    home: "options",
    typed: "choice",
    label: "Months for",
    hint: "April to March by staff group",
    name: "Months",
    choices: [
      { value: "first", label: "The first plan year" },
      { value: "every", label: "Every plan year" },
    ],
    formDefault: "first",
    section: "months",
    says: (v) => (v === "every" ? "every plan year" : "the first plan year"),
  },
  {
    key: "payAwardMonth",
    home: "drivers",
    typed: "month",
    label: "Pay award takes effect from",
    hint: "April when it is backdated; from year 2",
    name: "Pay award from",
    formDefault: "Apr",
    section: "months",
    says: (v) => monthName(Number(v ?? 1)),
  },
  {
    key: "startersPhasing",
    home: "drivers",
    typed: "profile",
    label: "Starters from training arrive",
    hint: "even, months (Sep, Oct) or twelve weights",
    name: "Starters arrive",
    formDefault: "even",
    section: "months",
    says: phased,
  },
  {
    key: "recruitsPhasing",
    home: "drivers",
    typed: "profile",
    label: "International recruits arrive",
    hint: "in cohorts: Jun, Nov, Feb",
    name: "International recruits arrive",
    formDefault: "even",
    section: "months",
    says: phased,
  },
  {
    key: "conversionsPhasing",
    home: "drivers",
    typed: "profile",
    label: "Bank staff take posts",
    name: "Bank conversions arrive",
    formDefault: "even",
    section: "months",
    says: phased,
  },
  {
    key: "leaversPhasing",
    home: "drivers",
    typed: "profile",
    label: "Leavers and retirements go",
    name: "Leavers go",
    formDefault: "even",
    section: "months",
    says: phased,
  },
  {
    key: "agencyPhasing",
    home: "drivers",
    typed: "profile",
    label: "Agency given up, by month",
    hint: "even is a straight line to March",
    name: "Agency given up by month",
    formDefault: "even",
    section: "months",
    says: phased,
  },
  {
    key: "bankPhasing",
    home: "drivers",
    typed: "profile",
    label: "Collaborative bank grows, by month",
    hint: "even is a straight line to March",
    name: "Collaborative bank by month",
    formDefault: "even",
    section: "months",
    says: phased,
  },
  {
    key: "actualsTolerance",
    home: "options",
    typed: "percent",
    label: "Plan against actual: tolerance, %",
    hint: "green within it, amber within twice it, red beyond",
    name: "Tolerance against actual",
    range: { min: 0, max: 0.5 },
    formDefault: "2",
    unchosen: 0.02,
    section: "months",
    says: (v) => percent(Number(v)),
  },
  // The temporary staffing rules: the year before's spend, and the cuts expected on it.
  {
    key: "agencySpendBefore",
    home: "options",
    typed: "pounds",
    label: "Agency spend the year before, £",
    hint: "blank: the bank and agency table's spend",
    name: "Agency spend the year before",
    formDefault: "",
    section: "rules",
    says: (v) => (v === undefined ? "the bank and agency table's" : formatPounds(Number(v))),
  },
  {
    key: "bankSpendBefore",
    home: "options",
    typed: "pounds",
    label: "Bank spend the year before, £",
    hint: "blank: the bank and agency table's spend",
    name: "Bank spend the year before",
    formDefault: "",
    section: "rules",
    says: (v) => (v === undefined ? "the bank and agency table's" : formatPounds(Number(v))),
  },
  {
    key: "agencySpendCut",
    home: "options",
    typed: "cut",
    label: "Agency spend down by at least, %",
    hint: "blank: the national expectation",
    name: "Agency spend cut",
    range: { min: 0, max: 1 },
    formDefault: "",
    section: "rules",
    says: (v) => (v === undefined ? "the national expectation" : percent(Number(v))),
  },
  {
    key: "bankSpendCut",
    home: "options",
    typed: "cut",
    label: "Bank spend down by at least, %",
    hint: "blank: the national expectation",
    name: "Bank spend cut",
    range: { min: 0, max: 1 },
    formDefault: "",
    section: "rules",
    says: (v) => (v === undefined ? "the national expectation" : percent(Number(v))),
  },
  // Rows of their own.
  {
    key: "skillShift",
    home: "list",
    typed: "rows",
    label: "Upskilling",
    name: "Upskilling",
    range: { min: 0, max: 1 },
    star: "upskilling",
  },
  { key: "skillMix", home: "list", typed: "rows", label: "Skill mix targets", name: "Skill mix targets", star: "upskilling" },
  { key: "newRoles", home: "list", typed: "rows", label: "New roles", name: "New roles", star: "newRoles" },
  // By service line, replacing the scenario's.
  {
    key: "lineGrowth",
    home: "line",
    stored: "growth",
    typed: "yearly",
    label: "Growth",
    name: "growth",
    range: { min: -0.5, max: 1, per: "a year", from: 2 },
    says: (v) => driverText(v, 2),
  },
  {
    key: "lineProductivity",
    home: "line",
    stored: "productivity",
    typed: "yearly",
    label: "Productivity",
    name: "productivity",
    range: { min: -0.5, max: 0.5, per: "a year", from: 2 },
    star: "newWaysOfWorking",
    says: (v) => driverText(v, 2),
  },
  // By staff group, replacing what the leavers and starters table gives.
  {
    key: "leaverRate",
    home: "group",
    typed: "yearly",
    label: "Leaver rate, % a year",
    name: "leaver rate",
    readFromLinks: true,
    range: { min: 0, max: 1, per: "a year" },
    says: (v) => driverText(v),
  },
  { key: "retirements", home: "group", typed: "fte", label: "Retirements, FTE a year", name: "retirements", says: fteText },
  {
    key: "starters",
    home: "group",
    typed: "fte",
    label: "Starters from training, FTE a year",
    name: "starters",
    readFromLinks: true,
    says: fteText,
  },
  {
    key: "internationalRecruits",
    home: "group",
    typed: "fte",
    label: "International recruits, FTE a year",
    name: "international recruits",
    star: "supply",
    says: fteText,
  },
  {
    key: "bankConversions",
    home: "group",
    typed: "fte",
    label: "Bank staff taking posts, FTE a year",
    name: "bank conversions",
    star: "supply",
    says: fteText,
  },
  {
    key: "startersPhasing",
    home: "group",
    typed: "profile",
    label: "Starters arrive, by month",
    name: "starters arrive",
    says: phased,
  },
  {
    key: "recruitsPhasing",
    home: "group",
    typed: "profile",
    label: "International recruits arrive, by month",
    name: "international recruits arrive",
    says: phased,
  },
  {
    key: "nhsStaffGroup",
    home: "group",
    typed: "choice",
    label: "NHS staff group, for the submission",
    name: "NHS staff group",
    choices: NHS_STAFF_GROUPS.map((g) => ({ value: g, label: g })),
    says: String,
  },
  {
    key: "bankPremium",
    home: "group",
    typed: "percent",
    label: "Bank premium, %",
    name: "bank premium",
    range: { min: 0, max: 5 },
    says: (v) => percent(Number(v)),
  },
  {
    key: "agencyPremium",
    home: "group",
    typed: "percent",
    label: "Agency premium, %",
    name: "agency premium",
    range: { min: 0, max: 5 },
    says: (v) => percent(Number(v)),
  },
  // Settings of the costing.
  {
    key: "headroom",
    home: "options",
    typed: "percent",
    label: "Headroom, %",
    name: "Headroom",
    range: { min: 0, max: 1 },
    formDefault: "22",
    section: "costs",
    says: (v) => percent(Number(v)),
  },
  {
    key: "pensionBasis",
    home: "options",
    typed: "choice",
    label: "Pension in costs",
    name: "Pension in costs",
    choices: [
      { value: "full", label: "Full, 23.78%" },
      { value: "local", label: "Paid locally, 14.38%" },
    ],
    formDefault: "full",
    section: "costs",
    says: String,
  },
  {
    key: "area",
    home: "options",
    typed: "choice",
    label: "High cost area",
    hint: "for staff rows that give none",
    name: "High cost area",
    choices: [
      { value: "none", label: "None" },
      { value: "inner", label: "Inner London" },
      { value: "outer", label: "Outer London" },
      { value: "fringe", label: "Fringe" },
    ],
    formDefault: "none",
    section: "costs",
    says: String,
  },
  {
    key: "bankPremium",
    home: "options",
    typed: "percent",
    label: "Bank premium, %",
    hint: "over substantive cost",
    name: "Bank premium",
    range: { min: 0, max: 5 },
    formDefault: "0",
    section: "costs",
    says: (v) => percent(Number(v)),
  },
  {
    key: "agencyPremium",
    home: "options",
    typed: "percent",
    label: "Agency premium, %",
    hint: "over substantive cost",
    name: "Agency premium",
    range: { min: 0, max: 5 },
    formDefault: "0",
    section: "costs",
    says: (v) => percent(Number(v)),
  },
] as const satisfies readonly DriverEntry[];

export type DriverOf<Home extends DriverHome> = Extract<(typeof DRIVERS)[number], { home: Home }>;
/** The drivers the form holds as one field each: scenario-wide, in `drivers`, `options` or the collaborative bank. */
export type ScalarDriver = DriverOf<"drivers" | "options" | "bank">;
export type ScalarDriverKey = ScalarDriver["key"];
export type GroupDriver = DriverOf<"group">["key"];
export type LineDriver = DriverOf<"line">;

export const SCALAR_DRIVERS: readonly ScalarDriver[] = DRIVERS.filter(
  (d): d is ScalarDriver => d.home === "drivers" || d.home === "options" || d.home === "bank",
);
export const GROUP_DRIVERS: readonly DriverOf<"group">[] = DRIVERS.filter((d): d is DriverOf<"group"> => d.home === "group");
export const LINE_DRIVERS: readonly LineDriver[] = DRIVERS.filter((d): d is LineDriver => d.home === "line");

type WithRange = Extract<(typeof DRIVERS)[number], { range: PercentRange }>;
/** What each typed percentage may be, by driver. */
export const PERCENT_RANGES = Object.fromEntries(
  DRIVERS.flatMap((d): [string, PercentRange][] => ("range" in d ? [[d.key, d.range]] : [])),
) as Record<WithRange["key"], PercentRange>;

/** A scalar driver's entry by key. */
export function scalarDriver(key: ScalarDriverKey): ScalarDriver {
  return SCALAR_DRIVERS.find((d) => d.key === key)!;
}
export function groupDriver(key: GroupDriver): DriverOf<"group"> {
  return GROUP_DRIVERS.find((d) => d.key === key)!;
}

const storedKey = (entry: DriverEntry) => entry.stored ?? entry.key;

/**
 * A scenario-wide driver's stored value: in `drivers`, `options` or the
 * collaborative bank; undefined where it is not set (no bank is no share).
 */
export function storedDriver(
  input: Pick<ScenarioInput, "drivers" | "options"> | { drivers: object; options: object },
  entry: DriverEntry,
): unknown {
  const drivers = input.drivers as Record<string, unknown> | undefined;
  const place =
    entry.home === "drivers" || entry.home === "list"
      ? drivers
      : entry.home === "options"
        ? input.options
        : entry.home === "bank"
          ? drivers?.collaborativeBank
          : undefined;
  return (place as Record<string, unknown> | undefined)?.[storedKey(entry)];
}

/** The value a driver takes when no one sets it: its action undone, for the Star's no-action stage. */
function noneOf(entry: DriverEntry): unknown {
  // Absent is even for a profile and April for a month: the months as wfplan phases them when no one says.
  if (entry.typed === "profile" || entry.typed === "pounds" || entry.typed === "cut" || entry.home === "line") return undefined;
  if (entry.typed === "month") return 1;
  return entry.home === "list" ? [] : 0;
}

/** What a scenario-wide driver is stored as when no one chose it: a choice's first value, else its none. */
export function unchosen(entry: DriverEntry): unknown {
  if (entry.unchosen !== undefined) return entry.unchosen;
  return entry.choices ? entry.choices[0]!.value : noneOf(entry);
}

/**
 * The scenario with the driver set to none: no growth, no action, no bank
 * (a collaborative bank with no share is no bank at all). Each home is
 * handled here once, so the Star zeroes whatever the table marks as an action.
 */
export function withoutDriver(input: ScenarioInput, entry: DriverEntry): ScenarioInput {
  const key = storedKey(entry);
  const none = noneOf(entry);
  switch (entry.home) {
    case "drivers":
    case "list":
      return { ...input, drivers: { ...input.drivers, [key]: none } };
    case "options":
      return { ...input, options: { ...input.options, [key]: none } };
    case "bank": {
      if (!input.drivers?.collaborativeBank) return input;
      if (key === "share") return { ...input, drivers: { ...input.drivers, collaborativeBank: undefined } };
      return { ...input, drivers: { ...input.drivers, collaborativeBank: { ...input.drivers.collaborativeBank, [key]: none } } };
    }
    case "group":
      return { ...input, staffGroups: input.staffGroups.map((group) => ({ ...group, [key]: none })) };
    case "line":
      return { ...input, serviceLines: input.serviceLines?.map((line) => ({ ...line, [key]: none })) };
  }
}

/** Every value a driver holds in a scenario: one for a scenario-wide driver, one a staff group or service line otherwise. */
export function driverValues(input: ScenarioInput, entry: DriverEntry): unknown[] {
  const key = storedKey(entry);
  if (entry.home === "group") return input.staffGroups.map((group) => (group as Record<string, unknown>)[key]);
  if (entry.home === "line") return (input.serviceLines ?? []).map((line) => (line as Record<string, unknown>)[key]);
  return [storedDriver(input, entry)];
}

/** Whether a value is the driver's none: what withoutDriver sets. */
export function isNone(entry: DriverEntry, value: unknown): boolean {
  const none = noneOf(entry);
  if (Array.isArray(none)) return Array.isArray(value) && value.length === 0;
  return value === none || ((none === 0 || entry.typed === "month") && value === undefined);
}

/** The drivers of a Star point, as the Star's table names them: "vacancy fill, international recruits, bank conversions". */
export function starDriverNames(point: StarPoint): string {
  const names = DRIVERS.filter((d): boolean => "star" in d && d.star === point).map((d) => d.name.toLowerCase());
  // A service line's productivity is said with the scenario's.
  return [...new Set(names)].join(", ");
}
