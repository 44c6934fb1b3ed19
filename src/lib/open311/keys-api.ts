// The console's client for the Open311 API keys (/api/staff/open311/keys), on the kit's request.
import type { IssuedKey, Open311Key } from "../../shared/open311/keys";
import { request } from "../kit/request";

const BASE = "/api/staff/open311/keys";

export const keysApi = {
  list: () => request<Open311Key[]>(BASE, { method: "GET" }),
  issue: (holder: string) => request<IssuedKey>(BASE, { method: "POST", body: { holder } }),
  revoke: (id: number) => request<Open311Key>(`${BASE}/${id}/revoke`, { method: "POST", body: {} }),
};
