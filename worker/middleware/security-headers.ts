// Security headers on every response: a strict CSP (no inline script or style), no framing, no sniffing,
// and HSTS outside local development.
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../env";
import { isLocalDev } from "./session";

const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    formAction: ["'self'", "https://checkout.stripe.com"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  strictTransportSecurity: false,
  referrerPolicy: "strict-origin-when-cross-origin",
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  crossOriginEmbedderPolicy: false,
  xFrameOptions: "DENY",
});

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await headers(c, async () => {
    await next();
  });
  if (!isLocalDev(c)) c.res.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
});
