import { requireNonNegative, requirePositive } from "../errors.ts";

/**
 * Vacancy rate (NHS Digital, NHS Vacancy Statistics): vacant FTE / (vacant FTE +
 * staff in post FTE), i.e. vacancies over establishment. A negative rate means
 * more staff in post than the establishment funds.
 */
export function vacancyRate(establishmentFte: number, inPostFte: number): number {
  requirePositive(establishmentFte, "establishment");
  requireNonNegative(inPostFte, "in_post");
  return (establishmentFte - inPostFte) / establishmentFte;
}

/** Leaver rate (NHS Digital): leavers in the period / average headcount (or FTE) over it. */
export function leaverRate(leavers: number, averageHeadcount: number): number {
  requireNonNegative(leavers, "leavers");
  requirePositive(averageHeadcount, "average_headcount");
  return leavers / averageHeadcount;
}
