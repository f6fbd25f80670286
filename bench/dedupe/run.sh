#!/usr/bin/env bash
# MinHash/LSH syndication detection: wirewatch's StoryIndex fingerprints vs datasketch, on the same
# synthetic wire stream, shingles and parameters. Creates its own Python venv (git-ignored) on first run.
# Usage: bash bench/dedupe/run.sh [originals]   (from anywhere inside the repository)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.wirewatch/bench-venv"
DATASKETCH_VERSION="2.0.0"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c "import datasketch" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "datasketch==$DATASKETCH_VERSION"
fi
cd "$ROOT"
exec npx tsx bench/dedupe/bench.ts "${1:-4000}" "$VENV/bin/python" "$DATASKETCH_VERSION"
