import { fail } from "../errors.ts";
import { loadPayTable, nextYear, parsePostGrade, payScale, type FinancialYear, type Grade, type PayTable } from "../reference/index.ts";
import { postCost } from "../workforce/cost.ts";
import { parseArea } from "../workforce/highCostArea.ts";
import { parsePayPoint } from "../workforce/pay.ts";
import { activityFte } from "../workforce/demand.ts";
import { bankCover } from "../system/bankCover.ts";
import { driverValue, type Driver } from "./drivers.ts";
import { parseScenario, type Scenario } from "./schema.ts";

/** One staff group in one plan year. FTE are year-end (31 March) positions; money is pounds a year. */
export interface ScenarioRow {
  year: FinancialYear;
  /** 1 for the first plan year. */
  yearIndex: number;
  staffGroup: string;
  /** FTE the activity plan needs, after productivity and headroom. */
  requiredFte: number;
  establishmentFte: number;
  /** Substantive staff in post at year end. */
  supplyFte: number;
  /** requiredFte - supplyFte: positive is a shortfall. */
  gapFte: number;
  bankFte: number;
  agencyFte: number;
  /** Shortfall left after bank and agency cover. */
  unmetFte: number;
  substantiveCost: number;
  bankCost: number;
  agencyCost: number;
  /** Agency cover filled by a collaborative bank instead (drivers.collaborativeBank), and what it costs there. */
  collaborativeBankFte: number;
  collaborativeBankCost: number;
  /** The agency spend the collaborative bank's FTE would have cost: the saving is this less collaborativeBankCost. */
  agencyCostAvoided: number;
  /** What the workforce in post and its bank and agency cover cost: substantive + bank + agency + collaborative bank. */
  totalCost: number;
  /** The unmet FTE costed at the group's substantive rate, as if recruited. */
  unmetCost: number;
  /** What the workforce the activity needs would cost: totalCost + unmetCost (a surplus in post is still paid). */
  neededCost: number;
  /** The funded establishment costed at substantive rates, each grade at its own: what the budget should fund. */
  establishmentCost: number;
  budget: number;
  /** Whether the finance plan gives this staff group a budget at all. */
  budgeted: boolean;
  /** budget - totalCost: negative is an overspend. */
  variance: number;
}

/** What each service line asks of each staff group in each year. */
export interface ServiceLineDemand {
  year: FinancialYear;
  serviceLine: string;
  staffGroup: string;
  activity: number;
  requiredFte: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  years: FinancialYear[];
  rows: ScenarioRow[];
  demand: ServiceLineDemand[];
}

/** Running product of (1 + driver) from year 2 onwards: year 1 is the baseline. */
function cumulativeFactors(driver: Driver | undefined, years: number, inputs: Record<string, number>, field: string): number[] {
  const factors = [1];
  for (let year = 2; year <= years; year++) {
    const change = driverValue(driver, year, inputs, field);
    if (change <= -1)
      fail("num", `${field} in year ${year} is ${change}: a fall of 100% or more leaves nothing (-0.05 is a 5% fall)`, field);
    const factor = factors[year - 2]! * (1 + change);
    if (!Number.isFinite(factor) || factor > 1e6) {
      fail("num", `${field} grows a million-fold by year ${year}: write growth as a fraction (0.03 is 3% a year)`, field);
    }
    factors.push(factor);
  }
  return factors;
}

function checkFraction(value: number, field: string, year: number): number {
  if (value < 0 || value > 1) fail("num", `${field} in year ${year} is ${value}: it must be a fraction from 0 to 1`, field);
  return value;
}

/** A line's grade and, for a training grade, its nodal point, by the line's key ("ST4", "Consultant", "5"). */
interface Post {
  grade: Grade;
  nodalPoint?: number;
}

