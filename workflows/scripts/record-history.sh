#!/usr/bin/env bash
# Saves the history of a finished workflow run as a JSON fixture for tests/replay.test.ts, which replays
# every fixture against the current workflow code to catch non-determinism before it reaches a live run.
#
#   workflows/scripts/record-history.sh <workflow-id> <fixture-name> [temporal-address] [run-id]
#
# Without a run id it saves the latest run; name an earlier one to keep, say, a run that continued as new.
set -euo pipefail
cd "$(dirname "$0")/../.."
id=${1:?workflow id}; name=${2:?fixture name}; address=${3:-localhost:7233}; run=${4:-}
temporal=.wirewatch/temporal/venv/bin/temporal
"$temporal" workflow show --address "$address" --workflow-id "$id" ${run:+--run-id "$run"} --output json > "workflows/histories/$name.json"
echo "wrote workflows/histories/$name.json"
