#!/usr/bin/env bash
# Measures the staff queue's queries at a million cases (docs/performance-queue.md). Not a test: it prints
# EXPLAIN (ANALYZE, BUFFERS) for the queries the queue runs, as EF Core sends them (scripts/bench-queue/queries/,
# values filled in). It builds a scratch database (migrated like production), fills it with generated cases
# (scripts/bench-queue/generate.sql), then runs each query twice to warm the cache and three times explained.
#
#   bash scripts/bench-queue.sh              # 1,000,000 cases (about ten minutes on 2 cores), then the queries
#   CASES=100000 bash scripts/bench-queue.sh
#   SKIP_GENERATE=1 bash scripts/bench-queue.sh   # queries only, on the database left by a previous run
#   HTTP=1 SKIP_GENERATE=1 bash scripts/bench-queue.sh   # also whole pages over HTTP (Release build)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

cases="${CASES:-1000000}"
database="ccc_queue_bench"
project="src/CrossBorderConsumerCenter.Web"

ensure_packages postgresql
ensure_postgres_running
password="$(ensure_secret test-db-password)"
ensure_role ccc_test "$password" CREATEDB
export PGHOST=127.0.0.1 PGUSER=ccc_test PGPASSWORD="$password" PGOPTIONS="-c client_min_messages=warning"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -z "${SKIP_GENERATE:-}" ]; then
  say "Building"
  dotnet build "$project" -nologo -clp:ErrorsOnly -v:q
  say "Creating $database and applying the migrations"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database ENCODING 'UTF8' TEMPLATE template0"
  ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=$database;Username=ccc_test;Password=$password" \
    Portal__BaseUrl="http://127.0.0.1/" Smtp__FromAddress="bench@ccj.test" Smtp__ReplyToAddress="bench@ccj.test" \
    Smtp__PickupDirectory="$local_dir/bench-mail" Serilog__MinimumLevel__Default=Warning \
    dotnet "$project/bin/Debug/net10.0/CrossBorderConsumerCenter.Web.dll" migrate

  # A bulk load builds the indexes once at the end, as a restore would; they are the migrations' own definitions.
  say "Generating $cases cases"
  psql -d "$database" -qAtc "SELECT indexdef || ';' FROM pg_indexes WHERE tablename = 'cases' AND indexname <> 'pk_cases'" >"$local_dir/bench-queue-indexes.sql"
  psql -d "$database" -qAtc "SELECT 'DROP INDEX ' || indexname || ';' FROM pg_indexes WHERE tablename = 'cases' AND indexname <> 'pk_cases'" | psql -d "$database" -q
  started=$(date +%s)
  psql -d "$database" -q -v cases="$cases" -f scripts/bench-queue/generate.sql
  say "Building the indexes"
  psql -d "$database" -q -c "SET maintenance_work_mem = '256MB'" -f "$local_dir/bench-queue-indexes.sql" -c "VACUUM ANALYZE cases"
  echo "generated and indexed in $(( $(date +%s) - started )) s"
fi

say "Sizes"
psql -d "$database" -c "SELECT count(*) AS cases, count(*) FILTER (WHERE status IN ('Received','InProgress','WaitingForConsumer','Forwarded','PartnerResponded')) AS open,
  pg_size_pretty(pg_table_size('cases')) AS table_size, pg_size_pretty(pg_indexes_size('cases')) AS indexes FROM cases" \
  -c "SELECT indexname, pg_size_pretty(pg_relation_size(indexname::regclass)) AS size FROM pg_indexes WHERE tablename = 'cases' ORDER BY pg_relation_size(indexname::regclass) DESC"

say "Queries"
# The values the queries need: a case half-way through the list, and the bigrams the search would ask the index for
# (each word's rarest by pg_stats, as ListCases.SearchKeys picks them).
IFS='|' read -r deep_received_at deep_id email < <(psql -d "$database" -qAt -c \
  "SELECT received_at, id, consumer_email FROM cases ORDER BY received_at, id OFFSET (SELECT count(*) / 2 FROM cases) LIMIT 1")
keys() {
  psql -d "$database" -qAt -v word="$1" <<'SQL'
SELECT '{' || string_agg('"' || b || '"', ',') || '}' FROM (
  SELECT b FROM (SELECT b, f, row_number() OVER (ORDER BY f, i) AS n FROM (
  SELECT substr(:'word', i, 2) AS b, i, coalesce(s.f, 0) AS f FROM generate_series(1, char_length(:'word') - 1) i
  LEFT JOIN (SELECT e, f FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS u(e, f)
             WHERE tablename = 'cases' AND attname = 'search_bigrams') s ON s.e = substr(:'word', i, 2)
  ) bigrams) ranked WHERE n = 1 OR f <= 0.1 ORDER BY n LIMIT 4) k
SQL
}
variables=(-v deep_received_at="$deep_received_at" -v deep_id="$deep_id" -v email="$email"
  -v merchant_keys="$(keys 深圳市某某科技有限公司)" -v refund_keys="$(keys 返金)" -v email_keys="$(keys "$email")")
