import { requireNonNegative, requirePositive } from "../errors.ts";
import { AFC_ANNUAL_HOURS } from "./time.ts";

/**
 * FTE needed to deliver an activity: activity x minutes per unit / 60 gives
 * hours of work; divided by the productive hours one FTE gives in a year, then
 * uplifted for headroom. Productive hours default to a whole-time Agenda for
 * Change year (37.5 x 52.143 = 1,955.36 hours), so `uplift` carries leave.
 */
export function activityFte(
  activity: number,
  minutesPerUnit: number,
  productiveHoursPerFteYear: number = AFC_ANNUAL_HOURS,
  uplift = 0,
): number {
  requireNonNegative(activity, "activity");
  requireNonNegative(minutesPerUnit, "minutes_per_unit");
  requirePositive(productiveHoursPerFteYear, "productive_hours_per_fte_year");
  requireNonNegative(uplift, "uplift");
  return ((activity * minutesPerUnit) / 60 / productiveHoursPerFteYear) * (1 + uplift);
}
