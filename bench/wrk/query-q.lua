-- Query by type and q, one page of 20.
request = function()
  return wrk.format("GET", "/ngsi-ld/v1/entities?type=Sensor&q=a%3E50%3Bb%3C20&limit=20")
end
