import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/** `__Host-` pins the cookie to this origin: Secure, Path=/, no Domain. */
const NAME = "staff_session";
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, NAME, "host");
}

export function writeSessionCookie(c: Context, token: string): void {
  setCookie(c, NAME, token, {
    prefix: "host",
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Strict",
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, NAME, { prefix: "host", path: "/", secure: true });
}
