#!/usr/bin/env bash
# Accessibility, cookie and no-third-party check of suoja's client and staff
# pages in headless Chromium (see a11y.mjs), then the hostile-content check
# of the counsellor's views (hostile.mjs, corpus in hostile-corpus.txt),
# then the live chat with its script on and off (chat.mjs), then every client
# page and flow in every client language (langs.mjs).
# Installs what is missing, then runs both (about four minutes on two busy
# cores; a screenshot of every page at 320 and 1280 px is left under
# target/browser-screenshots/):
#
#   tests/browser/run.sh [SUOJA_BIN]
#
# With no binary given (argument or SUOJA_BIN), `cargo build` makes
# target/debug/suoja first. Needs Debian's chromium (installed with apt-get
# when absent; needs root) and node with npm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

die() {
  echo "tests/browser/run.sh: $*" >&2
  exit 1
}

chromium_bin="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium_bin" ]]; then
  [[ "$chromium_bin" == /usr/bin/chromium ]] || die "CHROMIUM=$chromium_bin is not an executable file"
  command -v apt-get >/dev/null || die "/usr/bin/chromium is missing and there is no apt-get to install it"
  [[ "$(id -u)" -eq 0 ]] || die "/usr/bin/chromium is missing; install it as root: apt-get update && apt-get install -y chromium"
  echo "# installing Debian's chromium" >&2
  apt-get update >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2 || die "apt-get install -y chromium failed"
  [[ -x /usr/bin/chromium ]] || die "apt-get installed chromium but /usr/bin/chromium is still missing"
fi

command -v node >/dev/null || die "node is missing (Node.js 18 or later is needed)"
command -v npm >/dev/null || die "npm is missing"
if [[ ! -d "$here/node_modules" ]]; then
  echo "# npm ci in tests/browser" >&2
  (cd "$here" && npm ci --no-audit --no-fund >&2) || die "npm ci in tests/browser failed"
fi

if [[ $# -eq 0 && -z "${SUOJA_BIN:-}" ]]; then
  command -v cargo >/dev/null || die "no suoja binary given and no cargo to build target/debug/suoja"
  echo "# cargo build" >&2
  cargo build --bin suoja >&2 || die "cargo build failed"
fi

status=0
node "$here/a11y.mjs" "$@" || status=1
# Hostile client content in the counsellor's views (hostile.mjs): ~25 s.
node "$here/hostile.mjs" "$@" || status=1
# The live chat, script on and off, both ways, hostile content, axe in three
# languages, 320 px screenshots (chat.mjs): ~1 min.
node "$here/chat.mjs" "$@" || status=1
# Every client page and flow in all eleven client languages with JavaScript
# off: axe (WCAG 2.2 AA), lang and dir, focus not obscured, target size and
# reflow at 320 px; widths, 200 % zoom, forced colours and mirroring in fi,
# en and ar; the staff login's paste and password-manager support
# (langs.mjs, wcag22.mjs).
node "$here/langs.mjs" "$@" || status=1
# Client feedback: the rating form and its errors on the check page in all
# eleven client languages, rated with JavaScript off, the statistics page in
# fi, sv and en; axe and 320 px screenshots (feedback.mjs): ~1 min.
node "$here/feedback.mjs" "$@" || status=1
# The working day with JavaScript off: the queue's who filter, taking a
# case, canned replies and inserting one, axe and 320 px in fi, sv, en
# (tools.mjs): ~2 min.
node "$here/tools.mjs" "$@" || status=1
# Handing a case to another service with JavaScript off: the case page's
# section, the form with an error, the confirmation, the page after, in fi,
# sv and en; the client's check page after a hand-over in all eleven client
# languages; axe and 320 px screenshots (handover.mjs): ~1 min.
node "$here/handover.mjs" "$@" || status=1
# The service's promise: the check page in every client language and the
# admin's service form in fi, sv and en (promise.mjs): ~1 min.
node "$here/promise.mjs" "$@" || status=1
exit "$status"
