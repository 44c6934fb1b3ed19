/** The upload's progress bar, and a polite announcement at each quarter so it is not chatty. */
export function UploadProgress({ sending, progress }: { sending: boolean; progress: number }) {
  const percent = Math.round(progress * 100);
  const quarter = Math.floor(percent / 25) * 25;
  return (
    <div className="upload">
      {sending && (
        <>
          <label htmlFor="upload-progress">正在提交</label>
          <progress id="upload-progress" max={100} value={percent}>
            {percent}%
          </progress>
        </>
      )}
      <p role="status" className="visually-hidden">
        {sending ? `正在上传，已完成 ${quarter}%` : ""}
      </p>
    </div>
  );
}
