import { useEffect, useRef, useState } from "react";
import type { StaffAccount } from "../../shared/staff/wire";
import { StatusMessage } from "./StatusMessage";

interface Props {
  account: StaffAccount;
  password: string;
  onDone: () => void;
}

/** The new account's one-time password, shown this once, with a copy button. */
export function OneTimePassword({ account, password, onDone }: Props) {
  const [status, setStatus] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setStatus("初始密码已复制到剪贴板。");
    } catch {
      setStatus("无法自动复制，请选中上面的初始密码后手动复制。");
    }
  }

  return (
    <section className="card otp" aria-labelledby="otp-heading">
      <h3 id="otp-heading" ref={headingRef} tabIndex={-1}>
        账号已创建：{account.displayName}
      </h3>
      <p>
        登录邮箱：<span className="mono">{account.email}</span>
      </p>
      <p>初始密码（只显示这一次）：</p>
      <p className="otp-value mono" id="otp-value">
        {password}
      </p>
      <div className="actions">
        <button type="button" onClick={copy}>
          复制初始密码
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          我已记下，继续
        </button>
      </div>
      <StatusMessage text={status} />
      <p className="muted">
        请当面或通过电话把初始密码告知本人，不要用电子邮件或聊天软件发送。对方首次登录时须修改密码。离开或刷新本页后，初始密码将无法再次查看。
      </p>
    </section>
  );
}
