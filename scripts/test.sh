#!/usr/bin/env bash
# Runs every test: installs what the tests need (PostgreSQL, Debian's aiosmtpd, Chromium, wrk for the benchmark smoke test),
# starts PostgreSQL with a test role, then `dotnet test` over the solution. Ends with one summary line.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set -e
cd "$repo_root"
started=$(date +%s)

# fonts-ipafont-gothic: Japanese glyphs in the browser tests' screenshots (phones have their own fonts).
ensure_packages postgresql python3-aiosmtpd chromium fonts-ipafont-gothic wrk
ensure_postgres_running
password="$(ensure_secret test-db-password)"
ensure_role ccc_test "$password" CREATEDB
export CCC_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Database=postgres;Username=ccc_test;Password=$password"
printf '%s' "$CCC_TEST_POSTGRES" >"$local_dir/test-postgres.conn"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$repo_root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
set +e
dotnet test CrossBorderConsumerCenter.sln --nologo -v:q \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# Each test project prints "Passed!  - Failed: 0, Passed: 55, Skipped: 0, Total: 55, ..."; add them up.
read -r passed failed skipped total projects < <(sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\), Total: *\([0-9]*\).*/\1 \2 \3 \4/p' "$results/console.log" \
  | awk '{f+=$1; p+=$2; s+=$3; t+=$4; n++} END {printf "%d %d %d %d %d\n", p, f, s, t, n}')
elapsed=$(( $(date +%s) - started ))
# A full run must hear from all three test projects; a filtered run (arguments given) may not.
expected_projects=3
[ $# -gt 0 ] && expected_projects=1
if [ "$status" -eq 0 ] && [ "$projects" -ge "$expected_projects" ]; then verdict="PASSED"; else verdict="FAILED"; status=$(( status == 0 ? 1 : status )); fi
echo "TESTS $verdict: $passed passed, $failed failed, $skipped skipped, $total total in $projects projects, $((elapsed / 60))m$((elapsed % 60))s"
exit "$status"
