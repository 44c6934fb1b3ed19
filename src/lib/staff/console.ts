// Which parts of the staff console a role sees, read from the one permission table in
// src/shared/staff/roles.ts. (The form checks are the browser kit's: src/lib/kit/check.ts.)
import { can, type Role, STAFF_MENU } from "../../shared/staff/roles";

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
