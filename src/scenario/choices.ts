import type { DriverOf, GroupDriver } from "./driverTable.ts";

/*
 * What the planner chose in the pane, as the model takes it: the name and
 * years, every scenario-wide driver of the drivers table by its key, and the
 * rows (new roles, upskilling, drivers by service line and by staff group).
 */

/** A driver as the pane gives it: a fraction, fractions by year (the last repeats), or an expression over `inputs`. */
export type ChoiceDriver = number | string | number[];

/** A scenario-wide driver's value as the pane gives it: a percentage once is a number, a choice one of its values. */
type ChoiceOf<D> = D extends { typed: "choice"; choices: readonly { value: infer V }[] }
  ? V
  : D extends { typed: "percent" | "month" | "pounds" | "cut" }
    ? number
    : D extends { typed: "profile" }
      ? number[]
      : ChoiceDriver;

/**
 * What the planner chose: the name and years, every scenario-wide driver of
 * the drivers table by its key (fractions: 0.03 is 3% a year), and the rows.
 */
export type ScenarioChoices = {
  name: string;
  startYear: string;
  horizonYears: number;
  /** A collaborative staff bank filling a share of agency cover each year, at bank rates plus its management fee. */
  collaborativeBank?: { share: ChoiceDriver; fee?: number; capFte?: Record<string, number> };
  /** New roles: posts of a grade added to a staff group from a plan year. */
  newRoles?: { staffGroup: string; grade: string; fte: number; fromYear: number; replaces?: string }[];
  /** Upskilling: a share of a group's posts at one band moved to another by a plan year. */
  skillShift?: { staffGroup: string; from: string; to: string; share: number; byYear: number }[];
  /** Activity growth or productivity change for one service line, each replacing the scenario's. */
  lineDrivers?: { serviceLine: string; growth?: ChoiceDriver; productivity?: ChoiceDriver }[];
  /** A staff group's leaver rate (a fraction), retirements, starters, international recruits or bank conversions (FTE a year), or its bank or agency premium (a fraction). */
  groupDrivers?: { staffGroup: string; driver: GroupDriver; value: ChoiceDriver }[];
  /** Named inputs the expressions use: the workbook's named cells. */
  inputs?: Record<string, number>;
} & { [D in DriverOf<"drivers" | "options"> as D["key"]]?: ChoiceOf<D> };
