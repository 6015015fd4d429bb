#!/usr/bin/env bash
# The benchmark, in one run (docs/performance.md, ADR 0050): builds Release, creates or reuses the database
# ccc_bench_<cases> filled by the data generator (bench/CrossBorderConsumerCenter.DataGeneration), starts the
# portal (Production settings, HTTP on loopback, the email sender off) and the raw baseline
# (bench/CrossBorderConsumerCenter.Baseline), signs a staff user in,
# and drives both with wrk at a fixed number of connections, alternating portal and baseline runs
# (A B A B ...). Prints, and writes to artifacts/bench/, a table of medians: requests/s, p50, p95, p99,
# peak and end-of-run working set, and the portal's ratios to the baseline.
#
#   bash bench/run.sh                          # 1,000,000 cases, 16 connections, 10 s runs, 3 pairs
#   bash bench/run.sh --cases 10000 --duration 5
#   bash bench/run.sh --write-docs             # also replace this data size's table in docs/performance.md, plans in bench/plans/
#   bash bench/run.sh --smoke                  # a tiny data set, 1 s runs, one pair: proves it all still works
#
# Options: --cases N --seed S --duration SECONDS --pairs P --connections C --only "scenario ..." --write-docs
#          --smoke --no-build --configuration Debug|Release
# Environment: BENCH_PORTAL_ENV="NAME=value ..." passes runtime settings to the portal only.
# PostgreSQL: the local cluster with a ccc_bench role (created here), unless PGHOST/PGUSER/PGPASSWORD are
# set, in which case that role (with CREATEDB) is used and nothing is installed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$repo_root"

cases=1000000 seed=1 duration=10 pairs=3 connections=16 warmup=3 smoke=0 build=1 configuration=Release write_docs=0 only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases="$2"; shift ;;
    --seed) seed="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --pairs) pairs="$2"; shift ;;
    --connections) connections="$2"; shift ;;
    --only) only="$2"; shift ;;
    --write-docs) write_docs=1 ;;
    --smoke) smoke=1 cases=300 duration=1 pairs=1 connections=2 warmup=0 ;;
    --no-build) build=0 ;;
    --configuration) configuration="$2"; shift ;;
    *) echo "Unknown option $1 (see the comment at the top of bench/run.sh)" >&2; exit 2 ;;
  esac
  shift
done

work="$(mktemp -d /tmp/ccc-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || ensure_packages wrk
if [ -z "${PGUSER:-}" ]; then
  ensure_packages postgresql
  ensure_postgres_running
  password="$(ensure_secret bench-db-password)"
  ensure_role ccc_bench "$password" CREATEDB
  export PGHOST=127.0.0.1 PGUSER=ccc_bench PGPASSWORD="$password"
fi
export PGPORT="${PGPORT:-5432}" PGDATABASE=postgres PGOPTIONS="-c client_min_messages=warning"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

web_dll="$repo_root/src/CrossBorderConsumerCenter.Web/bin/$configuration/net10.0/CrossBorderConsumerCenter.Web.dll"
# As an operator runs it (scripts/run.sh): the content root holds appsettings.json (logging!), wwwroot and Content.
portal() { dotnet "$web_dll" --contentRoot "$repo_root/src/CrossBorderConsumerCenter.Web" "$@"; }
baseline_dll="$repo_root/bench/CrossBorderConsumerCenter.Baseline/bin/$configuration/net10.0/CrossBorderConsumerCenter.Baseline.dll"
# The data generator reads the database from ConnectionStrings__Default, as the portal does.
generator() { dotnet "$repo_root/bench/CrossBorderConsumerCenter.DataGeneration/bin/$configuration/net10.0/CrossBorderConsumerCenter.DataGeneration.dll" "$@"; }
if [ "$build" -eq 1 ]; then
  say "Building ($configuration)"
  dotnet build src/CrossBorderConsumerCenter.Web -c "$configuration" -nologo -clp:ErrorsOnly -v:q
  dotnet build bench/CrossBorderConsumerCenter.Baseline -c "$configuration" -nologo -clp:ErrorsOnly -v:q
  dotnet build bench/CrossBorderConsumerCenter.DataGeneration -c "$configuration" -nologo -clp:ErrorsOnly -v:q
