import { useEffect, useState } from "react";

/** The dark modules of a QR code as one SVG path, a 1×1 square each. */
async function qrPath(text: string): Promise<{ d: string; size: number }> {
  // Loaded when the success page shows, not with the filing form: the form's weight stays its own.
  const { encode } = await import("uqr");
  const { data, size } = encode(text, { ecc: "M", border: 2 });
  let d = "";
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { d, size };
}

/**
 * A QR code of a link, drawn as SVG in the browser (uqr, no network): a resident without a
 * smartphone of their own can have someone scan the case's page, and a printout keeps it.
 */
export function PublicCaseQr({ text, label }: { text: string; label: string }) {
  const [qr, setQr] = useState<{ d: string; size: number } | null>(null);
  useEffect(() => {
    let live = true;
    qrPath(text)
      .then((made) => live && setQr(made))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [text]);
  if (!qr) return null;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      width="176"
      height="176"
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}
