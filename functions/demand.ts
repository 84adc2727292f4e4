/*
 * Demand and WISN: headroom, FTE from activity, and the WHO workload indicators of staffing need.
 * Each function is a thin wrapper: read the arguments, call the planning
 * model in src/, return cells. Its JSDoc is its metadata (functions.json and
 * docs/reference/functions.md are generated from it); names and argument order
 * are a contract with every workbook that uses them: never reorder or rename.
 */
import {
  activityFte,
  fail,
  headroom,
  parseUpliftMethod,
  wisnRatio,
  wisnRequiredStaff,
  availableWorkingTime,
  AFC_ANNUAL_HOURS,
} from "../src/calculations.ts";
import { elementwise, single } from "./broadcast.ts";
import { asMatrix, cellsOf, isBlank } from "./cells.ts";
import { ELEMENTWISE, ONE_VALUE, type CatalogueEntry } from "./shape.ts";
import { toNumber } from "./coerce.ts";
import { numbersOf, optional, singleValue } from "./arguments.ts";

/**
 * Headroom (uplift) from leave percentages, as a fraction.
 * @customfunction UPLIFT
 * @helpurl https://localhost:3000/help.html#UPLIFT
 * @param percentages Leave as fractions of time (0.15 for 15%): annual leave, sickness, study, parental, other. Blanks are skipped.
 * @param [method] "additive" (the sum, the default) or "compound" (1 / (1 - sum) - 1).
 * @returns Headroom as a fraction: 0.22 for 22%.
 */
export function uplift(percentages: any[][], method?: any[][]): any[][] {
  return single(() => headroom(numbersOf(percentages, "percentages"), parseUpliftMethod(singleValue(method, "method"))));
}

/**
 * FTE needed to deliver an activity: activity x minutes / 60 / productive hours per FTE x (1 + uplift).
 * @customfunction ACTIVITY_FTE
 * @helpurl https://localhost:3000/help.html#ACTIVITY_FTE
 * @param activity Units of activity a year (appointments, bed days, sessions).
 * @param minutes_per_unit Staff minutes one unit takes.
 * @param [productive_hours_per_fte_year] Hours one FTE works in a year (default 1,955.36 = 37.5 x 52.143).
 * @param [uplift] Headroom as a fraction (default 0).
 * @returns FTE required.
 */
export function activity_fte(
  activity: any[][],
  minutes_per_unit: any[][],
  productive_hours_per_fte_year?: any[][],
  uplift?: any[][],
): any[][] {
  return elementwise(
    [
      { name: "activity", value: activity },
      { name: "minutes_per_unit", value: minutes_per_unit },
      { name: "productive_hours_per_fte_year", value: productive_hours_per_fte_year, ...optional(AFC_ANNUAL_HOURS) },
      { name: "uplift", value: uplift, ...optional(0) },
    ],
    activityFte,
  );
}

/**
 * WHO WISN available working time: (working days - public holidays - annual, sick and other leave) x hours a day.
 * @customfunction WISN_AWT
 * @helpurl https://localhost:3000/help.html#WISN_AWT
 * @param working_days Working days in the year.
 * @param public_holidays Public holidays falling on working days.
 * @param annual_leave Days of annual leave.
 * @param sick_leave Days of sick leave.
 * @param other_leave Days of other leave (training, special leave).
 * @param hours_per_day Working hours in a day.
 * @returns Available working time in hours a year.
 */
export function wisn_awt(
  working_days: any[][],
  public_holidays: any[][],
  annual_leave: any[][],
  sick_leave: any[][],
  other_leave: any[][],
  hours_per_day: any[][],
): any[][] {
  return elementwise(
    [
      { name: "working_days", value: working_days },
      { name: "public_holidays", value: public_holidays },
      { name: "annual_leave", value: annual_leave },
      { name: "sick_leave", value: sick_leave },
      { name: "other_leave", value: other_leave },
      { name: "hours_per_day", value: hours_per_day },
    ],
    (workingDays, publicHolidays, annualLeave, sickLeave, otherLeave, hoursPerDay) =>
      availableWorkingTime({ workingDays, publicHolidays, annualLeave, sickLeave, otherLeave, hoursPerDay }),
  );
}

