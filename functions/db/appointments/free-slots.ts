import { sql } from "drizzle-orm";
import { preparedByKey } from "../prepared";
import { closuresIn, storedTemplates } from "./calendar";
import { bookedPerSlot } from "./index";

// The free-slot listing's three reads (functions/lib/appointments/slots.ts `freeSlots`), compiled once
// per set of points (functions/db/prepared.ts): the key is the points' ids joined by commas, one of
// the data's points or all of them, so there are as many compiled reads as points plus one.

const ids = (key: string) => key.split(",");

/** `.all({})`: the saved templates of the points. */
export const templatesOf = preparedByKey((db, key) => storedTemplates(db, ids(key)));

/** `.all({ start, end })`: the closures in force over [start, end). */
export const closuresOf = preparedByKey((db, key) =>
  closuresIn(db, ids(key), sql.placeholder("start"), sql.placeholder("end")),
);

/** `.all({ service, start, end })`: places taken per slot. */
export const bookedOf = preparedByKey((db, key) =>
  bookedPerSlot(db, ids(key), sql.placeholder("service"), sql.placeholder("start"), sql.placeholder("end")),
);
