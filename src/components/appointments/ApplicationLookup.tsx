// Follow a signboard application by its number and the phone given when booking the intake: the
// phone goes in the request's body, never in the address; the answer holds no name or phone.
import { type FormEvent, useState } from "react";
import { request } from "../../lib/kit/request";
import { type ApplicationLookupInput, ApplicationLookupSchema } from "../../shared/appointments/applications-lookup";
import type { PublicApplicationView } from "../../shared/appointments/applications-wire";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { PhoneInput } from "../forms/inputs";
import { useFocusLater } from "../forms/useFocusLater";
import { useForm } from "../forms/useForm";
import { ApplicationPanel } from "./ApplicationPanel";

const TARGETS = {
  applicationNumber: { id: "lookup-number", label: "申请编号" },
  phone: { id: "lookup-phone", label: "手机号码" },
};

export default function ApplicationLookup() {
  const form = useForm({ targets: TARGETS, focusOtherwise: "lookup-number" });
  const [values, setValues] = useState<ApplicationLookupInput>({ applicationNumber: "", phone: "" });
  const [found, setFound] = useState<PublicApplicationView | null>(null);
  const focus = useFocusLater();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.check(ApplicationLookupSchema, values);
    if (!input) return;
    await form.run(async () => {
      setFound(null);
      setFound(await request<PublicApplicationView>("/api/appointments/applications/lookup", { body: input }));
      focus("lookup-heading");
    });
  }

  return (
    <>
      <form onSubmit={submit} noValidate className="form step">
        <ErrorSummary message={form.message} errors={form.errors} targets={TARGETS} />
        <Field
          id={TARGETS.applicationNumber.id}
          label="申请编号"
          hint="收件回执上的编号，SQ 开头，如 SQ8K2M4P6Q"
          error={form.errors.applicationNumber}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              value={values.applicationNumber}
              onChange={(e) => setValues((v) => ({ ...v, applicationNumber: e.target.value }))}
            />
          )}
        </Field>
        <Field id={TARGETS.phone.id} label="手机号码" hint="预约现场收件时留下的号码" error={form.errors.phone}>
          {(a11y) => (
            <PhoneInput {...a11y} value={values.phone} onChange={(phone) => setValues((v) => ({ ...v, phone }))} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" aria-disabled={form.busy || undefined}>
            查询
          </button>
        </div>
      </form>
      {found && (
        <div className="step">
          <h2 id="lookup-heading" tabIndex={-1}>
            查询结果
          </h2>
          <ApplicationPanel application={found} />
        </div>
      )}
    </>
  );
}