/** Grade shares of a staff group's baseline: by FTE in post, or by establishment when no one is in post. */
function baselineMix(grades: Scenario["staffGroups"][number]["grades"]): Map<string, number> {
  const inPost = grades.reduce((sum, g) => sum + g.inPostFte, 0);
  const establishment = grades.reduce((sum, g) => sum + g.establishmentFte, 0);
  const weightOf = (g: (typeof grades)[number]) =>
    inPost > 0 ? g.inPostFte / inPost : establishment > 0 ? g.establishmentFte / establishment : 1 / grades.length;
  const mix = new Map<string, number>();
  for (const line of grades) mix.set(line.key, (mix.get(line.key) ?? 0) + weightOf(line));
  return mix;
}

/**
 * A skill-mix target from an upskilling shift: the baseline mix with `share`
 * of the from-grade's posts moved to the to-grade (70:30 to 60:40 moves a
 * seventh of the registered posts). Undefined when the group has no shift.
 */
function shiftTarget(
  scenario: Scenario,
  groupName: string,
  baseline: Map<string, number>,
  posts: Map<string, Post>,
): { shares: Record<string, number>; byYear: number } | undefined {
  const shifts = scenario.drivers.skillShift.filter((s) => s.staffGroup === groupName);
  if (!shifts.length) return undefined;
  const shares = new Map(baseline);
  for (const shift of shifts) {
    const from = parsePostGrade(shift.from, "upskilling from grade");
    const to = parsePostGrade(shift.to, "upskilling to grade");
    const fromKey = from.trainingGrade ?? from.grade;
    const toKey = to.trainingGrade ?? to.grade;
    if (!shares.has(fromKey))
      fail(
        "value",
        `upskilling in ${groupName} moves posts from ${shift.from}, which the group has none of (it has ${[...baseline.keys()].join(", ")})`,
        "drivers.skillShift",
      );
    posts.set(toKey, { grade: to.grade, nodalPoint: to.nodalPoint });
    const moved = shift.share * shares.get(fromKey)!;
    shares.set(fromKey, shares.get(fromKey)! - moved);
    shares.set(toKey, (shares.get(toKey) ?? 0) + moved);
  }
  // Grades by their own names, as a skill-mix target gives them.
  const named: Record<string, number> = {};
  for (const [key, share] of shares) named[key] = share;
  return { shares: named, byYear: Math.max(...shifts.map((s) => s.byYear)) };
}

/** Grade shares in each year, moving in equal steps from the baseline mix to any target, reached in `byYear`. */
function gradeMixByYear(scenario: Scenario, groupIndex: number, posts: Map<string, Post>): Map<string, number>[] {
  const group = scenario.staffGroups[groupIndex]!;
  const baseline = baselineMix(group.grades);
  const target =
    scenario.drivers.skillMix.find((mix) => mix.staffGroup === group.name) ?? shiftTarget(scenario, group.name, baseline, posts);
  if (!target) return Array.from({ length: scenario.horizonYears }, () => baseline);
  const targetShares = new Map<string, number>();
  for (const [text, share] of Object.entries(target.shares)) {
    const post = parsePostGrade(text, "skill mix grade");
    const key = post.trainingGrade ?? post.grade;
    posts.set(key, { grade: post.grade, nodalPoint: post.nodalPoint });
    targetShares.set(key, share);
  }
  const total = [...targetShares.values()].reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-6) fail("value", `skill mix target for ${group.name} adds up to ${total}, not 1`, "drivers.skillMix");
  return Array.from({ length: scenario.horizonYears }, (_, i) => {
    const progress = Math.min(1, i / Math.max(1, target.byYear - 1));
    const mix = new Map<string, number>();
    for (const grade of new Set([...baseline.keys(), ...targetShares.keys()])) {
      const from = baseline.get(grade) ?? 0;
      mix.set(grade, from + ((targetShares.get(grade) ?? 0) - from) * progress);
    }
    return mix;
  });
}

/**
 * Runs a scenario over its horizon: for each year and staff group, the FTE the
 * activity needs, the substantive supply (stocks and flows), the gap and how
 * much of it bank then agency cover, what that costs, and the budget variance.
 * Pure and deterministic: the same input always gives the same result.
 */
