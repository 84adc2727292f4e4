import { queueAppendRows } from "./appendRows.ts";
import { assertCanWrite, queueProtection } from "./protection.ts";
import type { StoredLink, TableRole } from "../../src/index.ts";
import { asText } from "./cellText.ts";

/*
 * The planner's links (which table, named range or sheet plays each part of
 * the plan, and which column holds each field, by header text) live in the
 * workbook on a very hidden sheet, so they survive closing and reopening the
 * file. Each change is a new row, never written over: the newest row that
 * can be read is the one in force; one that cannot be read is reported and
 * kept as it is.
 */

export const LINK_SHEET = "wfplan_links";
const LINK_SCHEMA = 1;

export type PlanLinks = Partial<Record<TableRole, StoredLink>>;

export interface StoredLinks {
  links: PlanLinks;
  /** The stored JSON in force, to tell a change from none. */
  json?: string;
  /** Rows that could not be read, with why: kept, never overwritten. */
  problems: string[];
  /** The first free row (0-based). */
  nextRow: number;
}

/** The JSON a set of links is stored as. */
export const linksJson = (links: PlanLinks) => JSON.stringify({ wfplanLinks: LINK_SCHEMA, links });

/** Queues a read of the stored links, for a sync the caller makes anyway. */
export function queueStoredLinks(context: Excel.RequestContext): () => StoredLinks {
  const used = context.workbook.worksheets.getItem(LINK_SHEET).getUsedRangeOrNullObject(true).load("values, rowIndex, columnIndex");
  return () => {
    if (used.isNullObject) return { links: {}, problems: [], nextRow: 1 };
    const problems: string[] = [];
    let found: { links: PlanLinks; json: string } | undefined;
    used.values.forEach((cells, i) => {
      const json = String(cells[1 - used.columnIndex] ?? "");
      const row = used.rowIndex + i + 1;
      if (row === 1 || json === "") return;
      try {
        const stored = JSON.parse(json) as { wfplanLinks?: unknown; links?: unknown };
        if (stored.wfplanLinks !== LINK_SCHEMA || typeof stored.links !== "object" || stored.links === null)
          throw new Error("not wfplan's links");
        found = { links: stored.links as PlanLinks, json };
      } catch (error) {
        problems.push(`${LINK_SHEET} row ${row}: ${(error as Error).message.slice(0, 120)}; kept as it is`);
      }
    });
    return { ...found, links: found?.links ?? {}, problems, nextRow: used.rowIndex + used.values.length };
  };
}

/** Queues storing the links as a new row, when they differ from those in force; nothing otherwise. */
export function queueSaveLinks(
  context: Excel.RequestContext,
  links: PlanLinks,
  stored: StoredLinks | undefined,
  savedAt = new Date().toISOString(),
): void {
  const json = linksJson(links);
  if (stored?.json === json) return;
  let sheet: Excel.Worksheet;
  if (!stored) {
    sheet = context.workbook.worksheets.add(LINK_SHEET);
    sheet.getRange("A1:B1").values = [["Saved at", "Links"]];
    sheet.visibility = "VeryHidden";
  } else sheet = context.workbook.worksheets.getItem(LINK_SHEET);
  queueAppendRows(sheet, Math.max(1, stored?.nextRow ?? 1), [[asText(savedAt), asText(json)]]);
}

/**
 * Stores the planner's links now, without a run (a new row when they changed):
 * two syncs, three when the sheet is there to read first (five when another
 * pane made it at the same moment).
 */
export async function saveLinks(links: PlanLinks): Promise<{ stored: StoredLinks; changed: boolean }> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(LINK_SHEET);
    const protection = queueProtection(context, context.workbook.worksheets);
    await context.sync();
    assertCanWrite(protection(), { what: "saving the links", [sheet.isNullObject ? "adds" : "writes"]: [LINK_SHEET] });
    const read = sheet.isNullObject ? undefined : queueStoredLinks(context);
    if (read) await context.sync();
    let before = read?.();
    const json = linksJson(links);
    if (before?.json === json) return { stored: before, changed: false };
    queueSaveLinks(context, links, before);
    try {
      await context.sync();
    } catch (error) {
      // Another pane on this workbook (co-authoring) made the sheet at the same moment: append to theirs.
      if (before || (error as { code?: string }).code !== "ItemAlreadyExists") throw error;
      const theirs = queueStoredLinks(context);
      await context.sync();
      before = theirs();
      if (before.json === json) return { stored: before, changed: false };
      queueSaveLinks(context, links, before);
      await context.sync();
    }
    return {
      stored: { links, json, problems: before?.problems ?? [], nextRow: Math.max(1, before?.nextRow ?? 1) + 1 },
      changed: true,
    };
  });
}
