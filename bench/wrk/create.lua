-- POST single entity creates; ids are unique per run, thread and request.
local counter = 0
local run = os.time()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = string.format(
    '{"id": "urn:ngsi-ld:Probe:%d-%d-%d", "type": "Probe", "a": {"type": "Property", "value": %d}}',
    run, thread_no, counter, counter % 100)
  return wrk.format("POST", "/ngsi-ld/v1/entities", nil, body)
end
