// The database schema, one module per feature; drizzle-kit reads them all through this index.
export * from "./applications";
export * from "./appointments";
export * from "./complaints";
export * from "./meta";
export * from "./open311";
export * from "./point-calendar";
export * from "./staff";
export * from "./sweeps";
