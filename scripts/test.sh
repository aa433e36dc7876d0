#!/usr/bin/env bash
# Set up and run every test: unit, SQL, page (AppTest) and browser tests (Chromium).
# Chromium comes from Debian's package (Playwright's own browser download is not used);
# when it cannot be installed, browser tests skip on a laptop but fail under CI=true.
# The same holds for PostgreSQL and the shared-store tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || echo "warning: could not install chromium" >&2
fi
# PostgreSQL (Debian's server) for the shared-store tests: the tests start their own
# server in a temporary folder, as the `postgres` user when run as root.
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
        && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing PostgreSQL for the shared-store tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
        || echo "warning: could not install postgresql" >&2
fi
exec .venv/bin/python -m pytest "$@"
