-- wrk script: every request carries "Authorization: Bearer <token>", rotating over the tokens
-- (one per line) in the file named by BENCH_TOKENS; prints one machine-readable RESULT line.
local tokens = {}
local path = os.getenv("BENCH_TOKENS")
if path then
  for line in io.lines(path) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
end
local i = 0

request = function()
  if #tokens == 0 then
    return wrk.format("GET")
  end
  i = i + 1
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] })
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
            + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad))
end
