/*
 * What the add-in needs of Excel, and what it can do without. The manifest
 * declares the requirement sets wfplan cannot run without (Excel will not
 * load it where they are missing); a member from a newer set is optional,
 * listed here with the one file that uses it, and checked before use with
 * `isSetSupported`, so the pane says plainly what this Excel cannot do.
 * tests/safety/requirementSets.test.ts holds the code, this list and the
 * manifest to each other, from the `[Api set]` tags of Office's own types.
 */

export interface OptionalFeature {
  set: "ExcelApi";
  version: string;
  /** What the planner loses where Excel lacks the set, in their words. */
  without: string;
  /** The members from that set, each used only in `file` (after checking). */
  members: readonly string[];
  file: string;
}

export const PAGE_SETUP: OptionalFeature = {
  set: "ExcelApi",
  version: "1.9",
  without:
    "set up the pages of the Board and ICS summaries (A4, landscape, on one page) and of the months (A4, landscape, one page wide): before printing, choose them in Page Layout yourself",
  members: ["Excel.Worksheet.pageLayout", "Excel.PageLayout."],
  file: "taskpane/adapter/pageSetup.ts",
};

export const OPTIONAL_FEATURES: readonly OptionalFeature[] = [PAGE_SETUP];

/** Whether this Excel has the feature's requirement set; false outside Office. */
export function isSupported(feature: OptionalFeature): boolean {
  if (typeof Office === "undefined") return false;
  return Office.context?.requirements?.isSetSupported(feature.set, feature.version) === true;
}

/** What this Excel cannot do that wfplan would, one sentence each. */
export function missingFeatures(): string[] {
  return OPTIONAL_FEATURES.filter((f) => !isSupported(f)).map((f) => `This Excel cannot ${f.without} (it lacks ${f.set} ${f.version}).`);
}
