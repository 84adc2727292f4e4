/*
 * The print scale that puts a block of cells on one sheet of A4, landscape,
 * inside Excel's "Normal" margins (0.7 inch at the sides, 0.75 inch top and
 * bottom). Set as a scale because Excel does not apply "fit to 1 page wide
 * by 1 tall" from an add-in until the Page Layout view has been shown
 * (office-js #1860), while a scale takes at once.
 */

const POINTS_PER_INCH = 72;
/** A4 landscape: 297 mm by 210 mm. */
const A4_LANDSCAPE = { width: (297 / 25.4) * POINTS_PER_INCH, height: (210 / 25.4) * POINTS_PER_INCH };
const PRINTABLE = { width: A4_LANDSCAPE.width - 2 * 0.7 * POINTS_PER_INCH, height: A4_LANDSCAPE.height - 2 * 0.75 * POINTS_PER_INCH };
/** Excel's default row: 15 points (Calibri 11). */
export const ROW_POINTS = 15;

/** Percent of actual size, whole, from Excel's 10 up to 100 (never enlarged). */
export function onePageScale(columnWidths: readonly number[], rows: number, rowPoints = ROW_POINTS): number {
  const width = columnWidths.reduce((sum, w) => sum + w, 0);
  const height = rows * rowPoints;
  const fit = Math.min(PRINTABLE.width / Math.max(width, 1), PRINTABLE.height / Math.max(height, 1));
  return Math.max(10, Math.min(100, Math.floor(fit * 100)));
}
