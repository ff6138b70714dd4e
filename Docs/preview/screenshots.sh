#!/usr/bin/env bash
# Renders every golden preview page (Tests/SyndicatePreviewTests/__Goldens__/preview-*.html) to a
# PNG beside this script, light and dark, with headless Chromium (SYNDICATE_CHROMIUM, else
# chromium on PATH). Host names resolve to nothing, so remote images show as broken, as in the
# browser test. Run after re-recording the goldens: bash Docs/preview/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
browser="${SYNDICATE_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [ -z "$browser" ]; then
  echo "screenshots.sh: no Chromium found; install it (apt-get install chromium) or set SYNDICATE_CHROMIUM." >&2
  exit 1
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for page in Tests/SyndicatePreviewTests/__Goldens__/preview-*.html; do
  name="$(basename "$page" .html)"
  for scheme in light dark; do
    flags=(--virtual-time-budget=3000)
    [ "$scheme" = dark ] && flags+=(--force-dark-mode)
    "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run \
      --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile" --window-size=1000,2400 \
      "${flags[@]}" --screenshot="Docs/preview/$name-$scheme.png" "file://$PWD/$page" 2>/dev/null
    echo "Docs/preview/$name-$scheme.png"
  done
done
