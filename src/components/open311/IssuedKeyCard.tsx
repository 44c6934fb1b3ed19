import { useEffect, useRef, useState } from "react";
import type { IssuedKey } from "../../shared/open311/keys";
import { StatusMessage } from "../staff/StatusMessage";

interface Props {
  issued: IssuedKey;
  onDone: () => void;
}

/** The new key, shown this once, with a copy button: the portal keeps only its digest. */
export function IssuedKeyCard({ issued, onDone }: Props) {
  const [status, setStatus] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.apiKey);
      setStatus("密钥已复制到剪贴板。");
    } catch {
      setStatus("无法自动复制，请选中上面的密钥后手动复制。");
    }
  }

  return (
    <section className="card otp" aria-labelledby="issued-heading">
      <h3 id="issued-heading" ref={headingRef} tabIndex={-1}>
        已签发：{issued.key.holder}
      </h3>
      <p>API 密钥（只显示这一次）：</p>
      <p className="otp-value mono" id="issued-key">
        {issued.apiKey}
      </p>
      <div className="actions">
        <button type="button" onClick={copy}>
          复制密钥
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          我已交给持有人，继续
        </button>
      </div>
      <StatusMessage text={status} />
      <p className="muted">
        请通过安全的渠道交给持有人，不要用电子邮件或聊天软件明文发送。离开或刷新本页后，密钥将无法再次查看；丢失时请吊销并重新签发。
      </p>
    </section>
  );
}
