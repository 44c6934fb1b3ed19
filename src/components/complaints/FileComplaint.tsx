import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { DistrictMap } from "../../lib/complaints/district-map";
import { pointCommunity, STEP_TITLES, STEPS, toInput } from "../../lib/complaints/draft";
import { type FilingData, FilingDataContext } from "../../lib/complaints/filing-data";
import { stepErrors, stepOf } from "../../lib/complaints/validate-draft";
import type { FieldErrors } from "../../lib/kit/problem";
import type { FiledComplaint, NearbyCase, SupportResult } from "../../shared/complaints/wire";
import { ErrorSummary } from "../forms/ErrorSummary";
import { useFocusLater } from "../forms/useFocusLater";
import { CategoryStep } from "./CategoryStep";
import { ContactStep } from "./ContactStep";
import { DetailsStep } from "./DetailsStep";
import { PlaceStep } from "./PlaceStep";
import { ReviewStep } from "./ReviewStep";
import { StepProgress } from "./StepProgress";
import { TurnstileLoader } from "./TurnstileLoader";
import { UploadProgress } from "./UploadProgress";
import { useDraft } from "./useDraft";
import { useSubmit } from "./useSubmit";

type SuccessView = typeof import("./FiledSuccess").FiledSuccess;
let successModule: Promise<SuccessView> | null = null;
/**
 * The success view (case number, copy, QR, the page's link) is fetched when the resident reaches the
 * review step, not with the form, so the filing page's first download stays within its budget. A
 * failed fetch is forgotten and tried again (the filed view asks again until it has it).
 */
function loadSuccess(): Promise<SuccessView> {
  successModule ??= import("./FiledSuccess").then(
    (m) => m.FiledSuccess,
    (err) => {
      successModule = null;
      throw err;
    },
  );
  return successModule;
}

/** Field → the control its error links to. */
const TARGETS: Record<string, string> = {
  categoryId: "category-search",
  addressText: "address",
  communityId: "community",
  placeId: "place",
  lat: "locate",
  description: "description",
  photos: "photos",
  name: "name",
  phone: "phone",
  consent: "consent",
};

type View = "form" | "nearby" | "filed" | "thanks";
type NearbyPanel = typeof import("./nearby-panel");

interface Props {
  /** Cloudflare Turnstile's public site key, built in from PUBLIC_TURNSTILE_SITE_KEY; empty turns it off. */
  turnstileSiteKey?: string;
  /** The district map for the place step, computed at build time by the page. */
  map?: DistrictMap;
  /**
   * The categories, communities and gazetteer as JSON (filingData() at build time): page bytes
   * rather than a script, and one string because Astro would wrap every number of an object prop.
   */
  lists: string;
}

