import type { CaseOrigin } from "../../../shared/complaints/console-wire";

/** Only an http(s) address becomes a link: anything else (javascript:, data:) stays text. */
function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * The picture link an app sent through Open311: the app's address, never fetched by the portal
 * (no <img>, no preview), opened only when staff choose to, without a referrer or the opener.
 */
function MediaLink({ url }: { url: string }) {
  return (
    <>
      {isWebAddress(url) ? (
        <a href={url} rel="noopener noreferrer nofollow" target="_blank" className="mono">
          {url}
        </a>
      ) : (
        <span className="mono">{url}</span>
      )}
      <br />
      <span className="muted">外部链接，系统未下载，请谨慎打开</span>
    </>
  );
}

/** Where the case came from (terms of the facts list): the website, or an app's Open311 key and its picture link. */
export function CaseOriginFacts({ origin }: { origin: CaseOrigin }) {
  if (origin.channel === "web") {
    return (
      <>
        <dt>来源</dt>
        <dd>网站</dd>
      </>
    );
  }
  return (
    <>
      <dt>来源</dt>
      <dd>
        开放接口：{origin.keyHolder}（密钥 <span className="mono">{origin.keyPrefix}…</span>
        {origin.keyRevoked && "，已吊销"}）
      </dd>
      {origin.mediaUrl && (
        <>
          <dt>图片链接</dt>
          <dd>
            <MediaLink url={origin.mediaUrl} />
          </dd>
        </>
      )}
    </>
  );
}
