-- The ceiling: the cheapest answer of the same server, a small static file (1.5 KB) through the
-- same Tomcat, filters and DispatcherServlet, without store, codec or JSON-LD work. (The actuator's
-- liveness probe was measured as well and is about three times as expensive.)
request = function()
  return wrk.format("GET", "/portal/portal.css")
end
