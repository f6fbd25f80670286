#!/usr/bin/env bash
# Installs everything, starts the real services the tests use, runs lint, typecheck and every test,
# and stops the services again, whatever the outcome. `npm run test:all` runs this.
set -uo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund || exit 1
npx wirewatch services up --with-clickhouse-server || { npx wirewatch services down; exit 1; }

status=0
npx turbo run typecheck || status=1
npx eslint . || status=1
npx vitest run || status=1

npx wirewatch services down || status=1
exit $status
