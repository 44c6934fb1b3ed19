// The lists the filing island works with (categories and their synonyms, communities, the gazetteer),
// handed to it by the page at build time (filing-data-build.ts) instead of imported: the browser
// then downloads neither the content files nor the code that checks them (that runs at build, in
// the Worker and in the tests). The draft's and the steps' functions take these lists as a parameter.
import { createContext, useContext } from "react";
import type { Category, CategoryType } from "../../shared/complaints/categories";
import { fileComplaintSchema } from "../../shared/complaints/filing-schema";
import type { Place } from "../../shared/complaints/place-lookup";
import type { CommunityArea } from "../../shared/geo-math";

/** A category as the resident sees it: without the deadline and routing rules, which are staff matters. */
export type FilingCategory = Omit<Category, "limitHours" | "unitRule">;

export interface FilingData {
  categories: FilingCategory[];
  /** The major classes in file order, for the two-level picker. */
  groups: { type: CategoryType; code: string; name: string; label: string; categoryIds: string[] }[];
  /** Minutes allowed to accept a new report (normal, urgent). */
  acceptMinutes: { normal: number; urgent: number };
  communities: CommunityArea[];
  places: Place[];
}

/** What the draft's functions need to place a case. */
export type Gazetteer = Pick<FilingData, "communities" | "places">;

const schemas = new WeakMap<FilingData, ReturnType<typeof fileComplaintSchema>>();

/** The API's own filing schema, over the lists the page gave. */
export function filingSchema(data: FilingData) {
  let schema = schemas.get(data);
  if (!schema) {
    schema = fileComplaintSchema({
      categoryIds: data.categories.map((c) => c.id),
      communityIds: data.communities.map((c) => c.id),
      places: data.places,
    });
    schemas.set(data, schema);
  }
  return schema;
}

export const categoryIn = (data: Pick<FilingData, "categories">, id: string) =>
  data.categories.find((c) => c.id === id);
export const communityIn = (data: Pick<FilingData, "communities">, id: string) =>
  data.communities.find((c) => c.id === id);

/** Minutes allowed to accept and dispatch a new report of this category (30; 10 when urgent). */
export const acceptMinutesOf = (data: FilingData, category: FilingCategory) =>
  category.urgent ? data.acceptMinutes.urgent : data.acceptMinutes.normal;

/** The island's lists, provided once by FileComplaint to the steps. */
export const FilingDataContext = createContext<FilingData | null>(null);

export function useFilingData(): FilingData {
  const data = useContext(FilingDataContext);
  if (!data) throw new Error("useFilingData outside <FilingDataContext.Provider>");
  return data;
}
