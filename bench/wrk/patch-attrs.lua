-- PATCH /attrs of random entities: a durable, acknowledged attribute update.
local count = tonumber(os.getenv("BENCH_ENTITIES") or "100000")
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
request = function()
  seed_random(13)
  local id = math.random(0, count - 1)
  local body = string.format('{"a": {"type": "Property", "value": %d}}', math.random(0, 99))
  return wrk.format("PATCH", "/ngsi-ld/v1/entities/urn:ngsi-ld:Sensor:" .. id .. "/attrs", nil, body)
end
