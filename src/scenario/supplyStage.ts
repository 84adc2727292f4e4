import { phaseYear, type MonthRow, type Phasing } from "../months/phase.ts";
import type { FinancialYear } from "../reference/index.ts";
import { bankCover } from "../system/bankCover.ts";
import { driverValue } from "./drivers.ts";
import { checkFraction } from "./factors.ts";
import { gradeMixByYear } from "./gradeMix.ts";
import type { GradeLine, Post, PostCosts } from "./postCosts.ts";
import type { ScenarioRow } from "./run.ts";
import type { Scenario } from "./schema.ts";

/*
 * The supply stage of a scenario's run, one staff group at a time: year by
 * year, the substantive staff in post (leavers, retirements and joiners, new
 * roles, vacancies filled), the gap to what the activity needs and how much
 * of it bank then agency cover (a collaborative bank taking its share of the
 * agency), what each costs at the group's grade mix, the establishment's
 * cost and the budget.
 */

export interface RunContext {
  scenario: Scenario;
  years: readonly FinancialYear[];
  /** The pay award's factor for each plan year as paid in it (from the award's month). */
  payFactors: readonly number[];
  /** The pay in force in each month of each plan year, relative to one another. */
  payByMonth: readonly (readonly number[])[];
  /** The share of agency capacity kept in each plan year, after agency given up. */
  agencyKept: readonly number[];
  /** FTE the activity needs, by staff group and plan year (0-based). */
  required: ReadonlyMap<string, number[]>;
  /** FTE the activity needs by staff group, plan year (0-based) and month. */
  requiredByMonth: ReadonlyMap<string, (readonly number[])[]>;
  posts: Map<string, Post>;
  costs: PostCosts;
}

/** A staff group's rows, one a plan year, and the months of the years given by month. */
export function groupRows(
  context: RunContext,
  group: Scenario["staffGroups"][number],
  groupIndex: number,
): { rows: ScenarioRow[]; months: MonthRow[] } {
  const { scenario, years, payFactors, agencyKept, required, posts, costs } = context;
  const { horizonYears: horizon, inputs, drivers, options } = scenario;
  const wteCost = (postKey: string, y: number) => costs.wte(postKey, y);
  const lineWteCost = (line: GradeLine | undefined, postKey: string, index: number, y: number) => costs.line(line, postKey, index, y);
  const rows: ScenarioRow[] = [];
  const months: MonthRow[] = [];
  const phasing: Phasing = {
    starters: group.startersPhasing ?? drivers.startersPhasing,
    international: group.recruitsPhasing ?? drivers.recruitsPhasing,
    conversions: drivers.conversionsPhasing,
    leavers: drivers.leaversPhasing,
    agency: drivers.agencyPhasing,
    bank: drivers.bankPhasing,
  };
  let bankShareBefore = 0;
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
    const establishmentOpening = establishment;
    establishment += newRoles;
    const retention = checkFraction(driverValue(drivers.retention, year, inputs, "drivers.retention"), "drivers.retention", year);
    const leaverRate =
      checkFraction(driverValue(group.leaverRate, year, inputs, field("leaverRate")), field("leaverRate"), year) * (1 - retention);
    const [starters, international, conversions] = (["starters", "internationalRecruits", "bankConversions"] as const).map((key) =>
      driverValue(group[key], year, inputs, field(key)),
    ) as [number, number, number];
    const joiners = starters + international + conversions;
    const retirements = driverValue(group.retirements, year, inputs, field("retirements"));
    const opening = supply;
    let end = supply * (1 - leaverRate) - retirements + joiners + newRoles;
    const fill = checkFraction(driverValue(drivers.vacancyFill, year, inputs, "drivers.vacancyFill"), "drivers.vacancyFill", year);
    const vacancyFilled = fill * Math.max(0, establishment - end);
    end += vacancyFilled;
    supply = Math.max(0, end);
    // Where the stock stops at none, fewer leave than were due: the year's outflows are those who could.
    const due = opening * leaverRate + retirements;
    const went = end < 0 && due > 0 ? (due + end) / due : 1;

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
    const bankShare = collaborative
      ? checkFraction(
          driverValue(collaborative.share, year, inputs, "drivers.collaborativeBank.share"),
          "drivers.collaborativeBank.share",
          year,
        )
      : 0;
    const bankCap = collaborative?.capFte[group.name] ?? Infinity;
    const cover = bankCover(collaborative ? Math.min(agencyCover * bankShare, bankCap) : 0, agencyRate, bankRate, collaborative?.fee ?? 0);
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

    const row: ScenarioRow = {
      year: years[y]!,
      yearIndex: year,
      staffGroup: group.name,
      openingFte: opening,
      startersFte: starters,
      internationalFte: international,
      conversionsFte: conversions,
      newRoleFte: newRoles,
      vacancyFilledFte: vacancyFilled,
      leaversFte: opening * leaverRate * went,
      retirementsFte: retirements * went,
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
    };
    rows.push(row);
    if (y === 0 || options.monthsFor === "every")
      months.push(
        ...phaseYear(
          {
            year: row.year,
            yearIndex: year,
            staffGroup: group.name,
            openingFte: opening,
            closingFte: supply,
            establishmentOpening,
            establishmentClosing: establishment,
            flows: {
              starters,
              international,
              conversions,
              newRoles,
              vacancyFilled,
              leavers: row.leaversFte,
              retirements: row.retirementsFte,
            },
            requiredByMonth: context.requiredByMonth.get(group.name)![y]!,
            bankCapacity,
            agencyCapacity,
            agencyKept: [y === 0 ? 1 : agencyKept[y - 1]!, agencyKept[y]!],
            bankShare: [bankShareBefore, bankShare],
            bankCap,
            payByMonth: context.payByMonth[y]!,
            costs: { substantive: substantiveCost, bank: bankCost, agency: agencyCost, collaborativeBank: cover.bankCost, budget },
          },
          phasing,
        ),
      );
    bankShareBefore = bankShare;
  }
  return { rows, months };
}
