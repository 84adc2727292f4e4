import { proposeLinks, ROLES, storedLink, type TableRole } from "../../src/index.ts";
import type { PlanLinks } from "../adapter/linkStore.ts";
import type { TableSummary } from "../adapter/planTables.ts";

/*
 * The links a run starts from, for the pane and the command line alike: the
 * links stored in the workbook whose sources are still there, or, where none
 * are stored, the pane's proposals from the sources' headers and values.
 */

const PARTS = Object.keys(ROLES) as TableRole[];

export function initialLinks(sources: readonly TableSummary[], stored: PlanLinks | undefined): PlanLinks {
  const proposed = proposeLinks(sources.map((s) => ({ id: s.id, headers: s.headers, sample: s.sample })));
  const links: PlanLinks = {};
  for (const role of PARTS) {
    const kept = stored?.[role];
    if (kept && sources.some((s) => s.id === kept.source)) links[role] = kept;
    else if (!stored && proposed[role])
      links[role] = storedLink(proposed[role], sources.find((s) => s.id === proposed[role]!.source)!.headers);
  }
  return links;
}
