import { config, z } from "zod";
import { fail } from "../errors.ts";
import { NHS_STAFF_GROUPS, parseFinancialYear, parsePostGrade } from "../reference/index.ts";
import { profileProblem } from "../months/profile.ts";
import { AFC_ANNUAL_HOURS } from "../workforce/time.ts";
import { DRIVERS, type DriverOf } from "./driverTable.ts";

// zod probes for code generation with Function(""), which the pages' Content-Security-Policy refuses (and reports):
// validate without it. Set here, where the pane first loads zod, before any schema parses.
config({ jitless: true });

/*
 * A multi-year workforce scenario: a baseline (establishment and staff in post
 * by staff group and band, activity by service line, the pay budget), drivers
 * that move it year by year, and a horizon. The task pane builds one from the
 * workbook's tables; the schema is also how scenarios are stored in a workbook.
 */

const driverValue = z.union([z.number().finite(), z.string().trim().min(1)]);
/** A number, an expression over `inputs`, or a list with one per year (the last repeats). */
export const driverSchema = z.union([driverValue, z.array(driverValue).min(1)]);

const fte = z.number().finite().nonnegative();
const money = z.number().finite();
const fraction = z.number().min(0).max(1);
const name = z.string().trim().min(1);
/** A zod type that reads a cell-like value with one of the model's parsers, keeping its message. */
function parsedWith<T>(parse: (value: unknown) => T) {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    try {
      return parse(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });
}
/**
 * A band or grade as planners write it; a training grade ("ST4") also carries
 * the resident doctor's nodal point. `key` names the line in mixes and results
 * ("ST4", "Consultant", "5").
 */
const grade = parsedWith((value) => parsePostGrade(value)).transform((post) => ({
  grade: post.grade,
  nodalPoint: post.nodalPoint,
  key: post.trainingGrade ?? post.grade,
}));
const year = parsedWith((value) => parseFinancialYear(value));

export const gradeLineSchema = z
  .object({
    grade,
    establishmentFte: fte,
    inPostFte: fte,
    bankFte: fte.default(0),
    agencyFte: fte.default(0),
    /** Who is in post by distinct FTE, pay point and area, costed each at their own (see aggregateStaff). */
    posts: z
      .array(
        z.object({
          fte,
          count: z.number().int().positive(),
          point: z.union([z.string(), z.number()]).optional(),
          area: z.string().optional(),
        }),
      )
      .optional(),
  })
  .transform(({ grade: post, ...line }) => ({ ...line, ...post }));

/*
 * The drivers of the drivers table (driverTable.ts) at each home: a yearly
 * driver or FTE a year defaults to none (0); a staff group's premium, a
 * percentage once, is optional (absent: the scenario's).
 */
type Yearly = z.ZodDefault<typeof driverSchema>;
function driverFields<Home extends "drivers" | "group">(home: Home) {
  const yearly = DRIVERS.filter((d) => d.home === home && (d.typed === "yearly" || d.typed === "fte"));
  return Object.fromEntries(yearly.map((d) => [d.key, driverSchema.default(0)])) as {
    [K in Extract<DriverOf<Home>, { typed: "yearly" | "fte" }>["key"]]: Yearly;
  };
}
/** A phasing profile: twelve shares, April first, adding to one; absent is even. */
export const profileSchema = z.array(z.number()).superRefine((weights, ctx) => {
  const problem = profileProblem(weights);
  if (problem) ctx.addIssue({ code: "custom", message: `the profile ${problem}` });
});
function profileFields<Home extends "drivers" | "group">(home: Home) {
  return Object.fromEntries(
    DRIVERS.filter((d) => d.home === home && d.typed === "profile").map((d) => [d.key, profileSchema.optional()]),
  ) as {
    [K in Extract<DriverOf<Home>, { typed: "profile" }>["key"]]: z.ZodOptional<typeof profileSchema>;
  };
}
/** A month of the financial year, 1 (April) to 12 (March). */
const month = z.number().int().min(1, "a month is 1 (April) to 12 (March)").max(12, "a month is 1 (April) to 12 (March)");
const monthFields = Object.fromEntries(DRIVERS.filter((d) => d.typed === "month").map((d) => [d.key, month.default(1)])) as {
  [K in Extract<DriverOf<"drivers">, { typed: "month" }>["key"]]: z.ZodDefault<typeof month>;
};
const groupPremiums = Object.fromEntries(
  DRIVERS.filter((d) => d.home === "group" && d.typed === "percent").map((d) => [d.key, z.number().min(0).optional()]),
) as { [K in Extract<DriverOf<"group">, { typed: "percent" }>["key"]]: z.ZodOptional<z.ZodNumber> };
const lineDrivers = Object.fromEntries(DRIVERS.filter((d) => d.home === "line").map((d) => [d.stored, driverSchema.optional()])) as {
  [K in DriverOf<"line">["stored"]]: z.ZodOptional<typeof driverSchema>;
};

