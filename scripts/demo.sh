#!/usr/bin/env bash
# Installs everything, starts Kafka and Temporal, and runs the shipped demo reports through the whole
# pipeline on the embedded ClickHouse, printing the rows read back. `npm run demo` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
npx wirewatch services up
npx wirewatch demo
