-- near;maxDistance==500 around random points inside the data square.
request = function()
  seed_random(11)
  local lon = 13.05 + math.random() * 0.1
  local lat = 54.27 + math.random() * 0.1
  return wrk.format("GET", string.format(
    "/ngsi-ld/v1/entities?type=Sensor&georel=near%%3BmaxDistance%%3D%%3D500&geometry=Point&coordinates=%%5B%.6f,%.6f%%5D&limit=20",
    lon, lat))
end
