# Sourced by bench/run.sh (not with --smoke) after the scenarios: EXPLAIN (ANALYZE, BUFFERS) of the staff queue's
# queries (bench/queue-queries/*.sql, the statements EF Core sends, values filled in) on the benchmark's data, as
# Markdown. Each query runs twice to warm the cache, then three times explained; the plan shown is the last, the time
# the median of the three (PostgreSQL's execution time; the machine is shared, so single runs vary). The timing table
# goes to standard output (the results); the plans go to the file $plans_file (kept under bench/plans/ by --write-docs).
# Needs from run.sh: sql (psql on $db), $db, $merchant, $deep_row (bench/queue-scenarios.sh) and $plans_file.
[ -n "${merchant:-}" ] || return 0

# The values: a case half-way through all cases, another 90 % down the needs-action list (the benchmark's deep page),
# a consumer's email, and the bigrams the search asks the index for (each word's rarest by pg_stats, as ListCases.SearchKeys).
IFS='|' read -r deep_received_at deep_id email < <(sql "SELECT received_at, id, consumer_email FROM cases ORDER BY received_at, id OFFSET (SELECT count(*) / 2 FROM cases) LIMIT 1")
needs_deep_received_at="$(sql "SELECT to_timestamp((${deep_row% *} - 621355968000000000) / 10000000.0)")"
needs_deep_id="${deep_row#* }"
search_keys() {
  PGDATABASE="$db" psql -qtAX -v word="$1" <<'SQL'
SELECT '{' || string_agg('"' || b || '"', ',') || '}' FROM (
  SELECT b FROM (SELECT b, f, row_number() OVER (ORDER BY f, i) AS n FROM (
  SELECT substr(:'word', i, 2) AS b, i, coalesce(s.f, 0) AS f FROM generate_series(1, char_length(:'word') - 1) i
  LEFT JOIN (SELECT e, f FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS u(e, f)
             WHERE schemaname = current_schema() AND tablename = 'cases' AND attname = 'search_bigrams') s ON s.e = substr(:'word', i, 2)
  ) bigrams) ranked WHERE n = 1 OR f <= 0.1 ORDER BY n LIMIT 4) k
SQL
}
variables=(-v deep_received_at="$deep_received_at" -v deep_id="$deep_id" -v email="$email" -v merchant="$merchant"
  -v needs_deep_received_at="$needs_deep_received_at" -v needs_deep_id="$needs_deep_id"
  -v merchant_keys="$(search_keys "$merchant")" -v refund_keys="$(search_keys 返金)" -v email_keys="$(search_keys "$email")")

echo
echo "### EXPLAIN (ANALYZE, BUFFERS) of the queue's queries"
echo
echo "Warm cache, PostgreSQL's execution time, median of three; the search term is \`$merchant\`."
echo
echo "| query | median ms | runs ms |"
echo "|---|---|---|"
plans=""
for file in "$repo_root"/bench/queue-queries/*.sql; do
  for _ in 1 2; do PGDATABASE="$db" psql -qX "${variables[@]}" -f "$file" >/dev/null; done
  times=()
  for _ in 1 2 3; do
    plan="$( (echo "EXPLAIN (ANALYZE, BUFFERS)"; grep -v '^--' "$file") | PGDATABASE="$db" psql -qX "${variables[@]}")"
    times+=("$(grep -o 'Execution Time: [0-9.]*' <<<"$plan" | grep -o '[0-9.]*$')")
  done
  name="$(basename "$file" .sql)"
  echo "| $name | $(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p) | ${times[*]} |"
  plans+="$(printf '\n#### %s\n\n%s\n\n```\n%s\n```\n' "$name" "$(sed -n 's/^-- //p' "$file")" "$plan")"$'\n'
done
{
  echo "# The staff queue's query plans at $cases cases ($(date -u '+%Y-%m-%d'))"
  echo
  echo "EXPLAIN (ANALYZE, BUFFERS), warm cache, written by bench/run.sh (bench/explain.sh); the search term is \`$merchant\`."
  printf '%s' "$plans"
} >"$plans_file"
echo
echo "Plans: \`$(basename "$plans_file")\` (under artifacts/bench/, or bench/plans/ when written with --write-docs)."
