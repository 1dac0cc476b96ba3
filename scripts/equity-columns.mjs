// The flow columns both equity rollups count (schema/equity.ts), in the order their migrations write them.
export const FLOW_COLUMNS = [
  "events",
  "awards",
  "amount",
  "core",
  "unconverted",
  "applications",
  "awarded",
  "decided",
  "pledged",
  "payments",
];
