// The database schema: the one source of truth for tables, read by drizzle-kit and the data layer.
export * from "./accounts";
export * from "./mail";
export * from "./reference";
export * from "./orgs";
export * from "./audit";
export * from "./calls";
export * from "./fx";
export * from "./applications";
export * from "./pledges";
export * from "./equity";
export * from "./trust";
export * from "./after-award";
export * from "./reviews";
export * from "./beyond-money";
export * from "./matching";
