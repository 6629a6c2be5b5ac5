-- wrk script for bench/webhook.sh: replays pre-signed Vapi assistant-request deliveries.
--
--   wrk -t2 -c64 -d30s --latency -s webhook.lua http://127.0.0.1:PORT -- <data prefix> [rate req/s, 0 = unlimited] [label]
--
-- Each wrk thread N loads only <data prefix>.N (written by gen_requests.py: "path \t hex signature \t body" per line),
-- so the threads send disjoint slices and no call id is ever sent twice. A thread that runs out of data stops
-- (and says so) rather than repeat a call id, which the server would deduplicate.
--
-- Fixed rate: wrk 4.1 has no -R (that is wrk2, not packaged by Debian). With a rate, each thread claims evenly
-- spaced send slots (threads/rate seconds apart) from a monotonic clock (LuaJIT FFI clock_gettime) and delay()s each
-- request until its slot. That is a constant-rate schedule as long as a free connection exists at each slot (keep
-- -c well above rate x latency). wrk measures latency from the actual send, so if the server fell behind the
-- schedule the queueing would be hidden (coordinated omission): done() reports the achieved rate and how late
-- requests went out against their slot, so that case is visible rather than silent.
--
-- Every status is counted in response(): a benchmark of 401s or 429s is worthless, so non-200s are reported.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

-- ---- main state: setup() and done() ----
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

-- ---- thread state ----
local lines, n, i = {}, 0, 0
local last_request = nil
local rate_interval_us = 0 -- per-thread gap between send slots, 0 = unlimited
local next_slot = nil
statuses = {}             -- status -> count (read by done() via thread:get)
non200 = 0
responses = 0
exhausted = 0
first_us = 0
last_us = 0
late_us_sum = 0           -- fixed rate only: how late requests went out against their slot
late_us_max = 0
late_over_1ms = 0
sent = 0

function init(args)
  local prefix = args[1]
  local rate = tonumber(args[2] or "0") or 0
  local file = prefix .. "." .. id
  for line in io.lines(file) do
    n = n + 1
    lines[n] = line
  end
  if n == 0 then
    error("no requests in " .. file)
  end
  if rate > 0 then
    local nthreads = tonumber(args[3] or "1")
    rate_interval_us = 1000000 * nthreads / rate
  end
end

-- Slots handed out by delay() and not yet used by request(); wrk calls request() for a connection after its delay
-- timer fires, and timers fire in slot order, so the oldest pending slot belongs to the request being built.
local slots, slot_head, slot_tail = {}, 1, 0

function delay()
  if rate_interval_us == 0 then
    return 0
  end
  local now = now_us()
  if next_slot == nil then
    next_slot = now
  end
  local slot = next_slot
  next_slot = next_slot + rate_interval_us
  slot_tail = slot_tail + 1
  slots[slot_tail] = slot
  local wait = slot - now
  if wait < 0 then
    return 0
  end
  return math.floor(wait / 1000) -- delay() takes milliseconds
end

function request()
  if i >= n then
    if exhausted == 0 then
      io.stderr:write(string.format("thread %d: all %d pre-signed requests sent; stopping this thread\n", id, n))
    end
    exhausted = exhausted + 1
    wrk.thread:stop()
    return last_request -- wrk still wants a request; the thread stops before it matters
  end
  i = i + 1
  local path, sig, body = lines[i]:match("^([^\t]*)\t([^\t]*)\t(.*)$")
  lines[i] = nil -- free memory as we go; never reused
  local t = now_us()
  if first_us == 0 then
    first_us = t
  end
  if rate_interval_us > 0 and slot_head <= slot_tail then
    local late = t - slots[slot_head]
    slots[slot_head] = nil
    slot_head = slot_head + 1
    if late > 0 then
      late_us_sum = late_us_sum + late
      if late > late_us_max then late_us_max = late end
      if late > 1000 then late_over_1ms = late_over_1ms + 1 end
    end
  end
  sent = sent + 1
  last_request = wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["X-Vapi-Signature"] = sig,
  }, body)
  return last_request
end

function response(status, headers, body)
  responses = responses + 1
  local k = tostring(status)
  statuses[k] = (statuses[k] or 0) + 1
  if status ~= 200 then
    non200 = non200 + 1
  end
  last_us = now_us()
end

-- ---- main state again ----
function done(summary, latency, requests)
  local total_responses, total_non200, total_exhausted, total_sent = 0, 0, 0, 0
  local t0, t1 = nil, nil
  local late_sum, late_max, late_1ms = 0, 0, 0
  local merged = {}
  for _, thread in ipairs(threads) do
    total_responses = total_responses + thread:get("responses")
    total_non200 = total_non200 + thread:get("non200")
    total_exhausted = total_exhausted + thread:get("exhausted")
    total_sent = total_sent + thread:get("sent")
    late_sum = late_sum + thread:get("late_us_sum")
    late_max = math.max(late_max, thread:get("late_us_max"))
    late_1ms = late_1ms + thread:get("late_over_1ms")
    local f, l = thread:get("first_us"), thread:get("last_us")
    if f > 0 and (t0 == nil or f < t0) then t0 = f end
    if l > 0 and (t1 == nil or l > t1) then t1 = l end
    for status, count in pairs(thread:get("statuses")) do
      merged[status] = (merged[status] or 0) + count
    end
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  local codes = {}
  for status, count in pairs(merged) do
    table.insert(codes, status .. ":" .. count)
  end
  table.sort(codes)
  local active = (t0 and t1 and t1 > t0) and (t1 - t0) / 1e6 or secs
  io.write("------------------------------------------------------------\n")
  io.write(string.format("responses %d in %.2f s: %.0f req/s (wrk: %.0f req/s over %.2f s)\n",
    total_responses, active, total_responses / active, summary.requests / secs, secs))
  io.write(string.format("latency  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("statuses %s; non-200 %d; socket errors connect %d read %d write %d timeout %d\n",
    table.concat(codes, " "), total_non200, e.connect, e.read, e.write, e.timeout))
  if late_sum > 0 or late_1ms > 0 then
    io.write(string.format("schedule: %d of %d requests left > 1 ms after their slot; mean lateness %.3f ms, max %.2f ms\n",
      late_1ms, total_sent, late_sum / math.max(total_sent, 1) / 1000, late_max / 1000))
  end
  if total_exhausted > 0 then
    io.write("WARNING: a thread ran out of pre-signed requests and stopped early\n")
  end
  -- One machine-readable line for webhook.sh.
  io.write(string.format(
    "BENCH responses=%d active_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f "
      .. "non200=%d sock_err=%d timeouts=%d exhausted=%d late_1ms=%d sent=%d\n",
    total_responses, active, total_responses / active,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, total_non200,
    e.connect + e.read + e.write + e.timeout, e.timeout, total_exhausted, late_1ms, total_sent))
end