summary=""
for file in scripts/bench-queue/queries/*.sql; do
  for _ in 1 2; do psql -d "$database" -q "${variables[@]}" -f "$file" >/dev/null; done
  # Three explained runs: the machine is shared, so the median says more than any single one.
  times=()
  for _ in 1 2 3; do
    plan="$( (echo "EXPLAIN (ANALYZE, BUFFERS)"; grep -v '^--' "$file") | psql -d "$database" -q "${variables[@]}" )"
    times+=("$(grep -o 'Execution Time: [0-9.]*' <<<"$plan" | grep -o '[0-9.]*$')")
  done
  printf '\n### %s\n%s\n%s\n' "$(basename "$file" .sql)" "$(grep '^--' "$file")" "$plan"
  median="$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)"
  summary+="$(printf '%-28s median %8s ms   (runs: %s ms)' "$(basename "$file" .sql)" "$median" "${times[*]}")"$'\n'
done
say "Summary (warm cache, execution time inside PostgreSQL, median of three)"
printf '%s' "$summary"

# HTTP=1: the whole page as staff get it (Release build, one request at a time, signed in as an admin), the median of
# five requests after two to warm up. This includes the counts, the staff list, rendering and (for searches) the audit row.
if [ -n "${HTTP:-}" ]; then
  say "Pages over HTTP"
  port=$(( 20000 + RANDOM % 20000 ))
  dotnet build "$project" -c Release -nologo -clp:ErrorsOnly -v:q
  app="$repo_root/$project/bin/Release/net10.0/CrossBorderConsumerCenter.Web.dll"
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=$database;Username=ccc_test;Password=$password" \
    Portal__BaseUrl="http://127.0.0.1:$port/" Portal__EnforceHttps=false Portal__MigrateOnStartup=false Email__Outbox__Enabled=false \
    Smtp__FromAddress="bench@ccj.test" Smtp__ReplyToAddress="bench@ccj.test" Smtp__PickupDirectory="$local_dir/bench-mail" \
    Serilog__MinimumLevel__Default=Warning
  psql -d "$database" -qc "DELETE FROM users WHERE email = 'bench-admin@ccj.test'"
  admin_password="$(dotnet "$app" create-admin --email bench-admin@ccj.test --name "Bench admin" | sed -n 's/^Password (shown only now): //p')"
  dotnet "$app" --urls "http://127.0.0.1:$port" >/dev/null &
  app_pid=$!
  trap 'kill "$app_pid" 2>/dev/null' EXIT
  until curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; do sleep 1; done
  jar="$(mktemp)"
  token="$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" | grep -o '<input name="__RequestVerificationToken"[^>]*>' | sed -n '1s/.*value="\([^"]*\)".*/\1/p')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=bench-admin@ccj.test" --data-urlencode "Password=$admin_password" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/account/sign-in"
  deep_key="$(psql -d "$database" -qAt -c "SELECT (extract(epoch FROM timestamptz '$deep_received_at') * 10000000)::bigint + 621355968000000000")"
  deep="$(printf 'Received\na\n%s\n%s' "$deep_key" "${deep_id//-/}" | base64 -w0 | tr '+/' '-_' | tr -d '=')"
  pages=(
    "needs action (default)|/staff/cases"
    "needs action, US, received|/staff/cases?country=US&status=Received"
    "all cases|/staff/cases?view=all"
    "all, China, forwarded + in progress|/staff/cases?view=all&country=CN&status=Forwarded&status=InProgress"
    "all, Singapore + counterfeit|/staff/cases?view=all&country=SG&category=Counterfeit"
    "all, Etsy + urgent|/staff/cases?view=all&platform=Etsy&priority=Urgent"
    "all, page after the 500,000th case|/staff/cases?view=all&after=$deep"
    "all, sorted by merchant, descending|/staff/cases?view=all&sort=merchant&dir=desc"
    "all, sorted by deadline|/staff/cases?view=all&sort=due"
    "search merchant 深圳市某某科技有限公司|/staff/cases?q=%E6%B7%B1%E5%9C%B3%E5%B8%82%E6%9F%90%E6%9F%90%E7%A7%91%E6%8A%80%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8"
    "search name 山田 太郎|/staff/cases?q=%E5%B1%B1%E7%94%B0+%E5%A4%AA%E9%83%8E"
    "search email|/staff/cases?q=$email"
    "search common word 返金|/staff/cases?q=%E8%BF%94%E9%87%91"
    "search common phrase 返金を求め|/staff/cases?q=%E8%BF%94%E9%87%91%E3%82%92%E6%B1%82%E3%82%81"
    "search English words parcel never|/staff/cases?q=parcel+never"
    "search case number|/staff/cases?q=$(psql -d "$database" -qAt -c "SELECT number FROM cases WHERE id = '$deep_id'")"
  )
  for entry in "${pages[@]}"; do
    name="${entry%%|*}" url="${entry#*|}"
    times=()
    for i in 1 2 3 4 5 6 7; do
      t="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$jar" "http://127.0.0.1:$port$url")"
      [ "${t%% *}" = "200" ] || { echo "$name: HTTP ${t%% *}"; break; }
      [ "$i" -gt 2 ] && times+=("$(awk '{printf "%.1f", $2 * 1000}' <<<"$t")")
    done
    printf '%-42s median %7s ms   (%s)\n' "$name" "$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)" "${times[*]}"
  done
  rm -f "$jar"
fi
