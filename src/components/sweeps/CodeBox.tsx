import { type FormEvent, useEffect, useRef, useState } from "react";
import * as v from "valibot";
import { CheckinCodeSchema } from "../../shared/sweeps/day-schemas";
import { Field } from "../forms/Field";
import { CodeInput } from "../forms/inputs";

// The BarcodeDetector API (Chromium on Android, not every browser): declared here because the DOM
// types do not have it yet.
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;
const detectorCtor = () => (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;

interface Props {
  busy: boolean;
  onCode: (code: string, action: "checkin" | "checkout") => Promise<boolean>;
}

/**
 * The code a volunteer shows: typed (the fallback that always works), or scanned from the QR on
 * their manage page with the camera where the browser can read QR codes (the button is hidden
 * elsewhere). A scanned code checks the person in at once; out, if they are already in.
 */
export function CodeBox({ busy, onCode }: Props) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [canScan, setCanScan] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [scanStatus, setScanStatus] = useState("");
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);

  // Known only in the browser (the page is rendered at build time too).
  useEffect(() => setCanScan(detectorCtor() !== undefined && !!navigator.mediaDevices?.getUserMedia), []);
  // The camera goes off when the page goes (the ref, not state: the cleanup sees the live stream).
  useEffect(
    () => () => {
      for (const track of stream.current?.getTracks() ?? []) track.stop();
    },
    [],
  );

  function stopCamera() {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    setScanning(false);
  }

  async function submit(action: "checkin" | "checkout", event?: FormEvent) {
    event?.preventDefault();
    const checked = v.safeParse(CheckinCodeSchema, code);
    if (!checked.success) return setError(checked.issues[0]?.message);
    setError(undefined);
    if (await onCode(checked.output, action)) setCode("");
  }

  async function scan() {
    const Detector = detectorCtor();
    if (!Detector) return;
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch {
      setScanStatus("无法打开摄像头，请直接输入签到码。");
      return;
    }
    setScanning(true);
    setScanStatus("请把志愿者手机上的二维码对准摄像头。");
    const detector = new Detector({ formats: ["qr_code"] });
    // The video element appears with `scanning`: wait a frame for it.
    await new Promise((r) => requestAnimationFrame(r));
    const el = video.current;
    if (!el || !stream.current) return stopCamera();
    el.srcObject = stream.current;
    await el.play().catch(() => undefined);
    while (stream.current) {
      const found = await detector.detect(el).catch(() => []);
      const text = found.map((b) => b.rawValue).find((t) => v.is(CheckinCodeSchema, t));
      if (text) {
        stopCamera();
        setScanStatus("已识别签到码。");
        setCode(text);
        await onCode(v.parse(CheckinCodeSchema, text), "checkin");
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  return (
    <form className="code-box" onSubmit={(e) => submit("checkin", e)} noValidate>
      <Field id="checkin-code" label="签到码" hint="8 位字母或数字，不区分大小写" error={error}>
        {(a11y) => <CodeInput {...a11y} maxLength={12} value={code} onChange={setCode} />}
      </Field>
      <button type="submit" aria-disabled={busy || undefined}>
        签到
      </button>
      <button type="button" className="secondary" aria-disabled={busy || undefined} onClick={() => submit("checkout")}>
        签退
      </button>
      {canScan &&
        (scanning ? (
          <button type="button" className="secondary" onClick={stopCamera}>
            停止扫码
          </button>
        ) : (
          <button type="button" className="secondary" onClick={scan}>
            扫码
          </button>
        ))}
      {scanning && (
        <div className="scanner">
          <video ref={video} muted playsInline aria-label="摄像头画面" />
        </div>
      )}
      <p className="muted" role="status">
        {scanStatus}
      </p>
    </form>
  );
}
