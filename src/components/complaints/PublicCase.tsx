import { useEffect, useState } from "react";
import { publicCaseDetail } from "../../lib/complaints/api";
import { ApiError, errorMessage } from "../../lib/kit/problem";
import { caseNumberInPath } from "../../shared/complaints/case-page";
import type { PublicCaseDetail } from "../../shared/complaints/wire";
import { PublicCaseFollowed } from "./PublicCaseFollowed";
import { PublicCaseView } from "./PublicCaseView";

/**
 * The island of `/complaints/c/`: on a case's address (`/complaints/c/261201-9107/`, which the
 * Worker answers 404 when the case has no public page) it reads the case from the API; on the bare
 * address it lists the cases this browser follows. The lookup form beside it is plain HTML.
 */
export default function PublicCase() {
  // undefined until the browser says which address this is (the page is built without one).
  const [caseNumber, setCaseNumber] = useState<string | null | undefined>(undefined);
  useEffect(() => setCaseNumber(caseNumberInPath(location.pathname)), []);
  const [view, setView] = useState<PublicCaseDetail | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    if (!caseNumber) return;
    let live = true;
    setError("");
    publicCaseDetail(caseNumber)
      .then((found) => {
        if (!live) return;
        setView(found);
        document.title = `案件 ${found.caseNumber}：${found.categoryName} - ${document.title.split(" - ").at(-1)}`;
      })
      .catch((err) => {
        if (!live) return;
        const gone = err instanceof ApiError && err.status === 404;
        setError(
          gone ? "没有这件公开的案件：投诉立案后才公开，请核对案件编号。" : errorMessage(err, "读取案件没有成功。"),
        );
      });
    return () => {
      live = false;
    };
  }, [caseNumber]);

  if (caseNumber === undefined) return null;
  if (caseNumber === null) return <PublicCaseFollowed />;
  return (
    <div className="public-case-page">
      {!view && !error && <p role="status">正在读取案件 {caseNumber}…</p>}
      <div role="alert">
        {error && (
          <div className="error-summary">
            <p>{error}</p>
            <button type="button" className="secondary" onClick={() => location.reload()}>
              重试
            </button>
          </div>
        )}
      </div>
      {view && <PublicCaseView view={view} onChange={setView} />}
    </div>
  );
}
