import type { PageSetup } from "../engine/workbook.ts";

/*
 * How Excel lays a sheet on paper, for the workbench's print preview: the
 * paper and orientation, Excel's "Normal" margins (0.7 inch at the sides,
 * 0.75 inch top and bottom), and the scale that fits the printed cells to the
 * pages wide and tall the page setup asks for (never above 100%, never below
 * Excel's 10%).
 */

const PAPER_MM: Record<string, [width: number, height: number]> = {
  A3: [297, 420],
  A4: [210, 297],
  A5: [148, 210],
  Letter: [215.9, 279.4],
  Legal: [215.9, 355.6],
};
const MM_PER_PT = 25.4 / 72;
const MARGIN_SIDE_MM = 0.7 * 25.4;
const MARGIN_TOP_MM = 0.75 * 25.4;

export interface PrintLayout {
  /** The sheet of paper, in millimetres, turned for the orientation. */
  page: { width: number; height: number };
  margins: { top: number; side: number };
  /** What the content is drawn at: 1 is actual size. */
  scale: number;
  pagesWide: number;
  pagesTall: number;
  /** "A4 landscape, fit to 1 page wide by 1 tall: 58% of actual size, 1 page". */
  describe: string;
}

/** The layout of content `width` by `height` points on the page setup's paper. */
export function printLayout(setup: PageSetup, width: number, height: number): PrintLayout {
  const paper = setup.paperSize && PAPER_MM[setup.paperSize] ? setup.paperSize : "A4";
  const [short, long] = PAPER_MM[paper]!;
  const landscape = setup.orientation === "Landscape";
  const page = landscape ? { width: long, height: short } : { width: short, height: long };
  const printable = { width: (page.width - 2 * MARGIN_SIDE_MM) / MM_PER_PT, height: (page.height - 2 * MARGIN_TOP_MM) / MM_PER_PT };
  const fits = setup.fitToPagesWide !== undefined || setup.fitToPagesTall !== undefined;
  let scale = 1;
  if (fits && width > 0 && height > 0) {
    const wide = setup.fitToPagesWide ? (setup.fitToPagesWide * printable.width) / width : Infinity;
    const tall = setup.fitToPagesTall ? (setup.fitToPagesTall * printable.height) / height : Infinity;
    scale = Math.max(0.1, Math.min(1, wide, tall));
  } else if (setup.scale !== undefined) scale = setup.scale / 100;
  const pagesWide = Math.max(1, Math.ceil((width * scale) / printable.width - 1e-9));
  const pagesTall = Math.max(1, Math.ceil((height * scale) / printable.height - 1e-9));
  const pages = pagesWide * pagesTall;
  const fit = fits
    ? `, fit to ${setup.fitToPagesWide ?? "any"} page${setup.fitToPagesWide === 1 ? "" : "s"} wide by ${setup.fitToPagesTall ?? "any"} tall`
    : setup.scale !== undefined
      ? ", at a scale set"
      : "";
  return {
    page,
    margins: { top: MARGIN_TOP_MM, side: MARGIN_SIDE_MM },
    scale,
    pagesWide,
    pagesTall,
    describe: `${paper} ${landscape ? "landscape" : "portrait"}${fit}: ${Math.round(scale * 100)}% of actual size, ${pages} page${pages > 1 ? "s" : ""}${pages > 1 ? ` (${pagesWide} wide by ${pagesTall} tall); the preview shows the first` : ""}`,
  };
}
