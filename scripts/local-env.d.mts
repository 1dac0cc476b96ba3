// Types for local-env.mjs (plain JavaScript so `npm start` needs no TypeScript loader).
export declare const root: string;
export declare const stateDir: string;
export declare const port: number;
export declare const varsFile: string;
export declare const wranglerEnv: Record<string, string>;
export declare const ensureDevVars: () => Record<string, string>;
export declare const STRIPE_VARS: string[];
export declare const devEnvFiles: () => { files: string[]; stripe: boolean; webhooks: boolean };
