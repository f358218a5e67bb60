import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM } from "./e2e/chromium";

/**
 * One production build, served twice when a real server is available: on the embedded
 * database (always) and on a freshly created Postgres database (E2E_SERVER_DATABASE_URL,
 * prepared and dropped again by scripts/test.sh).
 */
const serverDatabaseUrl = process.env.E2E_SERVER_DATABASE_URL;
/** Two checkouts can run their suites side by side on one machine with different E2E_PORT values. */
const basePort = Number(process.env.E2E_PORT ?? 3210);

const targets: { name: string; port: number; env: Record<string, string> }[] = [
  { name: "embedded", port: basePort, env: { PGLITE_DIR: ".data/e2e-pglite" } },
  ...(serverDatabaseUrl
    ? [
        {
          name: "server",
          port: basePort + 1,
          env: { DATABASE_URL: serverDatabaseUrl, NEXTAUTH_SECRET: "e2e-only-secret-not-for-production" },
        },
      ]
    : []),
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...CHROMIUM,
    },
  },
  projects: targets.map((t) => ({ name: t.name, use: { baseURL: `http://localhost:${t.port}` } })),
  webServer: targets.map((t) => ({
    command: `npx next start -p ${t.port}`,
    // The health route touches the database, so the server counts as up only once PGlite has started.
    url: `http://localhost:${t.port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    // Every test signs up its own people from this one machine's address.
    env: { ...t.env, PORT: String(t.port), NEXT_TELEMETRY_DISABLED: "1", SIGNUPS_PER_HOUR: "100000" },
  })),
});