fi

# The data set: ccc_bench_<N> survives between runs (a smoke run uses a throw-away one).
db="ccc_bench_$cases"
[ "$smoke" -eq 1 ] && db="ccc_bench_smoke_$$"
export ConnectionStrings__Default="Host=$PGHOST;Port=$PGPORT;Database=$db;Username=$PGUSER;Password=$PGPASSWORD"
export ASPNETCORE_ENVIRONMENT=Production Portal__EnforceHttps=false Email__Outbox__Enabled=false \
  Smtp__FromAddress=no-reply@ccj.bench Smtp__PickupDirectory="$work/mail" Portal__BaseUrl="http://127.0.0.1/" \
  Center__Email=consult@ccj.bench
sql() { PGDATABASE="$db" psql -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
if ! psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  psql -qc "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"
fi
portal migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; exit 1; }
have="$(sql "SELECT count(*) FROM cases")"
if [ "$have" -lt "$cases" ]; then
  [ "$have" -eq 0 ] || { echo "$db has $have cases, fewer than $cases: drop it (DROP DATABASE $db) and run again." >&2; exit 1; }
  say "Generating $cases cases (seed $seed) into $db"
  generator --cases "$cases" --seed "$seed"
fi
# Cases the intake scenario adds (bench/lua/intake.lua writes as taro<n>@example.jp) come after this moment.
generated_until="$(sql "SELECT max(received_at) FROM cases WHERE consumer_email NOT LIKE 'taro%@example.jp'")"

# Staff user for the staff pages: an admin made by create-admin for each run (a kept password goes stale when the data
# set is generated again or another checkout ran the benchmark on it).
secret="$work/bench-admin"
sql "DELETE FROM user_roles WHERE user_id IN (SELECT id FROM users WHERE email = 'bench@ccj.bench'); DELETE FROM users WHERE email = 'bench@ccj.bench'" >/dev/null
portal create-admin --email bench@ccj.bench --name "Benchmark" | sed -n 's/^Password (shown only now): //p' >"$secret"
# The password create-admin prints is temporary (its owner chooses their own at the first sign-in); the benchmark's own
# account of a throwaway data set keeps it, so that its requests measure the pages and not the password page.
sql "UPDATE users SET must_change_password = false WHERE email = 'bench@ccj.bench'" >/dev/null
# Admins sign in in two steps (docs/adr/0094): the throwaway account gets a fixed authenticator key, and the code is made
# here as an app makes it (RFC 6238: HMAC-SHA1 of the 30-second step, dynamic truncation, six digits).
totp_key_hex=3132333435363738393031323334353637383930 # base32: GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
sql "INSERT INTO user_tokens (user_id, login_provider, name, value)
       SELECT id, '[AspNetUserStore]', 'AuthenticatorKey', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' FROM users WHERE email = 'bench@ccj.bench';
     UPDATE users SET two_factor_enabled = true WHERE email = 'bench@ccj.bench'" >/dev/null
