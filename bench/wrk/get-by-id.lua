-- GET one entity by id, ids drawn uniformly from the loaded data set.
local count = tonumber(os.getenv("BENCH_ENTITIES") or "100000")
math.randomseed(7)
request = function()
  return wrk.format("GET", "/ngsi-ld/v1/entities/urn:ngsi-ld:Sensor:" .. math.random(0, count - 1))
end
