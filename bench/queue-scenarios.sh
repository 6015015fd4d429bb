# Sourced by bench/run.sh when the portal serves the staff queue (Features/Queue): adds its scenarios.
#   queue-default   /staff/cases: the needs-action view, oldest first (what staff land on)
#   queue-filtered  all cases of one country and status, newest first
#   queue-search    all cases whose text holds a merchant's name (the bigram search, ADR 0030)
#   queue-deep      the default view 90 % of the way down, by its keyset cursor (never OFFSET)

# A merchant that recurs, named in Japanese or Chinese script, as staff would type it: its first four characters.
merchant="$(sql "SELECT left(business_name, 4) FROM cases WHERE business_name !~ '[A-Za-z]' GROUP BY business_name ORDER BY count(*) DESC, business_name LIMIT 1 OFFSET 3")"

# The cursor of a page deep in the default list: a row 90 % down the needs-action cases in received order. The token
# is the queue's own (QueueCriteria.Encode): base64url of "Received\na\n<UTC ticks>\n<id without dashes>".
deep_row="$(sql "WITH needs_action AS (
    SELECT received_at, id FROM cases
    WHERE status IN ('Received', 'InProgress', 'WaitingForConsumer', 'Forwarded', 'PartnerResponded')
      AND (status IN ('Received', 'InProgress', 'PartnerResponded') OR due_at < now()))
  SELECT ((extract(epoch FROM received_at) * 10000000)::bigint + 621355968000000000) || ' ' || replace(id::text, '-', '')
  FROM needs_action ORDER BY received_at, id OFFSET (SELECT (count(*) * 9 / 10) FROM needs_action) LIMIT 1")"
deep_cursor="$(printf 'Received\na\n%s\n%s' "${deep_row% *}" "${deep_row#* }" | base64 -w0 | tr '+/' '-_' | tr -d '=')"
urlencode() { /usr/bin/python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

scenarios+=(
  "queue-default|/staff/cases"
  "queue-filtered|/staff/cases?view=all&country=CN&status=InProgress&dir=desc"
  "queue-search|/staff/cases?view=all&q=$(urlencode "$merchant")"
  "queue-deep|/staff/cases?after=$deep_cursor"
)