authenticator_code() {
  local step mac offset
  step="$(printf '%016x' $(( $(date +%s) / 30 )))"
  mac="$(printf "$(printf '%s' "$step" | sed 's/../\\x&/g')" | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$totp_key_hex" | awk '{print $NF}')"
  offset=$(( 16#${mac:39:1} * 2 ))
  printf '%06d' $(( (16#${mac:offset:8} & 0x7fffffff) % 1000000 ))
}

port_portal=$(( 20000 + RANDOM % 10000 )) port_baseline=$(( 30000 + RANDOM % 10000 ))
# BENCH_PORTAL_ENV: extra settings for the portal only, e.g. "DOTNET_gcServer=0" to compare runtime options.
env ${BENCH_PORTAL_ENV:-} dotnet "$web_dll" --contentRoot "$repo_root/src/CrossBorderConsumerCenter.Web" --urls "http://127.0.0.1:$port_portal" >"$work/portal.log" 2>&1 &
portal_pid=$!; pids+=("$portal_pid")
dotnet "$baseline_dll" --urls "http://127.0.0.1:$port_baseline" >"$work/baseline.log" 2>&1 &
baseline_pid=$!; pids+=("$baseline_pid")
for port in "$port_portal" "$port_baseline"; do
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || { cat "$work/portal.log" "$work/baseline.log" >&2; exit 1; }
done

# Sign in like a browser: the page's antiforgery token and cookie, then the session cookie.
jar="$work/staff.jar"
token="$(curl -fsS -c "$jar" "http://127.0.0.1:$port_portal/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"
curl -fsS -o /dev/null -b "$jar" -c "$jar" "http://127.0.0.1:$port_portal/account/sign-in" \
  --data-urlencode "Email=bench@ccj.bench" --data-urlencode "Password=$(cat "$secret")" --data-urlencode "__RequestVerificationToken=$token"
curl -fsS -o /dev/null -b "$jar" -c "$jar" "http://127.0.0.1:$port_portal/account/sign-in/code" \
  --data-urlencode "Code=$(authenticator_code)" --data-urlencode "__RequestVerificationToken=$token"
# curl writes HttpOnly cookies (all of ours) as comment-like "#HttpOnly_host" lines.
staff_cookie="$(awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")"

# Each browser of the intake keeps its antiforgery cookie (see bench/lua/intake.lua).
antiforgery_cookies() {
  local port="$1" out="" i
  for i in $(seq 1 "$connections"); do
    curl -fsS -c "$work/af.jar" -o /dev/null "http://127.0.0.1:$port/complaint/consent"
    out="$out $(awk '$6 == "ccc.af" {print $6 "=" $7}' "$work/af.jar")"
    rm -f "$work/af.jar"
  done
  echo "$out"
}
af_portal="$(antiforgery_cookies "$port_portal")"
af_baseline="$(antiforgery_cookies "$port_baseline")"

# Intake runs add cases: remove them after each run so every run (and the next benchmark) sees the same data.
remove_intake_cases() {
  sleep 1 # submits still in flight when wrk stopped
  sql "WITH added AS (SELECT id FROM cases WHERE received_at > '$generated_until'),
         emails AS (DELETE FROM outbound_emails WHERE case_id IN (SELECT id FROM added))
       DELETE FROM cases WHERE id IN (SELECT id FROM added);
       DELETE FROM intake_drafts;
       UPDATE case_number_counters k SET last_sequence = coalesce((SELECT max(substring(number FROM 10)::int) FROM cases WHERE number LIKE 'CCJ-' || k.year || '-%'), 0);" >/dev/null
  sql "VACUUM ANALYZE cases" >/dev/null
}
remove_intake_cases

# Scenarios: name|path. Staff pages need the session cookie; the baseline serves the same paths.
scenarios=(
  "home|/"
  "intake|/complaint/consent"
)
# 200: drive it; 404: a build without that page; anything else (the sign-in failed, an error) stops the benchmark.
staff_page() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $staff_cookie" "http://127.0.0.1:$port_portal$1")"
  [ "$code" = 200 ] && return 0
  [ "$code" = 404 ] && return 1
  echo "GET $1 as bench@ccj.bench answered HTTP $code (sign-in failed, or the page fails): see the portal's log" >&2
  tail -n 20 "$work/portal.log" >&2
  exit 1
}
if staff_page /staff/cases; then
  source "$repo_root/bench/queue-scenarios.sh"
else
  say "The staff queue is not in this build: its scenarios are skipped"
fi
# The case page of a case in progress with evidence: every part of the page has rows.
case_number="$(sql "SELECT number FROM cases c WHERE status = 'InProgress' AND EXISTS (SELECT 1 FROM case_evidence e WHERE e.case_id = c.id) ORDER BY number DESC LIMIT 1")"
if [ -n "$case_number" ] && staff_page "/staff/cases/$case_number"; then
  scenarios+=("case-page|/staff/cases/$case_number")
else
  say "The case page is not in this build (or no case qualifies): its scenario is skipped"
fi

# The statistics page for the last fiscal year that has ended (April to March, in Japan): about a quarter of the cases.
today_jst="$(TZ=Asia/Tokyo date +%Y-%m)"
fiscal_year=$(( ${today_jst%-*} - (10#${today_jst#*-} < 4 ? 2 : 1) ))
if staff_page "/staff/statistics?period=year&year=$fiscal_year"; then
  scenarios+=("statistics|/staff/statistics?period=year&year=$fiscal_year")
else
  say "The statistics page is not in this build: its scenario is skipped"
fi

results="$work/results.tsv"
: >"$results"
run_wrk() { # system port scenario path -> one line in results.tsv
  local system="$1" port="$2" name="$3" path="$4" pid threads=2 script="$repo_root/bench/lua/report.lua" cookie="$staff_cookie" af=""
  pid=$([ "$system" = portal ] && echo "$portal_pid" || echo "$baseline_pid")
  if [ "$name" = intake ]; then
    threads="$connections" script="$repo_root/bench/lua/intake.lua" cookie=""
    af=$([ "$system" = portal ] && echo "$af_portal" || echo "$af_baseline")
  fi
  echo 5 >"/proc/$pid/clear_refs" 2>/dev/null || true   # resets VmHWM: the peak of this run only
  local out
  out="$(BENCH_LUA_DIR="$repo_root/bench/lua" BENCH_COOKIE="$cookie" BENCH_AF_COOKIES="$af" \
    wrk -t"$threads" -c"$connections" -d"${5}s" --timeout 10s -s "$script" "http://127.0.0.1:$port$path")"
  local hwm rss
  hwm="$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")"
  rss="$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")"
  if [ "$name" = intake ]; then remove_intake_cases; fi
  [ "$6" = record ] || return 0
  echo "$out" | awk -v s="$system" -v n="$name" -v hwm="$hwm" -v rss="$rss" '
    /^CASES/ { split($3, c, "="); cps = c[2] }
    /^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
      printf "%s\t%s\t%.1f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", n, s, r["requests"] / r["seconds"], r["p50_ms"], r["p95_ms"], r["p99_ms"], hwm, rss, r["errors"], (cps == "" ? "-" : cps) }' >>"$results"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "Driving $((${#scenarios[@]})) scenarios: ${pairs} pairs of ${duration}s runs at $connections connections"
for entry in "${scenarios[@]}"; do
  name="${entry%%|*}" path="${entry#*|}"
  if [ -n "$only" ] && ! [[ " $only " == *" $name "* ]]; then continue; fi
  for system in portal baseline; do
    port=$([ "$system" = portal ] && echo "$port_portal" || echo "$port_baseline")
    if [ "$name" != intake ]; then
      status="$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: $staff_cookie" "http://127.0.0.1:$port$path")"
      [ "$status" = 200 ] || { echo "FAILED: $system $name $path answered $status" >&2; exit 1; }
      printf '%s\t%s\t%s\n' "$name" "$system" "$(wc -c <"$work/page.html")" >>"$work/sizes.tsv"
    fi
    [ "$warmup" -gt 0 ] && run_wrk "$system" "$port" "$name" "$path" "$warmup" warmup
  done
  for pair in $(seq 1 "$pairs"); do
    run_wrk portal "$port_portal" "$name" "$path" "$duration" record
    run_wrk baseline "$port_baseline" "$name" "$path" "$duration" record
  done
done

# Medians per scenario and system, then the portal's ratios to the baseline.
summary="$work/summary.md"
{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM,"
  echo "load average before $load_before; PostgreSQL $(psql -tAc 'SHOW server_version' | cut -d' ' -f1), .NET $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}');"
  echo "$(sql "SELECT count(*) FROM cases") cases, $(sql "SELECT count(*) FROM case_events") timeline events, database $(sql "SELECT pg_size_pretty(pg_database_size(current_database()))");"
  echo "$connections connections, ${duration} s per run, medians of $pairs portal/baseline pairs run alternately."
  echo
  echo "| scenario | system | req/s | p50 ms | p95 ms | p99 ms | peak WS MB | end WS MB | errors | cases/s | req/s ÷ baseline | p99 ÷ baseline | WS ÷ baseline |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '
    function median(key, col,   n, i, j, t, v) { n = split(vals[key, col], v, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }; return v[int((n + 1) / 2)] }
    { key = $1 SUBSEP $2; if (!(key in seen)) { seen[key] = 1; order[++count] = key }; for (c = 3; c <= 10; c++) vals[key, c] = vals[key, c] " " $c; errs[key] += $9 }
    END {
      for (i = 1; i <= count; i++) {
        split(order[i], k, SUBSEP); base = k[1] SUBSEP "baseline"
        ratio = k[2] == "portal" && (base in seen) ? sprintf("%.2f | %.2f | %.2f", median(order[i], 3) / median(base, 3), median(order[i], 6) / median(base, 6), median(order[i], 8) / median(base, 8)) : " | | "
        printf "| %s | %s | %.0f | %.1f | %.1f | %.1f | %s | %s | %d | %s | %s |\n", k[1], k[2], median(order[i], 3), median(order[i], 4), median(order[i], 5), median(order[i], 6), median(order[i], 7), median(order[i], 8), errs[order[i]], median(order[i], 10), ratio
      }
    }' "$results"
  echo
  echo "Page sizes (bytes): $(awk -F'\t' '{printf "%s%s %s %s", sep, $1, $2, $3; sep="; "}' "$work/sizes.tsv" 2>/dev/null)"
} >"$summary"
plans_file="$work/queue-queries-$cases-cases-$(date -u +%F).md"
[ -f "$repo_root/bench/explain.sh" ] && [ "$smoke" -eq 0 ] && source "$repo_root/bench/explain.sh" >>"$summary"
cat "$summary"

mkdir -p "$repo_root/artifacts/bench"
cp "$summary" "$repo_root/artifacts/bench/results-$cases.md"
cp "$results" "$repo_root/artifacts/bench/runs-$cases.tsv"
[ -f "$plans_file" ] && cp "$plans_file" "$repo_root/artifacts/bench/"
if [ "$write_docs" -eq 1 ]; then
  doc="$repo_root/docs/performance.md"
  start="<!-- bench results $cases: written by bench/run.sh --write-docs -->" end="<!-- end bench results $cases -->"
  grep -qF "$start" "$doc" || printf '\n%s\n%s\n' "$start" "$end" >>"$doc"
  awk -v start="$start" -v end="$end" -v file="$summary" '
    $0 == start { print; while ((getline line < file) > 0) print line; skip = 1; next }
    $0 == end { skip = 0 }
    !skip' "$doc" >"$work/doc.md" && cp "$work/doc.md" "$doc"
  [ -f "$plans_file" ] && cp "$plans_file" "$repo_root/bench/plans/"
  say "Wrote the $cases-case table into docs/performance.md and its query plans into bench/plans/"
fi

errors="$(awk -F'\t' '{s += $9} END {print s + 0}' "$results")"
if [ "$smoke" -eq 1 ]; then
  psql -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  rm -f "$secret"
fi
[ "$errors" -eq 0 ] || { echo "FAILED: $errors failed requests (see the errors column)" >&2; exit 1; }
echo "BENCH OK"
