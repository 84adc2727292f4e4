import { fail, requireNonNegative, requirePositive } from "../errors.ts";

/*
 * WHO Workload Indicators of Staffing Need (WISN user's manual, WHO 2010;
 * software manual, 2nd edition, 2025).
 */

export interface WorkingTime {
  workingDays: number;
  publicHolidays: number;
  annualLeave: number;
  sickLeave: number;
  otherLeave: number;
  hoursPerDay: number;
}

/** Available working time in days: working days less holidays and every kind of absence. */
export function availableWorkingDays(time: WorkingTime): number {
  const { workingDays, publicHolidays, annualLeave, sickLeave, otherLeave } = time;
  for (const [name, value] of Object.entries({ workingDays, publicHolidays, annualLeave, sickLeave, otherLeave })) {
    requireNonNegative(value, name);
  }
  const days = workingDays - publicHolidays - annualLeave - sickLeave - otherLeave;
  if (days <= 0)
    fail("num", `absences (${workingDays - days} days) leave no working time out of ${workingDays} working days`, "working_days");
  return days;
}

/** AWT = (working days - public holidays - annual, sick and other leave) x working hours a day, in hours. */
export function availableWorkingTime(time: WorkingTime): number {
  requirePositive(time.hoursPerDay, "hours_per_day");
  return availableWorkingDays(time) * time.hoursPerDay;
}

/** Standard workload: units of an activity one person can do in a year = AWT / unit time. */
export function standardWorkload(awtHours: number, unitMinutes: number): number {
  requirePositive(awtHours, "awt_hours");
  requirePositive(unitMinutes, "unit_minutes");
  return (awtHours * 60) / unitMinutes;
}

/** CAF = 1 / (1 - total CAS / 100), CAS being the % of time all staff spend on support activities. */
export function categoryAllowanceFactor(casPercent: number): number {
  requireNonNegative(casPercent, "cas_percent");
  if (casPercent >= 100) fail("num", `cas_percent must be below 100 (got ${casPercent})`, "cas_percent");
  return 1 / (1 - casPercent / 100);
}

/** IAF = total IAS / AWT, IAS being hours a year that only some staff spend on additional activities. */
export function individualAllowanceFactor(iasHours: number, awtHours: number): number {
  requireNonNegative(iasHours, "ias_hours");
  requirePositive(awtHours, "awt_hours");
  return iasHours / awtHours;
}

export interface WisnActivity {
  /** Units of the health-service activity in a year. */
  annualWorkload: number;
  /** Minutes one unit takes. */
  unitMinutes: number;
}

export interface WisnRequirement {
  /** Staff for each health-service activity: workload / standard workload. */
  byActivity: number[];
  /** Sum over the activities, before allowances. */
  baseline: number;
  categoryAllowanceFactor: number;
  individualAllowanceFactor: number;
  /** baseline x CAF + IAF. */
  required: number;
}

/** Required staff = sum(annual workload / standard workload) x CAF + IAF. */
export function wisnRequiredStaff(activities: readonly WisnActivity[], awtHours: number, casPercent = 0, iasHours = 0): WisnRequirement {
  const byActivity = activities.map((activity, i) => {
    requireNonNegative(activity.annualWorkload, `workloads item ${i + 1}`);
    return activity.annualWorkload / standardWorkload(awtHours, activity.unitMinutes);
  });
  const baseline = byActivity.reduce((sum, staff) => sum + staff, 0);
  const caf = categoryAllowanceFactor(casPercent);
  const iaf = individualAllowanceFactor(iasHours, awtHours);
  return { byActivity, baseline, categoryAllowanceFactor: caf, individualAllowanceFactor: iaf, required: baseline * caf + iaf };
}

/** WISN difference: actual - required (negative is a shortage). */
export function wisnDifference(actualStaff: number, requiredStaff: number): number {
  return actualStaff - requiredStaff;
}

/** WISN ratio: actual / required (1 is balanced, below 1 a shortage). */
export function wisnRatio(actualStaff: number, requiredStaff: number): number {
  requireNonNegative(actualStaff, "actual_staff");
  requirePositive(requiredStaff, "required_staff");
  return actualStaff / requiredStaff;
}
