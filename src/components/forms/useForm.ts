import { useRef, useState } from "react";
import type * as v from "valibot";
import { parseFields } from "../../lib/kit/check";
import { type FieldErrors, type Refusal, refusalOf } from "../../lib/kit/problem";
import type { FieldTargets } from "./ErrorSummary";
import { useFocusLater } from "./useFocusLater";

/** The summary's sentence when the browser's own check finds wrong fields. */
export const CHECK_MESSAGE = "请修改以下内容：";

interface Options {
  /** Field name → its control's id (and label), in the order of the form: where focus goes on a refusal. */
  targets: FieldTargets;
  /** Where focus goes on a refusal that names none of the fields; without it, focus stays put. */
  focusOtherwise?: string;
}

interface RunOptions {
  /**
   * The refusal to show for an error, or null when the form has dealt with the error itself (a
   * version conflict). Default: the API's message and field errors.
   */
  onError?: (err: unknown) => Refusal | null;
  /** The task leaves the page when it succeeds: the form stays busy until the page goes. */
  leaving?: boolean;
}

/**
 * The state every form of the kit repeats: busy while a call runs (a second submit is ignored), the
 * summary's message and the field errors, and focus moved to the first wrong field after a refusal.
 *
 * @example
 * const form = useForm({ targets: FIELDS });
 * async function submit(event: FormEvent) {
 *   event.preventDefault();
 *   if (form.check(LoginSchema, { email, password })) await form.run(() => staffApi.login(email, password));
 * }
 * <ErrorSummary message={form.message} errors={form.errors} targets={FIELDS} />
 */
export function useForm({ targets, focusOtherwise }: Options) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const running = useRef(false);
  const focusLater = useFocusLater();

  /** Shows a refusal and moves focus to the first wrong field, in the order of the form. */
  function refuse(text: string | undefined, wrong: FieldErrors = {}) {
    setMessage(text);
    setErrors(wrong);
    const first = Object.keys(targets).find((name) => wrong[name]);
    const target = first === undefined ? undefined : targets[first];
    const id = target === undefined ? focusOtherwise : typeof target === "string" ? target : target.id;
    if (id) focusLater(id);
  }

  function clear() {
    setMessage(undefined);
    setErrors({});
  }

  /**
   * Runs the API's schema (and the form's own checks, `extra`) in the browser: the parsed input when
   * it may be sent (the old errors are cleared), else the errors are shown and null. `quiet` leaves
   * the summary's sentence out, for a short form whose errors sit next to its few fields.
   */
  function check<S extends v.GenericSchema>(
    schema: S,
    input: unknown,
    { extra = {}, quiet = false }: { extra?: FieldErrors; quiet?: boolean } = {},
  ): v.InferOutput<S> | null {
    const checked = parseFields(schema, input);
    const wrong = { ...(checked.success ? {} : checked.errors), ...extra };
    if (!checked.success || Object.keys(wrong).length > 0) {
      refuse(quiet ? undefined : CHECK_MESSAGE, wrong);
      return null;
    }
    clear();
    return checked.output;
  }

  /** Runs one call at a time; true when it succeeded (the errors are then cleared). */
  async function run(task: () => Promise<unknown>, { onError = refusalOf, leaving = false }: RunOptions = {}) {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    let done = false;
    try {
      await task();
      done = true;
      clear();
    } catch (err) {
      const refusal = onError(err);
      if (refusal) refuse(refusal.message, refusal.errors);
    } finally {
      if (!(done && leaving)) {
        running.current = false;
        setBusy(false);
      }
    }
    return done;
  }

  return { busy, message, errors, refuse, clear, check, run, focusLater };
}
