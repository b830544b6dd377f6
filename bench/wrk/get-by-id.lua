-- GET one entity by id, ids drawn uniformly from the loaded data set.
local count = tonumber(os.getenv("BENCH_ENTITIES") or "100000")
-- Every wrk thread (and with two nodes every wrk process, BENCH_SEED) draws its own sequence,
-- so that concurrent connections do not hit the same entity at the same moment.
local seed = tonumber(os.getenv("BENCH_SEED") or "1") * 1000 + 7
local thread_count = 0
setup = function(thread)
  thread_count = thread_count + 1
  thread:set("thread_no", thread_count)
end
local seeded = false
local function seed_once()
  if not seeded then
    math.randomseed(seed + (thread_no or 0))
    seeded = true
  end
end
request = function()
  seed_once()
  return wrk.format("GET", "/ngsi-ld/v1/entities/urn:ngsi-ld:Sensor:" .. math.random(0, count - 1))
end
