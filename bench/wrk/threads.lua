-- Prepended to every scenario by run.sh. Numbers the wrk threads (thread_no, from 1) and keeps them
-- in `threads` for done(); seed_random(base) gives every thread, and with two nodes every wrk
-- process (BENCH_SEED), its own random sequence, so that concurrent connections do not hit the
-- same entity at the same moment.
threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("thread_no", #threads)
end
local seeded = false
function seed_random(base)
  if not seeded then
    math.randomseed(tonumber(os.getenv("BENCH_SEED") or "1") * 1000 + base + (thread_no or 0))
    seeded = true
  end
end
-- BENCH_KEY (run.sh sets it per scenario): the API key every request presents in X-API-Key; empty
-- or unset: none (anonymous). Writes need one.
bench_key = os.getenv("BENCH_KEY") or ""
if bench_key ~= "" then
  wrk.headers["X-API-Key"] = bench_key
end
