#!/usr/bin/env bash
# The whole suite: lint, format check, typecheck, unit + integration tests (PGlite, and the server when
# TEST_DATABASE_URL is set), production build, Playwright e2e. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json
status=0

step() { echo; echo "== $*"; }

step "lint"
npx eslint . || status=1

step "format"
npx prettier --check . || status=1

step "typecheck"
npx tsc --noEmit || status=1

step "unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=1

step "production build"
if npx next build; then
  rm -rf .data/e2e-pglite
  e2e_db=""
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    e2e_db="fm_e2e_$$_$RANDOM"
    E2E_SERVER_DATABASE_URL="$(node scripts/e2e-db.mjs create "$e2e_db")" || status=1
    export E2E_SERVER_DATABASE_URL
    DATABASE_URL="$E2E_SERVER_DATABASE_URL" npx tsx scripts/seed.ts || status=1
  fi
  step "end-to-end tests"
  npx playwright test || status=1
  [ -n "$e2e_db" ] && node scripts/e2e-db.mjs drop "$e2e_db"
else
  status=1
fi

echo
node scripts/summarize.mjs || status=1
exit $status