/**
 * WHO WISN required staff: sum of (annual workload / standard workload) x CAF + IAF.
 * @customfunction WISN
 * @helpurl https://localhost:3000/help.html#WISN
 * @param workloads Annual workload of each health-service activity (a range).
 * @param unit_minutes Minutes one unit of each activity takes (a range of the same size, or one value for all).
 * @param awt_hours Available working time in hours a year (see WFP.WISN_AWT).
 * @param [cas_percent] Category allowance: % of working time all staff spend on support activities (default 0).
 * @param [ias_hours] Individual allowance: hours a year that only some staff spend on additional activities (default 0).
 * @returns Staff required.
 */
export function wisn(workloads: any[][], unit_minutes: any[][], awt_hours: any[][], cas_percent?: any[][], ias_hours?: any[][]): any[][] {
  return single(() => {
    const loads = cellsOf(asMatrix(workloads));
    const minutes = cellsOf(asMatrix(unit_minutes));
    if (minutes.length !== 1 && minutes.length !== loads.length) {
      fail(
        "value",
        `unit_minutes has ${minutes.length} values but workloads has ${loads.length}: give one unit time per workload, or one for all`,
        "unit_minutes",
      );
    }
    const activities = loads.flatMap((load, i) => {
      const unit = minutes.length === 1 ? minutes[0] : minutes[i];
      if (isBlank(load) && isBlank(unit)) return [];
      return [{ annualWorkload: toNumber(load, `workloads item ${i + 1}`), unitMinutes: toNumber(unit, `unit_minutes item ${i + 1}`) }];
    });
    const awt = toNumber(singleValue(awt_hours, "awt_hours"), "awt_hours");
    const cas = singleValue(cas_percent, "cas_percent");
    const ias = singleValue(ias_hours, "ias_hours");
    return wisnRequiredStaff(
      activities,
      awt,
      cas === undefined ? 0 : toNumber(cas, "cas_percent"),
      ias === undefined ? 0 : toNumber(ias, "ias_hours"),
    ).required;
  });
}

/**
 * WHO WISN ratio: actual staff / required staff (1 is balanced, below 1 a shortage).
 * @customfunction WISN_RATIO
 * @helpurl https://localhost:3000/help.html#WISN_RATIO
 * @param actual_staff Staff in post.
 * @param required_staff Staff required (see WFP.WISN).
 * @returns WISN ratio.
 */
export function wisn_ratio(actual_staff: any[][], required_staff: any[][]): any[][] {
  return elementwise(
    [
      { name: "actual_staff", value: actual_staff },
      { name: "required_staff", value: required_staff },
    ],
    wisnRatio,
  );
}

/** This family's functions by the id Excel knows each by (WFP.<id>), with the shape of its result. */
export const entries: Record<string, CatalogueEntry> = {
  UPLIFT: { run: uplift, shape: ONE_VALUE, errors: { "#NUM!": "a percentage is outside 0 to 1, or they add up to 100% or more" } },
  ACTIVITY_FTE: { run: activity_fte, shape: ELEMENTWISE, errors: { "#NUM!": "activity, minutes_per_unit or another number is negative" } },
  WISN_AWT: {
    run: wisn_awt,
    shape: ELEMENTWISE,
    errors: { "#NUM!": "a number of days or hours is negative, or the absences leave no working days", "#DIV/0!": "hours_per_day is 0" },
  },
  WISN: {
    run: wisn,
    shape: ONE_VALUE,
    errors: { "#NUM!": "a workload, unit_minutes or awt_hours is negative", "#DIV/0!": "a unit_minutes or awt_hours is 0" },
  },
  WISN_RATIO: {
    run: wisn_ratio,
    shape: ELEMENTWISE,
    errors: { "#NUM!": "actual_staff or required_staff is negative", "#DIV/0!": "required_staff is 0" },
  },
};
