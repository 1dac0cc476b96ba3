// The account page's digest switch: a plain form per organisation, back to "My account".
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { readForm, str } from "../http/forms";
import { requireViewer } from "../http/guards";
import { setDigest } from "../actions/digest";

export const digestPages = new Hono<AppEnv>().post("/me/digest", async (c) => {
  const v = requireViewer(c);
  const form = await readForm(c);
  await setDigest(c.get("db"), c.get("t"), v, str(form, "orgId"), str(form, "on") === "true");
  return c.redirect("/me#digest", 303);
});
