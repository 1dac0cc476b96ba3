export declare const startStripeStub: () => Promise<{ url: string; close: () => Promise<void> }>;
