/**
 * The one Open311 jurisdiction this portal answers for. GeoReport v2 lets a server host several
 * (`jurisdiction_id` on every call); ours hosts one, so the parameter is optional and checked only
 * when a client sends it: any other value is an unknown jurisdiction (404), as the spec says.
 */
export const OPEN311_JURISDICTION = "chengguan-portal";

/** The spec's version path segment, mounted by the Worker at `/open311/v2`. */
export const OPEN311_BASE = "/open311/v2";

/** The formats every Open311 resource answers in: the path's suffix (`requests.json`, `requests.xml`). */
export const OPEN311_FORMATS = ["json", "xml"] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];
