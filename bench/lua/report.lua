-- Shared by every scenario: sends the staff session cookie (BENCH_COOKIE, empty for public pages) and,
-- when wrk finishes, prints one machine-readable line that bench/run.sh reads:
--   RESULT requests=<n> seconds=<s> errors=<n> p50_ms=<x> p95_ms=<x> p99_ms=<x>
-- errors = socket errors + responses with a status >= 400 (wrk counts 3xx as success, so the script
-- checks every URL with curl before it is driven).
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

function bench_report(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT requests=%d seconds=%.3f errors=%d p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end

done = bench_report
