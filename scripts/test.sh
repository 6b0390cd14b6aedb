#!/usr/bin/env bash
# Every test recflow has, in the order that fails fastest: types, lint, unit, then the browser.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  npm ci
fi

echo "== typecheck" && npx tsc --noEmit
echo "== lint" && npx biome check .
echo "== unit" && npx vitest run
echo "== docs are current" && node bin/recflow.mjs docs --check
echo "== browser" && bash scripts/ensure-chromium.sh && npx playwright test
