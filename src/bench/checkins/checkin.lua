-- wrk script: every request is a new check-in (fresh clientId) at the next site in a shuffled
-- list, with the token of the rep who owns the customer. The list is long (thousands of
-- customers) and walked in order, so no two requests in flight are at the same customer.
--   BENCH_TOKENS  file, one access token per line (line k+1 = rep k)
--   BENCH_SITES   file, lines "rep_k customer_id lat lng"
--   BENCH_IDEMPOTENCY=1  also send a fresh Idempotency-Key
--   BENCH_DELAY_MS       think time per connection between a response and its next request
-- Prints one machine-readable RESULT line.
local tokens, sites = {}, {}
local idempotency = os.getenv("BENCH_IDEMPOTENCY") == "1"
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local client_time = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60)
local i = 0

for line in io.lines(os.getenv("BENCH_TOKENS")) do
  if #line > 0 then tokens[#tokens + 1] = line end
end
for line in io.lines(os.getenv("BENCH_SITES")) do
  local k, id, lat, lng = line:match("^(%d+)%s+(%S+)%s+(%S+)%s+(%S+)")
  if k then sites[#sites + 1] = { token = tokens[tonumber(k) + 1], id = id, lat = tonumber(lat), lng = tonumber(lng) } end
end

local function r16() return math.random(0, 0xffff) end
local function uuid4()
  return string.format("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x",
    r16(), r16(), r16(), math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff), r16(), r16(), r16())
end

init = function(args)
  math.randomseed(os.time() * 1000 + math.floor((os.clock() * 1e6) % 1000))
  for j = #sites, 2, -1 do  -- shuffle, so that reps and teams interleave
    local r = math.random(1, j)
    sites[j], sites[r] = sites[r], sites[j]
  end
  i = math.random(0, #sites - 1)
end

request = function()
  i = i + 1
  local s = sites[(i % #sites) + 1]
  local id = uuid4()
  local body = string.format(
    '{"clientId":"%s","customerId":"%s","clientTime":"%s","position":{"lat":%.6f,"lng":%.6f,"accuracy":18,"fixAge":5},'
      .. '"purpose":"FOLLOW_UP","outcome":"演示了新款设备，客户要求报价"}',
    id, s.id, client_time, s.lat + 0.0001, s.lng + 0.0001)
  local headers = { ["Authorization"] = "Bearer " .. s.token, ["Content-Type"] = "application/json" }
  if idempotency then headers["Idempotency-Key"] = uuid4() end
  return wrk.format("POST", "/api/v1/checkins", headers, body)
end

if delay_ms > 0 then
  delay = function() return delay_ms end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
            + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad))
end
