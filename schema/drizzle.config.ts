// drizzle-kit configuration: generates SQL migrations into migrations/ for wrangler to apply.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./schema/index.ts",
  out: "./migrations",
});
