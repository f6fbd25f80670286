#!/usr/bin/env bash
# Installs everything, starts the real services the tests use, runs lint, typecheck and every test,
# and stops the services again, whatever the outcome. `npm run test:all` runs this.
set -uo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund || exit 1
# The dashboard's browser tests drive Debian's Chromium through playwright-core (no browser download).
if [ ! -x /usr/bin/chromium ]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } || exit 1
fi
npx wirewatch services up --with-clickhouse-server || { npx wirewatch services down; exit 1; }

status=0
npx turbo run typecheck || status=1
npx eslint . || status=1
npx vitest run || status=1

npx wirewatch services down || status=1
exit $status
