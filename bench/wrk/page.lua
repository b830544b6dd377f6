-- A portal page: GET of the URL given to wrk, as a browser sends it (compressed, German first).
wrk.headers["Accept"] = "text/html"
wrk.headers["Accept-Encoding"] = "gzip"
wrk.headers["Accept-Language"] = "de-DE,de;q=0.9,en;q=0.5"
