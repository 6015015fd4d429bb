#!/usr/bin/env bash
# Runs every test: installs what the tests need (PostgreSQL, Debian's aiosmtpd and Dovecot, Chromium's headless shell, wrk for the benchmark smoke test,
# libfaketime), starts PostgreSQL with a test role, then `dotnet test` over the solution. Then the unit and integration tests
# run a second time under libfaketime, as if it were CCC_TEST_SHIFT_DAYS (default 800) days later: a test that depends on the
# day it runs fails there. One summary line per pass; the exit status is non-zero if either failed.
# Arguments are passed on to both passes' `dotnet test` (a filter, say); CCC_TEST_SHIFT_DAYS=0 skips the second pass.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set -e
cd "$repo_root"
started=$(date +%s)
shift_days="${CCC_TEST_SHIFT_DAYS:-800}"

# fonts-ipafont-gothic: Japanese glyphs in the browser tests' screenshots (phones have their own fonts), and the font the fax
# form's PDF is written in (FaxForm:FontFile). poppler-utils: pdftotext and pdfinfo, with which the tests read PDFs.
# dovecot-imapd: the real IMAP server the mailbox reader's tests start on loopback (Testing/Imap/ImapServer.cs), each with
# its own configuration, base directory and free ports: a system-wide Dovecot the package may start (143, 993) is never used.
ensure_packages postgresql python3-aiosmtpd dovecot-imapd chromium-headless-shell fonts-ipafont-gothic poppler-utils wrk faketime
ensure_postgres_running
password="$(ensure_secret test-db-password)"
ensure_role ccc_test "$password" CREATEDB
export CCC_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Database=postgres;Username=ccc_test;Password=$password"
printf '%s' "$CCC_TEST_POSTGRES" >"$local_dir/test-postgres.conn"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1

results="$repo_root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# summarize LOG STATUS EXPECTED_PROJECTS LABEL SECONDS : prints the pass's line; returns its status.
# Each test project prints "Passed!  - Failed: 0, Passed: 55, Skipped: 0, Total: 55, ..."; they are added up.
summarize() {
  local log="$1" status="$2" expected="$3" label="$4" seconds="$5" passed failed skipped total projects verdict
  read -r passed failed skipped total projects < <(sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\), Total: *\([0-9]*\).*/\1 \2 \3 \4/p' "$log" \
    | awk '{f+=$1; p+=$2; s+=$3; t+=$4; n++} END {printf "%d %d %d %d %d\n", p, f, s, t, n}')
  if [ "$status" -eq 0 ] && [ "$projects" -ge "$expected" ]; then verdict="PASSED"; else verdict="FAILED"; status=$(( status == 0 ? 1 : status )); fi
  echo "TESTS $verdict$label: $passed passed, $failed failed, $skipped skipped, $total total in $projects projects, $((seconds / 60))m$((seconds % 60))s"
  return "$status"
}
# A full run must hear from every test project it ran; a filtered run (arguments given) may match none in a project.
expected_now=3 expected_shifted=2
[ $# -gt 0 ] && expected_now=1 expected_shifted=0

set +e
dotnet test CrossBorderConsumerCenter.sln --nologo -v:q \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
now_pass=$(summarize "$results/console.log" "$status" "$expected_now" "" $(( $(date +%s) - started )))
status=$?

shift_status=0
shift_pass=""
if [ "$shift_days" -gt 0 ]; then
  # The projects were just built; under the shifted clock nothing is built or restored (TLS certificates and file
  # times would look strange 800 days on). PostgreSQL keeps the real time, as a database server would.
  shifted_to=$(date -u -d "+$shift_days days" +%F)
  shift_started=$(date +%s)
  shift_log="$results/console-shifted.log"
  : >"$shift_log"
  # Classes that prove something no date can change leave the shifted pass, to keep CI within its time (unless a filter
  # was given): the benchmark tools' smoke run (a data set, the portal and its baseline driven by wrk; about a minute),
  # the authorization matrix (every protected route for every kind of visitor; about a minute), the schema against the
  # migrations, the IMAP reader's outages (real timers and a server stopped and started), and the hostile corpus (every
  # field of every form with a few hundred strings; the text, not the day, is its subject). None reads a clock.
  shift_args=("$@")
  excluded=(Performance.BenchmarkToolsTests Accounts.AuthorizationMatrixTests Foundation.SchemaDriftTests Inbound.ImapOutageTests Security.HostileCorpus.HostileCorpusTests)
  filter=""
  for class in "${excluded[@]}"; do filter+="${filter:+&}FullyQualifiedName!~CrossBorderConsumerCenter.IntegrationTests.$class"; done
  [ $# -eq 0 ] && shift_args=(--filter "$filter")
  for project in tests/CrossBorderConsumerCenter.UnitTests tests/CrossBorderConsumerCenter.IntegrationTests; do
    CCC_TEST_SHIFTED_TO="$shifted_to" faketime -f "+${shift_days}d" \
      dotnet test "$project" --no-build --no-restore --nologo -v:q \
      --logger "trx;LogFilePrefix=shifted" --logger "console;verbosity=minimal" --results-directory "$results/shifted" "${shift_args[@]}" 2>&1 | tee -a "$shift_log"
    project_status=${PIPESTATUS[0]}
    [ "$project_status" -ne 0 ] && shift_status=$project_status
  done
  shift_pass=$(summarize "$shift_log" "$shift_status" "$expected_shifted" " ($shift_days days ahead, as if on $shifted_to)" $(( $(date +%s) - shift_started )))
  shift_status=$?
fi
set -e

elapsed=$(( $(date +%s) - started ))
echo "$now_pass"
[ -n "$shift_pass" ] && echo "$shift_pass"
echo "Whole run: $((elapsed / 60))m$((elapsed % 60))s"
[ "$status" -ne 0 ] && exit "$status"
exit "$shift_status"
