-- wrk script for bench/load: rotates a mix of viewer requests over every connection and counts
-- non-2xx and 5xx answers per thread; done() prints a summary that bench/load reads.
-- The paths come from the file named by the environment variable PLANMAP_LOAD_PATHS, one a line;
-- PLANMAP_LOAD_GZIP=no leaves out Accept-Encoding: gzip.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("PLANMAP_LOAD_PATHS")) do
    if line ~= "" then table.insert(paths, line) end
  end
  n = id or 0           -- threads start at different points of the mix
  non2xx = 0
  server_errors = 0
  if os.getenv("PLANMAP_LOAD_GZIP") ~= "no" then
    wrk.headers["Accept-Encoding"] = "gzip"   -- as a browser asks (bench/peers does not: the peers send identity)
  end
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if status >= 500 then server_errors = server_errors + 1 end
end

function done(summary, latency, requests)
  local non2xx, server_errors = 0, 0
  for _, t in ipairs(threads) do
    non2xx = non2xx + t:get("non2xx")
    server_errors = server_errors + t:get("server_errors")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f non2xx=%d server_errors=%d socket_errors=%d "
      .. "timeouts=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f mb_read=%.1f\n",
      summary.requests, seconds, summary.requests / seconds, non2xx, server_errors, socket, e.timeout,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, summary.bytes / 1048576))
end
