import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { NoticeSchema, PageSchema, RegulationSchema } from "./lib/content-schemas";

/**
 * Editors change `content/`; the schemas reject a file with a missing or wrong field, and the build
 * fails naming the file and the field. CONTENT_DIR lets the build test point at a broken copy.
 */
const root = process.env.CONTENT_DIR ?? "./content";

export const collections = {
  notices: defineCollection({ loader: glob({ pattern: "*.md", base: `${root}/notices` }), schema: NoticeSchema }),
  regulations: defineCollection({
    loader: glob({ pattern: "*.md", base: `${root}/regulations` }),
    schema: RegulationSchema,
  }),
  pages: defineCollection({ loader: glob({ pattern: "*.md", base: `${root}/pages` }), schema: PageSchema }),
};
