import { menuFor } from "../../lib/staff/console";
import { ROLE_LABELS } from "../../shared/staff/roles";
import type { Me } from "../../shared/staff/wire";
import { SignOutButton } from "./SignOutButton";

interface Props {
  me: Me;
  /** False until a first-sign-in password is changed: nothing but signing out is offered. */
  showMenu: boolean;
}

/** Who is signed in, the menu entries their role may use (from the shared permission table), sign out. */
export function StaffMenu({ me, showMenu }: Props) {
  const here = location.pathname;
  return (
    <div className="staff-bar">
      {showMenu && (
        <nav aria-label="工作台菜单">
          <ul>
            {menuFor(me.role).map((entry) => (
              <li key={entry.href}>
                <a href={entry.href} aria-current={entry.href === here ? "page" : undefined}>
                  {entry.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="who">
        <span>
          {me.displayName}
          <span className="muted">（{ROLE_LABELS[me.role]}）</span>
        </span>
        <SignOutButton />
      </div>
    </div>
  );
}
