// Runtime configuration, read once from the environment. Every knob has a safe default for `npm start`.
import path from 'node:path';

export type Config = {
  host: string;
  port: number;
  /** Where the embedded PostgreSQL keeps its cluster (ignored when databaseUrl is set). */
  dataDir: string;
  /** An external PostgreSQL ≥ 15; when unset the embedded server is started in dataDir. */
  databaseUrl: string | undefined;
  logLevel: string;
  /** Login attempts allowed per account and client address per window. */
  loginRateLimit: { max: number; windowMs: number };
  sessionTtlHours: number;
  /** Cookies get the Secure flag when the platform is served over HTTPS (behind a TLS proxy). */
  secureCookies: boolean;
  bodyLimitBytes: number;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '0.0.0.0',
    port: integer(env.PORT, 3000),
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    loginRateLimit: { max: integer(env.LOGIN_RATE_LIMIT_MAX, 10), windowMs: integer(env.LOGIN_RATE_LIMIT_WINDOW_MS, 60_000) },
    sessionTtlHours: integer(env.SESSION_TTL_HOURS, 12),
    secureCookies: env.SECURE_COOKIES === 'true',
    bodyLimitBytes: integer(env.BODY_LIMIT_BYTES, 1_048_576),
  };
}

function integer(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`expected a non-negative integer, got "${raw}"`);
  return value;
}
