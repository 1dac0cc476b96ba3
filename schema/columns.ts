// Column helpers shared by every table: ids, UTC timestamps as ISO text, booleans as 0/1.
import { integer, text } from "drizzle-orm/sqlite-core";

/** ISO 8601 UTC timestamp stored as text so it sorts and reads the same in SQL and JSON. */
export const timestamp = (name: string) => text(name);

export const createdAt = () => text("created_at").notNull();
export const updatedAt = () => text("updated_at").notNull();

export const bool = (name: string) => integer(name, { mode: "boolean" });