export const staffGroupSchema = z.object({
  name,
  /** Registered professionals (nurses, AHPs, doctors), for skill-mix ratios. */
  registered: z.boolean().default(false),
  grades: z.array(gradeLineSchema).min(1),
  /** Leaver rate (NHS Digital's), retirements, starters, recruits, conversions; the group's own bank and agency premiums. */
  ...driverFields("group"),
  ...groupPremiums,
  /** When its starters and international recruits arrive, replacing the scenario's profiles. */
  ...profileFields("group"),
  /** The NHS Workforce Statistics staff group it is submitted as; absent, guessed from its name (nhsGroupOf). */
  nhsStaffGroup: z.enum(NHS_STAFF_GROUPS).optional(),
});

export const serviceLineSchema = z.object({
  name,
  /** What one unit of activity is: "appointments", "bed days", "theatre sessions". */
  unit: z.string().default("units"),
  /** Activity in the first plan year. */
  activity: fte,
  /** Minutes of each staff group's time that one unit takes. */
  staffing: z.array(z.object({ staffGroup: name, minutesPerUnit: fte })).min(1),
  /** Growth and productivity change for this line only, replacing the scenario's. */
  ...lineDrivers,
  /** The first plan year's activity month by month, April first, where the activity plan gives it: the months' demand follows its shape. */
  months: z.array(fte).length(12, "an activity plan's months are twelve, April to March").optional(),
});

export const budgetLineSchema = z.object({
  staffGroup: name,
  costCentre: z.string().optional(),
  /** First-year budget; later years grow with the pay award unless `byYear` gives them. */
  amount: money,
  byYear: z.array(money).optional(),
});

export const skillMixTargetSchema = z.object({
  staffGroup: name,
  /** Target share of the group's FTE by grade, reached by `byYear` in equal steps. */
  shares: z.record(z.string(), fraction),
  byYear: z.number().int().min(1),
});

/** Upskilling: a share of a staff group's posts at one band or grade moved to another, reached by `byYear` in equal steps. */
export const skillShiftSchema = z.object({
  staffGroup: name,
  from: z.union([z.string(), z.number()]),
  to: z.union([z.string(), z.number()]),
  share: fraction,
  byYear: z.number().int().min(1),
});

export const newRoleSchema = z
  .object({
    staffGroup: name,
    grade,
    fte,
    /** Plan year in which the posts are filled (1 = the first year). */
    fromYear: z.number().int().min(1),
    /** A band or grade whose posts the new role takes over, FTE for FTE (nursing associates for band 5 posts): no more posts, a different cost. */
    replaces: grade.optional(),
  })
  .transform(({ grade: post, ...role }) => ({ ...role, ...post }));

/**
 * A row of a pay table linked from the workbook (Year, Band or grade, Point,
 * Annual pay, optionally Hours), overriding wfplan's figures for the rows it
 * holds; `place` says where it is ("Pay tables!B7").
 */
export const payTableRowSchema = z.object({
  year: z.union([z.string(), z.number()]),
  grade: z.union([z.string(), z.number()]),
  point: z.union([z.string(), z.number()]).optional(),
  annual: z.union([z.string(), z.number()]),
  hours: z.union([z.string(), z.number()]).optional(),
  place: z.string().optional(),
});

export const scenarioOptionsSchema = z.object({
  /** Pension in costs: "full" 23.78% (default) or "local" 14.38%. */
  pensionBasis: z.enum(["full", "local"]).default("full"),
  area: z.enum(["none", "inner", "outer", "fringe"]).default("none"),
  /** Pay point used to cost each band: "entry", "mid" or "top". */
  payPoint: z.enum(["entry", "mid", "top"]).default("top"),
  /** Headroom on activity-based FTE for leave (0.22 = 22%). */
  headroom: z.number().min(0).max(2).default(0),
  productiveHoursPerFte: z.number().positive().default(AFC_ANNUAL_HOURS),
  /** Premium of bank and agency over substantive cost (0.5 = 50% dearer). */
  bankPremium: z.number().min(0).default(0),
  agencyPremium: z.number().min(0).default(0),
  /** Share of required FTE that may go unstaffed before the capacity check fails. */
  capacityTolerance: fraction.default(0),
  /** Pay cost may exceed budget by this share before the finance check fails. */
  budgetTolerance: fraction.default(0),
  /** The establishment's cost may differ from the budget by this share, either way, before the establishment check fails. */
  establishmentTolerance: fraction.default(0),
  /** Which plan years are given month by month: the first (the operational plan's year), or every one. */
  monthsFor: z.enum(["first", "every"]).default("first"),
  /** The year before's agency and bank spend, in pounds, where the planner gives it; absent, the bank and agency table's spend. */
  agencySpendBefore: z.number().min(0).optional(),
  bankSpendBefore: z.number().min(0).optional(),
  /** The cut on the year before's spend the plan year is held to; absent, the national expectation for the first plan year. */
  agencySpendCut: fraction.optional(),
  bankSpendCut: fraction.optional(),
  /** How far the actuals may be from the plan, as a share of the plan, and still be green (amber within twice it): the planner's, 2% unless set. */
  actualsTolerance: z.number().min(0).max(0.5).default(0.02),
});

