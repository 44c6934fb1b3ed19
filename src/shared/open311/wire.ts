// Open311 GeoReport v2's response shapes as this portal writes them (functions/lib/open311/view.ts),
// declared once: the JSON is these objects, the XML the same under the spec's element names.

/** GET services: one per complaint category. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** Whether GET services/{code} has attributes to ask: never here (ARCHITECTURE.md, "Open311"). */
  metadata: boolean;
  type: "realtime" | "batch" | "blackbox";
  keywords: string;
  group: string;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** The FixMyStreet extended statuses (mySociety's Open311 extension) our states map to. */
export type FixMyStreetStatus =
  | "open"
  | "action_scheduled"
  | "in_progress"
  | "internal_referral"
  | "reopen"
  | "fixed"
  | "no_further_action"
  | "duplicate";

/** GET requests / requests/{id}: a case as the public may see it (the publicCase boundary). */
export interface Open311Request {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string;
  service_name: string;
  service_code: string;
  /** Always null: the description is the resident's own text, never published. */
  description: null;
  agency_responsible: string | null;
  service_notice: null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string;
  address_id: string | null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  /** Our own public photo (EXIF stripped on upload), never a link a client sent. */
  media_url: string | null;
  /** Extension members: allowed by the published schemas, which forbid no extra property. */
  extended_attributes: { fixmystreet_status: FixMyStreetStatus | null; public_url: string };
}
