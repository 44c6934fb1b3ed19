// Which parts of the staff console a role sees, read from the one permission table in
// src/shared/staff.ts, and the form checks the console runs before it calls the API.
import * as v from "valibot";
import { can, type Role, STAFF_MENU } from "../../shared/staff/roles";
import type { FieldErrors } from "./api";

/** The menu entries a role may use, in the table's order. */
export function menuFor(role: Role): typeof STAFF_MENU {
  return STAFF_MENU.filter((entry) => can(role, entry.permission));
}

/** Where a role lands after signing in: its first menu entry. */
export function homeFor(role: Role): string {
  return menuFor(role)[0]?.href ?? "/staff/account/";
}

/**
 * Where to go after signing in: the page the member was sent away from (`next`), if it is one of
 * their menu entries, else their first one. Never an address from elsewhere (no open redirect).
 */
export function afterSignIn(role: Role, next: string | null): string {
  return menuFor(role).find((entry) => entry.href === next)?.href ?? homeFor(role);
}

/**
 * Runs the API's own valibot schema in the browser, so a form shows the same messages before it is
 * sent as the API would answer after. Returns the field errors (empty when the input is valid).
 */
export function checkFields(schema: v.GenericSchema, input: unknown): FieldErrors {
  const result = v.safeParse(schema, input);
  if (result.success) return {};
  const fields: FieldErrors = {};
  for (const issue of result.issues) {
    const name = String(issue.path?.[0]?.key ?? "");
    if (name && !(name in fields)) fields[name] = issue.message;
  }
  return fields;
}
