import { quoteValue } from "../format.ts";
import { STORE_SCHEMA, type SavedScenario } from "./store.ts";

/*
 * The review of a scenario's versions, as a board records it: each version
 * is a Draft until someone puts it For review, approves it, or returns it
 * with the reason. A change of status is a row of its own on the store, with
 * who (as the planner typed it: Office gives an add-in no reliable identity
 * without single sign-on), when and a comment, naming the version by its
 * fingerprint. Nothing is written over: the rows are the audit trail.
 */

export const REVIEW_STATUSES = ["Draft", "For review", "Approved", "Returned"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface Review {
  /** The fingerprint of the version reviewed. */
  version: string;
  status: ReviewStatus;
  /** Who, as they typed their name and role. */
  by: string;
  comment: string;
}

/** Why a review cannot be recorded, or undefined: who is named, and a returned version says why. */
export function reviewProblem(review: Review): string | undefined {
  if (!REVIEW_STATUSES.includes(review.status)) return `${quoteValue(review.status)} is not a status: use ${REVIEW_STATUSES.join(", ")}`;
  if (!review.by.trim()) return "give your name and role: the review records who changed the status";
  if (review.status === "Returned" && !review.comment.trim()) return "say why it is returned: a returned version carries its reason";
  if (!/^[0-9a-f]{64}$/.test(review.version)) return "the version has no fingerprint: save it again (run it) before it is reviewed";
  return undefined;
}

/** The JSON a review row is stored as. */
export function reviewJson(review: Review): string {
  return JSON.stringify({ wfplanScenario: STORE_SCHEMA, review });
}

/** A review row's contents as read, or why it cannot be used. */
export function readReview(value: unknown): Review | { problem: string } {
  const review = value as Partial<Review> | undefined;
  const read: Review = {
    version: String(review?.version ?? ""),
    status: String(review?.status ?? "") as ReviewStatus,
    by: String(review?.by ?? ""),
    comment: String(review?.comment ?? ""),
  };
  const problem = reviewProblem(read);
  return problem ? { problem } : read;
}

/** A version's status: its newest review row's (by the row's place on the store, the order they were saved in), or Draft. */
export function versionStatus(
  saved: readonly SavedScenario[],
  fingerprint: string | undefined,
): { status: ReviewStatus; last?: SavedScenario & { review: Review } } {
  const reviews = saved.filter((row): row is SavedScenario & { review: Review } => row.review?.version === fingerprint);
  const last = reviews.at(-1);
  return last ? { status: last.review.status, last } : { status: "Draft" };
}

/** A status as the pane and the sheets say it: "Approved by A. Khan, finance lead, 2026-12-08 10:00". */
export function statusText(saved: readonly SavedScenario[], fingerprint: string | undefined): string {
  const { status, last } = versionStatus(saved, fingerprint);
  if (!last) return "Draft";
  const when = last.savedAt.slice(0, 16).replace("T", " ");
  return `${status} by ${last.review.by}, ${when}${last.review.comment ? `: ${last.review.comment}` : ""}`;
}
