#!/usr/bin/env bash
# Set up and start the app; a new database is filled with the demo portfolio on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
exec .venv/bin/python -m streamlit run app.py --browser.gatherUsageStats false "$@"
