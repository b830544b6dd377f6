-- GET one entity by id, ids drawn uniformly from the loaded data set.
local count = tonumber(os.getenv("BENCH_ENTITIES") or "100000")
request = function()
  seed_random(7)
  return wrk.format("GET", "/ngsi-ld/v1/entities/urn:ngsi-ld:Sensor:" .. math.random(0, count - 1))
end
