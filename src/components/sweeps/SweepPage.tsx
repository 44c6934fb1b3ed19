import { useEffect, useState } from "react";
import * as v from "valibot";
import { ApiError, errorMessage } from "../../lib/kit/problem";
import { sweepDetail } from "../../lib/sweeps/api";
import { sweepDate } from "../../lib/sweeps/format";
import { SweepIdSchema } from "../../shared/sweeps/schemas";
import type { PublicSweep, SignupResult } from "../../shared/sweeps/wire";
import { PageStatus } from "../forms/PageStatus";
import { useFocusLater } from "../forms/useFocusLater";
import { GroupSignupForm } from "./GroupSignupForm";
import { SignedUp } from "./SignedUp";
import { SignupForm } from "./SignupForm";
import { SuggestedSweeps } from "./SuggestedSweeps";
import { SafetyNotes, SweepFacts } from "./SweepFacts";

const NOT_FOUND = "找不到这场清扫活动：链接可能不完整，或活动已经结束或取消。";

/**
 * One sweep's page, read from `?id=` (one static shell for every sweep, see sweep.astro): the
 * facts, the safety notes, the sign-up form, then the answer in place of the form.
 */
export default function SweepPage() {
  const [sweep, setSweep] = useState<PublicSweep | null>(null);
  const [result, setResult] = useState<SignupResult | null>(null);
  const [status, setStatus] = useState("正在加载活动…");
  const [error, setError] = useState("");
  const focus = useFocusLater();

  useEffect(() => {
    const id = new URLSearchParams(location.search).get("id") ?? "";
    if (!v.is(SweepIdSchema, id)) {
      setStatus("");
      setError(NOT_FOUND);
      return;
    }
    sweepDetail(id).then(
      (detail) => {
        setSweep(detail.sweep);
        setStatus("");
        document.title = `${detail.sweep.title} · ${document.title}`;
      },
      (err) => {
        setStatus("");
        setError(
          err instanceof ApiError && err.status === 404
            ? NOT_FOUND
            : errorMessage(err, "活动没有加载成功，请稍后再试。"),
        );
      },
    );
  }, []);

  return (
    <div className="sweep-page">
      <PageStatus status={status} error={error} />
      {error && (
        <p>
          <a href="/volunteer/">查看全部清扫活动</a>
        </p>
      )}
      {sweep && (
        <>
          <h2 id="sweep-heading">
            {sweep.title}
            <span className="visually-hidden">，{sweepDate(sweep)}</span>
          </h2>
          {sweep.mostNeeded && <p className="needed">最需要志愿者</p>}
          <SweepFacts sweep={sweep} />
          {!result && <SuggestedSweeps sweep={sweep} />}
          <SafetyNotes />
          {result ? (
            <SignedUp sweep={sweep} result={result} />
          ) : sweep.state !== "open" ? (
            <p className="callout">这场活动已取消，不再接受报名。</p>
          ) : sweep.placesLeft <= 0 && !sweep.waitlistOpen ? (
            <p className="callout">名额和候补都已报满。可以看看其他社区最需要志愿者的活动。</p>
          ) : (
            <SignupForm
              sweep={sweep}
              onSignedUp={(answer) => {
                setResult(answer);
                focus("signed-up-heading");
              }}
            />
          )}
          {!result && sweep.state === "open" && <GroupSignupForm sweep={sweep} />}
        </>
      )}
    </div>
  );
}
