/*
 * Parts of an .xlsx that the workbench neither edits nor writes back (exceljs
 * drops them): listed when the file is opened, so the planner is told before
 * a save here would lose them, and again when saving.
 */

const KINDS: [pattern: RegExp, one: string, many: string][] = [
  [/^xl\/media\/[^/]+$/, "a picture", "pictures"],
  [/^xl\/(comments\d*|threadedComments\/.*)\.xml$/, "comments", "comments"],
  [/^xl\/pivotTables\/pivotTable\d+\.xml$/, "a pivot table", "pivot tables"],
  [/^xl\/vbaProject\.bin$/, "macros", "macros"],
  [/^xl\/externalLinks\/externalLink\d+\.xml$/, "a link to another workbook", "links to other workbooks"],
  [/^xl\/slicers\/[^/]+\.xml$/, "a slicer", "slicers"],
  [/^xl\/timelines\/[^/]+\.xml$/, "a timeline", "timelines"],
  [/^customXml\/item\d+\.xml$/, "a custom XML part", "custom XML parts"],
];

/** What the package holds that the workbench will not keep, in words: "3 pictures", "comments". */
export function partsNotKept(names: readonly string[]): string[] {
  return KINDS.flatMap(([pattern, one, many]) => {
    const count = names.filter((name) => pattern.test(name)).length;
    if (count === 0) return [];
    if (one === many) return [one];
    return [count === 1 ? one : `${count} ${many}`];
  });
}
