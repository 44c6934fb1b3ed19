import { useState } from "react";
import { ApiError, errorMessage } from "../../lib/kit/problem";
import { staffApi } from "../../lib/staff/api";

/** Ends the session and goes back to the sign-in page. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function signOut() {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      await staffApi.logout();
      location.assign("/staff/");
    } catch (err) {
      // Already signed out (the session expired or ended elsewhere): the sign-in page is right.
      if (err instanceof ApiError && err.status === 401) return location.assign("/staff/");
      setBusy(false);
      setError(`退出失败：${errorMessage(err)}`);
    }
  }

  return (
    <span className="sign-out">
      <button type="button" className="secondary" aria-disabled={busy || undefined} onClick={signOut}>
        退出登录
      </button>
      <span role="alert" className="field-error">
        {error}
      </span>
    </span>
  );
}
