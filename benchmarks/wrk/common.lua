-- Shared by the wrk scenarios of benchmarks/load.py: list parsing, thread numbers, the result line.
local M = {}

function M.split(s)
  local t = {}
  for v in string.gmatch(s or "", "[^,]+") do t[#t + 1] = v end
  return t
end

local threads = 0
function M.setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

-- One JSON line that load.py parses: latencies in microseconds.
function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50": %.1f, "p95": %.1f, "p99": %.1f, "errors": %d, "status_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end

return M