/** The filing island: one step per screen, the draft kept on the device, the submission retried safely. */
export default function FileComplaint({ turnstileSiteKey = "", map, lists }: Props) {
  const data = useMemo(() => JSON.parse(lists) as FilingData, [lists]);
  const { draft, photos, restored, update, addPhoto, removePhoto, discard } = useDraft();
  const { sending, progress, send } = useSubmit();
  const focus = useFocusLater();
  const [view, setView] = useState<View>("form");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [retry, setRetry] = useState(false);
  const [busy, setBusy] = useState(false);
  const [nearby, setNearby] = useState<NearbyCase[]>([]);
  const [supported, setSupported] = useState<SupportResult | null>(null);
  const [panel, setPanel] = useState<NearbyPanel | null>(null);
  const [filed, setFiled] = useState<{ answer: FiledComplaint; withPhone: boolean } | null>(null);
  const [turnstileToken, setTurnstileToken] = useState<string | null>(null);
  const [turnstileRound, setTurnstileRound] = useState(0);
  const step = draft.step;
  const name = STEPS[step] ?? "review";
  const [Success, setSuccess] = useState<SuccessView | null>(null);
  useEffect(() => {
    if (Success || (name !== "review" && view !== "filed")) return;
    let live = true;
    const ask = () =>
      loadSuccess().then(
        (view) => live && setSuccess(() => view),
        // Offline for a moment: ask again; the filed view shows the case number meanwhile.
        () => live && window.setTimeout(ask, 3000),
      );
    void ask();
    return () => {
      live = false;
    };
  }, [name, view, Success]);

  const show = (next: View, to = step, heading = "step-heading") => {
    setErrors({});
    setMessage(undefined);
    setRetry(false);
    update({ step: to });
    setView(next);
    focus(heading);
  };

  const startOver = () => {
    discard();
    show("form", 0);
  };

  const refuse = (found: FieldErrors, text?: string) => {
    setErrors(found);
    setMessage(text);
    focus("error-summary");
  };

  /**
   * Open same-kind cases near the point, or none (the check never blocks filing). The question and
   * the panel that shows the answer are loaded here, once, rather than with the page.
   */
  const sameNearby = async (): Promise<NearbyCase[]> => {
    if (!draft.point || !pointCommunity(data, draft)) return [];
    try {
      const loaded = await import("./nearby-panel");
      const answer = await loaded.nearbyCases(draft.categoryId, draft.point.lat, draft.point.lng);
      setPanel(loaded);
      return answer.cases;
    } catch {
      return [];
    }
  };

  const submit = async () => {
    if (turnstileSiteKey && !turnstileToken) {
      return refuse({}, "请等待人机验证通过后再提交。");
    }
    const { filed: answer, error } = await send({
      input: { ...toInput(data, draft), ...(turnstileToken ? { turnstileToken } : {}) },
      photos: photos.map((p) => p.blob),
      idempotencyKey: draft.idempotencyKey,
    });
    if (answer) {
      setFiled({ answer, withPhone: draft.callbackWanted });
      discard();
      show("filed", 0, "filed-heading");
    } else if (error) {
      // The server has spent the token: the next attempt needs a fresh check.
      if (turnstileSiteKey) setTurnstileRound((n) => n + 1);
      const fields = Object.keys(error.fields).filter((f) => f !== "headers");
      const first = Math.min(...fields.map(stepOf));
      if (fields.length && first < step) update({ step: first });
      setRetry(fields.length === 0 && error.status !== 413 && error.status !== 422);
      refuse(
        error.fields,
        error.status === 0 ? `${error.message}您的内容已保存在本机，重试不会重复立案。` : error.message,
      );
    }
  };

  const next = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || sending) return;
    if (view === "nearby") return show("form", step + 1);
    const found = stepErrors(data, draft, step);
    if (Object.keys(found).length > 0) return refuse(found);
    if (name === "review") return submit();
    if (name === "place") {
      setBusy(true);
      const cases = await sameNearby();
      setBusy(false);
      setSupported(null);
      setNearby(cases);
      if (cases.length > 0) return show("nearby");
    }
    show("form", step + 1);
  };

  if (view === "filed" && filed) {
    if (Success) return <Success filed={filed.answer} withPhone={filed.withPhone} onAnother={() => show("form", 0)} />;
    return (
      <section aria-live="polite">
        <h2>已提交</h2>
        <p>
          受理编号 <strong>{filed.answer.caseNumber}</strong>。请记下编号，查询链接正在显示…
        </p>
      </section>
    );
  }
  if (view === "thanks" && supported && panel) {
    return <panel.SupportThanks supported={supported} onAnother={() => show("form", 0)} />;
  }
  const props = { draft, errors, update };
  const body = () => {
    if (view === "nearby" && panel) {
      return (
        <panel.NearbyCases
          cases={nearby}
          supported={supported}
          onSupported={(s) => {
            setSupported(s);
            focus("supported");
          }}
          onStop={() => {
            discard();
            show("thanks", 0, "thanks-heading");
          }}
        />
      );
    }
    switch (name) {
      case "category":
        return (
          <CategoryStep
            categoryId={draft.categoryId}
            error={errors.categoryId}
            onChange={(categoryId) => update({ categoryId })}
          />
        );
      case "place":
        return <PlaceStep {...props} map={map} />;
      case "details":
        return <DetailsStep {...props} photos={photos} addPhoto={addPhoto} removePhoto={removePhoto} />;
      case "contact":
        return <ContactStep {...props} />;
      default:
        return <ReviewStep draft={draft} photos={photos} onEdit={(to) => show("form", to)} />;
    }
  };
  let nextLabel = busy ? "正在查找附近的同类问题…" : "下一步";
  if (view === "nearby") nextLabel = supported ? "仍要提交新投诉" : "不是同一个问题，继续";
  else if (name === "review") nextLabel = sending ? "正在提交…" : "确认提交";
  return (
    <FilingDataContext.Provider value={data}>
      <div className="filing">
        {restored && (
          <p className="restored">
            已恢复您上次没有提交的内容。{" "}
            <button type="button" className="secondary small" onClick={startOver}>
              清空，重新填写
            </button>
          </p>
        )}
        <StepProgress current={step} />
        <form noValidate onSubmit={next} aria-labelledby="step-heading">
          <h2 id="step-heading" tabIndex={-1}>
            <span className="visually-hidden">
              第 {step + 1} 步，共 {STEPS.length} 步：
            </span>
            {view === "nearby" ? "附近已有同类问题" : STEP_TITLES[name]}
          </h2>
          <ErrorSummary
            id="error-summary"
            message={message}
            lead="请修改以下内容后继续："
            errors={errors}
            targets={TARGETS}
          >
            {retry && (
              <button type="submit" aria-disabled={sending}>
                重试
              </button>
            )}
          </ErrorSummary>
          {body()}
          {name === "review" && view === "form" && turnstileSiteKey && (
            <TurnstileLoader siteKey={turnstileSiteKey} onToken={setTurnstileToken} round={turnstileRound} />
          )}
          {name === "review" && <UploadProgress sending={sending} progress={progress} />}
          <div className="step-buttons">
            {(step > 0 || view === "nearby") && (
              <button
                type="button"
                className="secondary"
                onClick={() => show("form", view === "nearby" ? step : step - 1)}
              >
                上一步
              </button>
            )}
            <button type="submit" aria-disabled={busy || sending}>
              {nextLabel}
            </button>
          </div>
        </form>
      </div>
    </FilingDataContext.Provider>
  );
}
