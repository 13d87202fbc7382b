-- One request, again and again (L0, L1, L2, L4, L5 and the fixed-rate runs).
-- Arguments: the request body file, the X-Amz-Target, the status every answer must have, a text every answer must
-- contain, and optionally a pause in milliseconds (fractions allowed) each connection waits before its next request,
-- which paces the run to a fixed rate.

local expected_status, expected_text

function init(args)
   wrk.method = "POST"
   wrk.path = "/"
   wrk.body = read_file(args[1])
   for name, value in pairs(aws_headers(args[2])) do
      wrk.headers[name] = value
   end
   expected_status = tonumber(args[3])
   expected_text = args[4]
   if args[5] then
      local pause, owed = tonumber(args[5]), 0
      -- wrk waits whole milliseconds: carry the fraction over so the average pause is the one asked for.
      function delay()
         owed = owed + pause
         local whole = math.floor(owed)
         owed = owed - whole
         return whole
      end
   end
end

function response(status, headers, body)
   if status ~= expected_status or not string.find(body, expected_text, 1, true) then
      bad = bad + 1
   end
end
