import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url("NEXTAUTH_URL must be a full URL such as https://flowmatrix.example.com").optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  SIGNUPS_PER_HOUR: z.coerce
    .number()
    .int("SIGNUPS_PER_HOUR must be a whole number")
    .positive("SIGNUPS_PER_HOUR must be at least 1")
    .optional(),
  MUTATIONS_PER_MINUTE: z.coerce
    .number()
    .int("MUTATIONS_PER_MINUTE must be a whole number")
    .positive("MUTATIONS_PER_MINUTE must be at least 1")
    .optional(),
});

/**
 * The embedded mode must start with no configuration at all, so it keeps a random
 * secret next to its database. A server deployment has no such place and must set one.
 */
/** @param {string} pgliteDir */
function embeddedSecret(pgliteDir) {
  const file = resolve(dirname(resolve(pgliteDir)), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const env = parsed.data;
  if (!env.NEXTAUTH_SECRET) {
    if (env.DATABASE_URL && env.NODE_ENV === "production") {
      throw new Error("NEXTAUTH_SECRET is required when DATABASE_URL is set. Generate one with `openssl rand -base64 32`.");
    }
    env.NEXTAUTH_SECRET = embeddedSecret(env.PGLITE_DIR);
  }
  env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;
  // next-auth reads these from process.env itself.
  process.env.NEXTAUTH_URL ??= env.NEXTAUTH_URL;
  process.env.NEXTAUTH_SECRET ??= env.NEXTAUTH_SECRET;
  return { ...env, NEXTAUTH_SECRET: env.NEXTAUTH_SECRET, NEXTAUTH_URL: env.NEXTAUTH_URL };
}

export const env = load();
