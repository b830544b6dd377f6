-- Daily average, minimum and maximum over one year of 15-minute values (365 buckets).
request = function()
  return wrk.format("GET", "/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:OffStreetParking:ozeaneum"
    .. "?attrs=occupiedSpotNumber&options=aggregatedValues&aggrMethods=avg,min,max"
    .. "&aggrPeriodDuration=P1D&timerel=between&timeAt=2025-01-01T00:00:00Z&endTimeAt=2026-01-01T00:00:00Z")
end
