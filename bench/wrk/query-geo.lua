-- near;maxDistance==500 around random points inside the data square.
-- Every wrk thread (and with two nodes every wrk process, BENCH_SEED) draws its own sequence,
-- so that concurrent connections do not hit the same entity at the same moment.
local seed = tonumber(os.getenv("BENCH_SEED") or "1") * 1000 + 11
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
  local lon = 13.05 + math.random() * 0.1
  local lat = 54.27 + math.random() * 0.1
  return wrk.format("GET", string.format(
    "/ngsi-ld/v1/entities?type=Sensor&georel=near%%3BmaxDistance%%3D%%3D500&geometry=Point&coordinates=%%5B%.6f,%.6f%%5D&limit=20",
    lon, lat))
end
