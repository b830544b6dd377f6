-- PATCH /attrs of random entities at a fixed rate (BENCH_RATE updates/s over BENCH_THREADS wrk
-- threads), each body carrying its send time in epoch microseconds as the value of a, which the
-- notification receiver subtracts from its receive time. Counts sent and acknowledged (204)
-- updates; the RESULT line of report.lua is followed by "ACKED n SENT m" (the difference was in
-- flight when wrk stopped, or failed).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *ts);
]]
local ts = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(0, ts) -- CLOCK_REALTIME: the receiver compares with its wall clock
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

local count = tonumber(os.getenv("BENCH_ENTITIES") or "100000")
local rate = tonumber(os.getenv("BENCH_RATE") or "2000")
local wrk_threads = tonumber(os.getenv("BENCH_THREADS") or "2")
-- Each thread sends every interval_us; a connection asks for the next free slot of its thread,
-- so the thread's rate stays fixed however many connections wait and however fast they answer.
local interval_us = wrk_threads * 1000000 / rate
local next_us = nil

-- Globals, because done() reads them per thread with thread:get.
acked = 0
sent = 0
delay = function()
  local now = now_us()
  -- A slot missed by less than a second is sent at once, so that short stalls do not lower the
  -- rate; after a longer stall the schedule restarts from now.
  if next_us == nil or next_us < now - 1000000 then
    next_us = now
  end
  -- wrk reads the delay as an unsigned number: a slot in the past is sent now.
  local wait_ms = math.max(0, (next_us - now) / 1000)
  next_us = next_us + interval_us
  return wait_ms
end

request = function()
  seed_random(16000) -- the sequence of BENCH_SEED=1 + 17000, as before
  sent = sent + 1
  local id = math.random(0, count - 1)
  local body = string.format('{"a": {"type": "Property", "value": %.0f}}', now_us())
  return wrk.format("PATCH", "/ngsi-ld/v1/entities/urn:ngsi-ld:Sensor:" .. id .. "/attrs",
    {["Content-Type"] = "application/json", ["X-API-Key"] = bench_key}, body)
end

response = function(status, headers, body)
  if status == 204 then
    acked = acked + 1
  end
end

-- Called by report.lua after its RESULT line.
report_extra = function()
  local total_acked, total_sent = 0, 0
  for _, thread in ipairs(threads) do
    total_acked = total_acked + thread:get("acked")
    total_sent = total_sent + thread:get("sent")
  end
  io.write(string.format("ACKED %d SENT %d\n", total_acked, total_sent))
end
