// vitest globalSetup: one Stripe stub for the whole run; its URL reaches the tests through provide/inject.
import type { TestProject } from "vitest/node";
import { startStripeStub } from "../stripe-stub/server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    stripeApiBase: string;
  }
}

export default async function setup(project: TestProject) {
  const stub = await startStripeStub();
  project.provide("stripeApiBase", stub.url);
  return stub.close;
}
