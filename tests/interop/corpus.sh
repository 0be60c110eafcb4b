#!/usr/bin/env bash
# The program importer against the shared third-party corpus, by count: for
# every program file, the sessions hallway-cli imports are compared with the
# number Python's icalendar + recurring-ical-events (ICS) or the standard
# library (frab XML, schedule JSON, CSV) count in the same congress days.
# Differences must be listed, with their reason, in corpus_counts.py.
# Run by `make corpus-counts` (part of `make test`), which provides
# HALLWAY_CLI and PYTHON (the interop venv); CORPUS overrides where the
# corpus is (default: shared/corpus/calendars beside the clone).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cli=${HALLWAY_CLI:?set HALLWAY_CLI to the hallway-cli binary}
py=${PYTHON:?set PYTHON to the venv python that has icalendar and recurring-ical-events}
corpus=${CORPUS:-$here/../../../shared/corpus/calendars}

exec "$py" "$here/corpus_counts.py" --cli "$cli" --corpus "$corpus"
