#!/usr/bin/env bash
# Measures email delivery: messages per second from the outbox to a local SMTP server (Debian's aiosmtpd
# writing a Maildir, as in the tests), with one sender instance and with two. Not a test: it prints numbers
# for docs/operations.md. Each run starts the portal N times (Release build) over a scratch database,
# inserts the messages in one transaction, and times from that commit to the last message marked Sent.
#
#   bash scripts/bench-email.sh                      # 2000 messages, 1 then 2 instances, 3 runs each
#   MESSAGES=500 RUNS=1 INSTANCES="1 2 3" PARALLEL=1 bash scripts/bench-email.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

messages="${MESSAGES:-2000}"
runs="${RUNS:-3}"
instance_counts="${INSTANCES:-1 2}"
parallel="${PARALLEL:-4}"
project="src/CrossBorderConsumerCenter.Web"
work="$(mktemp -d /tmp/ccc-bench-email.XXXXXX)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ensure_packages postgresql python3-aiosmtpd
ensure_postgres_running
password="$(ensure_secret test-db-password)"
ensure_role ccc_test "$password" CREATEDB
export PGHOST=127.0.0.1 PGUSER=ccc_test PGPASSWORD="$password" PGDATABASE=postgres PGOPTIONS="-c client_min_messages=warning"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say "Building (Release)"
dotnet build "$project" -c Release -nologo -clp:ErrorsOnly -v:q
app="$repo_root/$project/bin/Release/net10.0/CrossBorderConsumerCenter.Web.dll"

smtp_port=$(( 20000 + RANDOM % 20000 ))
mkdir -p "$work/maildir"/{new,cur,tmp}
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$work/maildir" &
pids+=($!)

# One message as the acknowledgement email would be: a Japanese subject, about 1.5 KB of text, its HTML.
insert_sql="
INSERT INTO outbound_emails (id, message_id, to_addresses, cc_addresses, reply_to, subject, text_body, html_body,
    language, template, case_id, state, attempts, created_at, next_attempt_at, retrying_since, redact_after_sending)
SELECT gen_random_uuid(), '<bench-' || i || '@ccj.bench>', ARRAY['consumer' || i || '@example.jp'], '{}', 'consult@ccj.bench',
    '【越境消費者センター】ご相談を受け付けました（受付番号 CCJ-2026-' || lpad(i::text, 6, '0') || '）',
    repeat('ご相談を受け付けました。担当者から順にご連絡いたします。迷惑メールフォルダもご確認ください。' || chr(10), 12),
    '<!DOCTYPE html><html lang=\"ja\"><body>' || repeat('<p>ご相談を受け付けました。担当者から順にご連絡いたします。</p>', 12) || '</body></html>',
    'ja', 'Bench', NULL, 'Pending', 0, now(), now(), now(), '{}'
FROM generate_series(1, $messages) AS i;
SELECT clock_timestamp();"

say "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), PostgreSQL $(psql -tAc 'SHOW server_version'), .NET $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}')"
printf '%-10s %-5s %-9s %-10s %-12s %s\n' instances run messages seconds "messages/s" "load before"

for instances in $instance_counts; do
  for run in $(seq 1 "$runs"); do
    db="ccc_bench_email"
    psql -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
    rm -f "$work/maildir/new/"*
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=$db;Username=ccc_test;Password=$password"
    export ASPNETCORE_ENVIRONMENT=Production Portal__BaseUrl="http://127.0.0.1/" Portal__EnforceHttps=false \
      Smtp__Host=127.0.0.1 Smtp__Port="$smtp_port" Smtp__Security=None Smtp__FromAddress=no-reply@ccj.bench Center__Email=consult@ccj.bench \
      Email__Outbox__PollIntervalSeconds=0.2 Email__Outbox__MaxParallelSends="$parallel"
    dotnet "$app" migrate >"$work/migrate.log" 2>&1

    senders=()
    for i in $(seq 1 "$instances"); do
      port=$(( 5100 + i ))
      dotnet "$app" --urls "http://127.0.0.1:$port" >"$work/instance-$i.log" 2>&1 &
      senders+=($!)
      pids+=($!)
      until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do sleep 0.2; done
    done

    load="$(cut -d' ' -f1 /proc/loadavg)"
    started="$(PGDATABASE=$db psql -qtAc "$insert_sql" | tail -n 1)"
    until [ "$(PGDATABASE=$db psql -tAc "SELECT count(*) FROM outbound_emails WHERE state = 'Sent'")" -eq "$messages" ]; do sleep 0.2; done
    seconds="$(PGDATABASE=$db psql -tAc "SELECT round(extract(epoch FROM max(sent_at) - '$started'::timestamptz)::numeric, 2) FROM outbound_emails")"

    for pid in "${senders[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
    received="$(ls "$work/maildir/new" | wc -l)"
    distinct="$(grep -h -m1 -i '^Message-ID:' "$work/maildir/new/"* | sort -u | wc -l)"
    if [ "$received" -ne "$messages" ] || [ "$distinct" -ne "$messages" ]; then
      echo "FAILED: $received messages received, $distinct distinct, $messages expected" >&2
      exit 1
    fi
    printf '%-10s %-5s %-9s %-10s %-12s %s\n' "$instances" "$run" "$messages" "$seconds" \
      "$(awk -v n="$messages" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}')" "$load"
  done
done
psql -qc "DROP DATABASE IF EXISTS ccc_bench_email WITH (FORCE)" >/dev/null
