-- wrk script: POSTs Telegram updates with distinct update_id values to /bots/telegram/bench.
-- Each wrk thread owns its own id range (thread index * 100,000,000 + counter), so no id repeats across threads.
-- Messages are plain chat text: they are stored, then processed into the human queue after the 200.

local threads = {}
local counter = 0
local base = 0
local path = os.getenv("BOT_PATH") or "/bots/telegram/bench"
local secret = os.getenv("BOT_SECRET") or "bench-secret-token"

function setup(thread)
  thread:set("index", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  base = index * 100000000 + (tonumber(os.getenv("BOT_ID_BASE") or "0"))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Telegram-Bot-Api-Secret-Token"] = secret
end

function request()
  counter = counter + 1
  local id = base + counter
  local chat = 1000 + (id % 500)
  local body = string.format(
    '{"update_id":%d,"message":{"message_id":%d,"date":1764057600,"chat":{"id":%d,"type":"private"},"from":{"id":%d,"is_bot":false,"first_name":"Load"},"text":"hello %d"}}',
    id, counter, chat, chat, id)
  return wrk.format(nil, path, nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("LAT p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("RESULT requests=%d non2xx=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d duration_s=%.2f rps=%.1f\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
end
