#!/usr/bin/env bash
# Refreshes the dashboard screenshots in docs/ from the browser test, which saves them under
# .wirewatch/screenshots on every run. Needs the local services (`npx wirewatch services up`).
set -euo pipefail
cd "$(dirname "$0")/.."
npx vitest run tests/dashboard.test.ts
cp .wirewatch/screenshots/dashboard-*.png docs/
echo "docs/dashboard-*.png updated"
