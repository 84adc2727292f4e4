import type { FinancialYear, Grade, PayTable } from "../reference/index.ts";
import { postCost } from "../workforce/cost.ts";
import { parseArea } from "../workforce/highCostArea.ts";
import { parsePayPoint } from "../workforce/pay.ts";
import type { Scenario } from "./schema.ts";

/*
 * The costing stage of a scenario's run: what one WTE of each post costs in
 * each plan year, with the pay award's factor, worked out once per post and
 * year. A baseline line that knows who is in post costs each kind of post at
 * its own FTE, point and area, with NI per person, and the FTE-weighted mean
 * is the line's cost per WTE; other posts cost one WTE at the scenario's
 * point and area.
 */

/** A line's grade and, for a training grade, its nodal point, by the line's key ("ST4", "Consultant", "5"). */
export interface Post {
  grade: Grade;
  nodalPoint?: number;
}

export type GradeLine = Scenario["staffGroups"][number]["grades"][number];

export class PostCosts {
  private readonly perWte = new Map<string, number>();
  private readonly inPost = new Map<string, number>();

  constructor(
    private readonly scenario: Scenario,
    private readonly posts: ReadonlyMap<string, Post>,
    /** The pay award's cumulative factor by plan year (0-based). */
    private readonly payFactors: readonly number[],
    private readonly payTable: PayTable | undefined,
  ) {}

  /** One WTE of the post in plan year `y` (0-based), at the scenario's pay point and area. */
  wte(postKey: string, y: number): number {
    const key = `${postKey}|${y}`;
    let cost = this.perWte.get(key);
    if (cost === undefined) {
      const post = this.posts.get(postKey)!;
      const { options } = this.scenario;
      cost = postCost(post.grade, 1, {
        year: this.scenario.startYear as FinancialYear,
        point: post.nodalPoint ?? options.payPoint,
        payTable: this.payTable,
        area: options.area,
        pensionBasis: options.pensionBasis,
        payFactor: this.payFactors[y]!,
      }).total;
      this.perWte.set(key, cost);
    }
    return cost;
  }

  /** One WTE of a baseline line's post: the mean over who is in post, or wte() when the line does not say. */
  line(line: GradeLine | undefined, postKey: string, groupIndex: number, y: number): number {
    if (!line?.posts?.length) return this.wte(postKey, y);
    const key = `${groupIndex}|${postKey}|${y}`;
    let cost = this.inPost.get(key);
    if (cost === undefined) {
      const post = this.posts.get(postKey)!;
      const { options } = this.scenario;
      let total = 0;
      let fte = 0;
      for (const kind of line.posts) {
        const point = kind.point === undefined ? undefined : parsePayPoint(kind.point, "pay point");
        total +=
          kind.count *
          postCost(post.grade, kind.fte, {
            year: this.scenario.startYear as FinancialYear,
            // A training grade's nodal point; else the row's point (checked against the grade when the baseline was read).
            point: post.nodalPoint ?? point ?? options.payPoint,
            payTable: this.payTable,
            area: kind.area === undefined ? options.area : parseArea(kind.area),
            pensionBasis: options.pensionBasis,
            payFactor: this.payFactors[y]!,
          }).total;
        fte += kind.count * kind.fte;
      }
      cost = fte > 0 ? total / fte : this.wte(postKey, y);
      this.inPost.set(key, cost);
    }
    return cost;
  }
}
