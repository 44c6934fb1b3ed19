import { runBatch, type Statement } from "../../db/batch";
import type { Db } from "../../db/client";
import { isStaleWrite } from "../../db/complaints/index";
import { problem } from "../problem";

export const STALE_DETAIL = "该案件刚被他人修改，请刷新后再操作。";

/** Runs a transition batch (see transitionBatch); a version conflict becomes a 409, everything rolled back. */
export async function runTransition(db: Db, statements: readonly Statement[], staleDetail = STALE_DETAIL) {
  try {
    return await runBatch(db, statements);
  } catch (err) {
    if (isStaleWrite(err)) throw problem(409, { detail: staleDetail });
    throw err;
  }
}