/**
 * A collaborative staff bank shared by the trusts of a system: `share` of the
 * agency cover each year (by year, as other drivers) filled by the bank at the
 * group's bank rate plus `fee` (its management fee, a share of the bank's pay
 * bill), up to `capFte` bank FTE a staff group can supply (by group name).
 */
export const collaborativeBankSchema = z.object({
  share: driverSchema,
  fee: z.number().min(0).max(1).default(0),
  capFte: z.record(z.string(), fte).default({}),
});

export const driversSchema = z.object({
  /** Growth, the pay award, productivity, vacancy fill, agency given up, retention: as the drivers table says. */
  ...driverFields("drivers"),
  /** When each flow falls across a year's months, and from which month the pay award is paid. */
  ...profileFields("drivers"),
  ...monthFields,
  skillMix: z.array(skillMixTargetSchema).default([]),
  skillShift: z.array(skillShiftSchema).default([]),
  newRoles: z.array(newRoleSchema).default([]),
  collaborativeBank: collaborativeBankSchema.optional(),
});

export const scenarioSchema = z
  .object({
    // Short enough for a cell of the store and a line of the Board paper; a sheet's name takes its first 27 characters.
    name: name.max(255, "a scenario's name has at most 255 characters"),
    startYear: year,
    horizonYears: z.number().int().min(1).max(10),
    options: scenarioOptionsSchema.default(scenarioOptionsSchema.parse({})),
    inputs: z.record(z.string(), z.number().finite()).default({}),
    staffGroups: z.array(staffGroupSchema).min(1),
    serviceLines: z.array(serviceLineSchema).default([]),
    payBudget: z.array(budgetLineSchema).default([]),
    /** The year before the plan's bank and agency spend by staff group, from the linked bank and agency table: what the temporary staffing rules cut. */
    spendBefore: z.array(z.object({ staffGroup: name, bankSpend: fte, agencySpend: fte })).optional(),
    /** The first plan year's actuals by month (1 April ... 12 March) and staff group, from the linked actuals table; pay spend where it gives it. */
    actuals: z
      .array(
        z.object({
          month: z.number().int().min(1).max(12),
          staffGroup: name,
          substantiveFte: fte,
          bankFte: fte,
          agencyFte: fte,
          paySpend: fte.optional(),
        }),
      )
      .optional(),
    /** A pay table from the workbook; its name says where it came from. */
    payTable: z.object({ name: z.string(), rows: z.array(payTableRowSchema) }).optional(),
    drivers: driversSchema.default(driversSchema.parse({})),
  })
  .superRefine((scenario, ctx) => {
    const groups = new Set<string>();
    scenario.staffGroups.forEach((group, i) => {
      if (groups.has(group.name))
        ctx.addIssue({ code: "custom", path: ["staffGroups", i, "name"], message: `staff group "${group.name}" appears twice` });
      groups.add(group.name);
    });
    const known = [...groups].join(", ");
    const check = (groupName: string, path: (string | number)[]) => {
      if (!groups.has(groupName))
        ctx.addIssue({ code: "custom", path, message: `staff group "${groupName}" is not in staffGroups (${known})` });
    };
    scenario.serviceLines.forEach((line, i) =>
      line.staffing.forEach((s, j) => check(s.staffGroup, ["serviceLines", i, "staffing", j, "staffGroup"])),
    );
    scenario.payBudget.forEach((line, i) => check(line.staffGroup, ["payBudget", i, "staffGroup"]));
    scenario.drivers.skillMix.forEach((mix, i) => check(mix.staffGroup, ["drivers", "skillMix", i, "staffGroup"]));
    scenario.drivers.skillShift.forEach((shift, i) => check(shift.staffGroup, ["drivers", "skillShift", i, "staffGroup"]));
    scenario.drivers.newRoles.forEach((role, i) => check(role.staffGroup, ["drivers", "newRoles", i, "staffGroup"]));
    for (const group of Object.keys(scenario.drivers.collaborativeBank?.capFte ?? {}))
      check(group, ["drivers", "collaborativeBank", "capFte", group]);
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`), "scenario");
}

/** Validates a scenario, failing with every problem and where it is (scenario.staffGroups[2].grades[0].inPostFte: ...). */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${pathText(issue.path)}: ${issue.message}`);
  return fail("value", `the scenario is not valid: ${problems.join("; ")}`, "scenario");
}