export function runScenario(input: unknown): ScenarioResult {
  const scenario = parseScenario(input);
  const { horizonYears: horizon, inputs, drivers, options } = scenario;
  const years = Array.from({ length: horizon }, (_, i) => nextYear(scenario.startYear, i));

  const payFactors = cumulativeFactors(drivers.payAward, horizon, inputs, "drivers.payAward");
  const productivity = cumulativeFactors(drivers.productivityChange, horizon, inputs, "drivers.productivityChange");
  const agencyKept = [1];
  for (let year = 2; year <= horizon; year++) {
    const reduction = checkFraction(
      driverValue(drivers.agencyReduction, year, inputs, "drivers.agencyReduction"),
      "drivers.agencyReduction",
      year,
    );
    agencyKept.push(agencyKept[year - 2]! * (1 - reduction));
  }

  // Demand by service line and staff group.
  const demand: ServiceLineDemand[] = [];
  const required = new Map<string, number[]>(scenario.staffGroups.map((g) => [g.name, new Array<number>(horizon).fill(0)]));
  for (const line of scenario.serviceLines) {
    const growth = cumulativeFactors(line.growth ?? drivers.activityGrowth, horizon, inputs, `serviceLines "${line.name}" growth`);
    // A line's own productivity change replaces the scenario's for it.
    const lineProductivity =
      line.productivity === undefined
        ? productivity
        : cumulativeFactors(line.productivity, horizon, inputs, `serviceLines "${line.name}" productivity`);
    for (let y = 0; y < horizon; y++) {
      const activity = line.activity * growth[y]!;
      for (const staffing of line.staffing) {
        const fte = activityFte(activity, staffing.minutesPerUnit, options.productiveHoursPerFte, options.headroom) / lineProductivity[y]!;
        required.get(staffing.staffGroup)![y]! += fte;
        demand.push({ year: years[y]!, serviceLine: line.name, staffGroup: staffing.staffGroup, activity, requiredFte: fte });
      }
    }
  }

  // Cost of one WTE of a grade in a year, computed once per grade and year.
  const payTable = scenario.payTable ? loadPayTable(scenario.payTable.rows.map(payTableRowInput), scenario.payTable.name) : undefined;
  const posts = new Map<string, Post>();
  for (const group of scenario.staffGroups) for (const line of group.grades) posts.set(line.key, line);
  for (const role of drivers.newRoles) {
    posts.set(role.key, role);
    if (role.replaces && !posts.has(role.replaces.key)) posts.set(role.replaces.key, role.replaces);
  }
  payScaleHeldForStart(scenario, posts, payTable);
  const costPerWte = new Map<string, number>();
  const wteCost = (postKey: string, y: number) => {
    const key = `${postKey}|${y}`;
    let cost = costPerWte.get(key);
    if (cost === undefined) {
      const post = posts.get(postKey)!;
      cost = postCost(post.grade, 1, {
        year: scenario.startYear,
        point: post.nodalPoint ?? options.payPoint,
        payTable,
        area: options.area,
        pensionBasis: options.pensionBasis,
        payFactor: payFactors[y]!,
      }).total;
      costPerWte.set(key, cost);
    }
    return cost;
  };

  // A baseline line that knows who is in post costs each kind of post at its own FTE, point and area,
  // with NI per person, and the FTE-weighted mean is the line's cost per WTE; other lines cost one WTE at the scenario's point and area.
  const inPostCost = new Map<string, number>();
  const lineWteCost = (
    line: Scenario["staffGroups"][number]["grades"][number] | undefined,
    postKey: string,
    groupIndex: number,
    y: number,
  ) => {
    if (!line?.posts?.length) return wteCost(postKey, y);
    const key = `${groupIndex}|${postKey}|${y}`;
    let cost = inPostCost.get(key);
    if (cost === undefined) {
      const post = posts.get(postKey)!;
      let total = 0;
      let fte = 0;
      for (const kind of line.posts) {
        const point = kind.point === undefined ? undefined : parsePayPoint(kind.point, "pay point");
        total +=
          kind.count *
          postCost(post.grade, kind.fte, {
            year: scenario.startYear,
            // A training grade's nodal point; else the row's point (checked against the grade when the baseline was read).
            point: post.nodalPoint ?? point ?? options.payPoint,
            payTable,
            area: kind.area === undefined ? options.area : parseArea(kind.area),
            pensionBasis: options.pensionBasis,
            payFactor: payFactors[y]!,
          }).total;
        fte += kind.count * kind.fte;
      }
      cost = fte > 0 ? total / fte : wteCost(postKey, y);
      inPostCost.set(key, cost);
    }
    return cost;
  };

  const rows: ScenarioRow[] = [];
  scenario.staffGroups.forEach((group, groupIndex) => {
    const lineOf = (postKey: string) => group.grades.find((g) => g.key === postKey && g.posts?.length);
    const mixes = gradeMixByYear(scenario, groupIndex, posts);
    const budgetLines = scenario.payBudget.filter((line) => line.staffGroup === group.name);
    let establishment = group.grades.reduce((sum, g) => sum + g.establishmentFte, 0);
    let supply = group.grades.reduce((sum, g) => sum + g.inPostFte, 0);
    const bankCapacity = group.grades.reduce((sum, g) => sum + g.bankFte, 0);
    const agencyCapacity = group.grades.reduce((sum, g) => sum + g.agencyFte, 0);
    const field = (name: string) => `staffGroups "${group.name}" ${name}`;
    const newRoleFte = new Map<string, number>();
    // New roles that take over posts of another grade: FTE for FTE, so no more posts, but each at its own cost.
    const takenOver: { own: string; replaced: string; fte: number }[] = [];

    for (let y = 0; y < horizon; y++) {
      const year = y + 1;
      let newRoles = 0;
      for (const role of drivers.newRoles) {
        if (role.staffGroup !== group.name || role.fromYear !== year) continue;
        if (role.replaces) {
          takenOver.push({ own: role.key, replaced: role.replaces.key, fte: role.fte });
          continue;
        }
        newRoles += role.fte;
        newRoleFte.set(role.key, (newRoleFte.get(role.key) ?? 0) + role.fte);
      }
      establishment += newRoles;
      const retention = checkFraction(driverValue(drivers.retention, year, inputs, "drivers.retention"), "drivers.retention", year);
      const leaverRate =
        checkFraction(driverValue(group.leaverRate, year, inputs, field("leaverRate")), field("leaverRate"), year) * (1 - retention);
      const joiners = (["starters", "internationalRecruits", "bankConversions"] as const).reduce(
        (sum, key) => sum + driverValue(group[key], year, inputs, field(key)),
        0,
      );
      let end = supply * (1 - leaverRate) - driverValue(group.retirements, year, inputs, field("retirements")) + joiners + newRoles;
      const fill = checkFraction(driverValue(drivers.vacancyFill, year, inputs, "drivers.vacancyFill"), "drivers.vacancyFill", year);
      end += fill * Math.max(0, establishment - end);
      supply = Math.max(0, end);

      const requiredFte = required.get(group.name)![y]!;
      const gapFte = requiredFte - supply;
      const shortfall = Math.max(0, gapFte);
      const bankFte = Math.min(shortfall, bankCapacity);
      const agencyCover = Math.min(shortfall - bankFte, agencyCapacity * agencyKept[y]!);
      const unmetFte = shortfall - bankFte - agencyCover;

      let averageWteCost = 0;
      for (const [grade, share] of mixes[y]!) if (share > 0) averageWteCost += share * lineWteCost(lineOf(grade), grade, groupIndex, y);
      // New roles are costed at their own grade; everyone else at the group's mix.
      let newRoleCost = 0;
      let newRoleTotal = 0;
      for (const [grade, roleFte] of newRoleFte) {
        newRoleCost += roleFte * wteCost(grade, y);
        newRoleTotal += roleFte;
      }
      const scale = newRoleTotal > supply ? supply / newRoleTotal : 1;
      // Posts taken over by a new role cost the role's pay, not the pay of the grade they were (never more FTE than are in post).
      let takeOver = 0;
      const taken = takenOver.reduce((sum, t) => sum + t.fte, 0);
      const takenScale = taken > supply ? supply / taken : 1;
      for (const t of takenOver)
        takeOver += t.fte * takenScale * (wteCost(t.own, y) - lineWteCost(lineOf(t.replaced), t.replaced, groupIndex, y));
      const substantiveCost = (supply - newRoleTotal * scale) * averageWteCost + newRoleCost * scale + takeOver;
      // A staff group's own premiums (agency doctors and nurses cost differently) replace the scenario's.
      const bankRate = averageWteCost * (1 + (group.bankPremium ?? options.bankPremium));
      const agencyRate = averageWteCost * (1 + (group.agencyPremium ?? options.agencyPremium));
      // A collaborative bank fills a share of the agency cover, up to what it can supply of this group.
      const collaborative = drivers.collaborativeBank;
      const cover = bankCover(
        collaborative
          ? Math.min(
              agencyCover *
                checkFraction(
                  driverValue(collaborative.share, year, inputs, "drivers.collaborativeBank.share"),
                  "drivers.collaborativeBank.share",
                  year,
                ),
              collaborative.capFte[group.name] ?? Infinity,
            )
          : 0,
        agencyRate,
        bankRate,
        collaborative?.fee ?? 0,
      );
      const agencyFte = agencyCover - cover.movedFte;
      const bankCost = bankFte * bankRate;
      const agencyCost = agencyFte * agencyRate;
      const totalCost = substantiveCost + bankCost + agencyCost + cover.bankCost;
      const unmetCost = unmetFte * averageWteCost;
      // The establishment at its own grades (the posts in post at their points and areas), new roles at theirs.
      let establishmentCost = 0;
      for (const line of group.grades)
        if (line.establishmentFte > 0) establishmentCost += line.establishmentFte * lineWteCost(lineOf(line.key), line.key, groupIndex, y);
      for (const [grade, roleFte] of newRoleFte) establishmentCost += roleFte * wteCost(grade, y);
      for (const t of takenOver)
        establishmentCost += t.fte * (wteCost(t.own, y) - lineWteCost(lineOf(t.replaced), t.replaced, groupIndex, y));
      const budget = budgetLines.reduce((sum, line) => sum + (line.byYear?.[y] ?? line.amount * payFactors[y]!), 0);

      rows.push({
        year: years[y]!,
        yearIndex: year,
        staffGroup: group.name,
        requiredFte,
        establishmentFte: establishment,
        supplyFte: supply,
        gapFte,
        bankFte,
        agencyFte,
        unmetFte,
        substantiveCost,
        bankCost,
        agencyCost,
        collaborativeBankFte: cover.movedFte,
        collaborativeBankCost: cover.bankCost,
        agencyCostAvoided: cover.agencyCostAvoided,
        totalCost,
        unmetCost,
        neededCost: totalCost + unmetCost,
        establishmentCost,
        budget,
        budgeted: budgetLines.length > 0,
        variance: budget - totalCost,
      });
    }
  });
  for (const row of rows) {
    for (const [field, value] of Object.entries(row)) {
      if (typeof value === "number" && !Number.isFinite(value)) {
        fail("num", `${row.year} ${row.staffGroup}: ${field} is ${value}, not a number a cell can hold: check the drivers`, field);
      }
    }
  }
  return { scenario, years, rows, demand };
}

/** Every grade's pay for the first year, before anything is costed: one error lists each grade not held. */
function payScaleHeldForStart(scenario: Scenario, posts: Map<string, Post>, payTable: PayTable | undefined): void {
  const problems: string[] = [];
  for (const grade of new Set([...posts.values()].map((post) => post.grade))) {
    try {
      payScale(grade, scenario.startYear, payTable);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) {
    fail(
      "value",
      `${problems.join("; ")}. Start the scenario in a year held for every grade, or link a pay table with rows for ${scenario.startYear}`,
      "startYear",
    );
  }
}

function payTableRowInput(row: NonNullable<Scenario["payTable"]>["rows"][number], index: number) {
  return { ...row, point: row.point, place: row.place ?? `pay table row ${index + 1}` };
}
