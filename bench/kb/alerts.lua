-- wrk script: POSTs Alertmanager notifications (webhook version 4, one firing alert each, a distinct fingerprint per
-- request) to /alerts/alertmanager/bench with the receiver's bearer token. Each wrk thread owns its own id range.
-- KB_DELAY_MS paces each connection (see delay below).

local threads = {}
local counter = 0
local base = 0
local token = os.getenv("KB_TOKEN") or "bench-alert-token"
local pause = tonumber(os.getenv("KB_DELAY_MS") or "0")
local names = {"NodeDiskSpaceLow", "KubeletPlegRelistSlow", "PostgresReplicaBehind", "RedisEvictions", "接口错误率升高"}

function setup(thread)
  thread:set("index", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  base = index * 100000000 + (tonumber(os.getenv("KB_ID_BASE") or "0"))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- With KB_DELAY_MS, each connection waits that long between requests: a steady rate instead of as fast as it can.
if pause > 0 then
  function delay() return pause end
end

function request()
  counter = counter + 1
  local id = base + counter
  local name = names[(id % #names) + 1]
  local body = string.format(
    '{"version":"4","receiver":"bench","status":"firing","groupKey":"{}:{alertname=\\"%s\\"}","truncatedAlerts":0,' ..
    '"groupLabels":{"alertname":"%s"},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager:9093",' ..
    '"alerts":[{"status":"firing","labels":{"alertname":"%s","instance":"node-%d","severity":"critical"},' ..
    '"annotations":{"summary":"%s on node-%d","description":"disk latency timeout on the node"},' ..
    '"startsAt":"2026-11-30T08:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph",' ..
    '"fingerprint":"%016x"}]}',
    name, name, name, id % 100, name, id % 100, id)
  return wrk.format(nil, "/alerts/alertmanager/bench", nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("LAT p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("RESULT requests=%d non2xx=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d duration_s=%.2f rps=%.1f\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
end
