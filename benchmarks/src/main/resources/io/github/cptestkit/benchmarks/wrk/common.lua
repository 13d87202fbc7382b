-- Shared by every load script (prepended to it): the headers of an AWS JSON 1.1 call as an SDK sends them, a
-- count of the answers that are not what the scenario expects, and one JSON line of results at the end.

local threads = {}
bad = 0    -- answers with another status, or without the text the scenario expects
jobs = 0   -- jobs finished (the worker scenario only)

function setup(thread)
   table.insert(threads, thread)
end

function read_file(path)
   local f = assert(io.open(path, "rb"))
   local text = f:read("*a")
   f:close()
   return text
end

-- The same headers for every scenario; the signature is not checked (the mock's default), but its matching
-- rules still read the Authorization header as they would for a real SDK call.
function aws_headers(target)
   return {
      ["Content-Type"] = "application/x-amz-json-1.1",
      ["X-Amz-Target"] = target,
      ["X-Amz-Date"] = "20260101T000000Z",
      ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDBENCHEXAMPLE/20260101/us-east-1/codepipeline/aws4_request,"
         .. " SignedHeaders=content-type;host;x-amz-date;x-amz-target,"
         .. " Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
   }
end

function done(summary, latency, requests)
   local all_bad, all_jobs = 0, 0
   for _, thread in ipairs(threads) do
      all_bad = all_bad + thread:get("bad")
      all_jobs = all_jobs + thread:get("jobs")
   end
   local e = summary.errors
   io.write(string.format('JSON {"requests":%d,"duration_us":%d,"bad":%d,"jobs":%d,"connect_errors":%d,'
      .. '"read_errors":%d,"write_errors":%d,"http_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,'
      .. '"p99_us":%d,"p999_us":%d,"max_us":%d,"mean_us":%.1f}\n',
      summary.requests, summary.duration, all_bad, all_jobs, e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
      latency.max, latency.mean))
end
