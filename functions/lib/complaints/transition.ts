import type { Statement } from "../../db/batch";
import { isStaleWrite } from "../../db/complaints/index";
import type { BatchRunner } from "../../platform/ports";
import { problem } from "../problem";

export const STALE_DETAIL = "该案件刚被他人修改，请刷新后再操作。";

/** Runs a transition batch (see transitionBatch); a version conflict becomes a 409, everything rolled back. */
export async function runTransition(batch: BatchRunner, statements: readonly Statement[], staleDetail = STALE_DETAIL) {
  try {
    return await batch.run(statements);
  } catch (err) {
    if (isStaleWrite(err)) throw problem(409, { detail: staleDetail });
    throw err;
  }
}
