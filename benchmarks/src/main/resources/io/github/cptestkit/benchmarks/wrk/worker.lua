-- L3: partner-job workers on a queue of many jobs. Each wrk thread is one worker pool whose connections take the
-- next step of any job: PollForThirdPartyJobs -> GetThirdPartyJobDetails (for the nonce) -> AcknowledgeThirdPartyJob
-- -> PutThirdPartyJobSuccessResult; a connection with nothing else to do polls.
-- An acknowledgement answers only {"status":"InProgress"}, which does not say which job it was for, so a thread sends
-- acknowledgements in batches and puts the results of a batch once all of its answers are in: a result never
-- overtakes its job's acknowledgement.
-- Arguments: the poll request body file, the client token.

local function queue()
   return {first = 1, last = 0}
end

local function push(q, value)
   q.last = q.last + 1
   q[q.last] = value
end

local function pop(q)
   if q.first > q.last then
      return nil
   end
   local value = q[q.first]
   q[q.first] = nil
   q.first = q.first + 1
   return value
end

local function empty(q)
   return q.first > q.last
end

local T = "CodePipeline_20150709."
local MAX_BATCH = 8
local to_fetch, to_ack, to_put = queue(), queue(), queue()
local batch, batch_open, acks_out = {}, true, 0
local poll, token
empty_polls = 0

local function call(operation, body)
   return wrk.format("POST", "/", aws_headers(T .. operation), body)
end

function init(args)
   token = args[2]
   poll = call("PollForThirdPartyJobs", read_file(args[1]))
end

function request()
   local job_id = pop(to_put)
   if job_id then
      return call("PutThirdPartyJobSuccessResult", '{"jobId":"' .. job_id .. '","clientToken":"' .. token
         .. '","currentRevision":{"revision":"bench-revision","changeIdentifier":"bench-change"},'
         .. '"executionDetails":{"summary":"benchmark run","percentComplete":100}}')
   end
   if batch_open then
      local job = pop(to_ack)
      if job then
         table.insert(batch, job.id)
         acks_out = acks_out + 1
         batch_open = not empty(to_ack) and #batch < MAX_BATCH
         return call("AcknowledgeThirdPartyJob", '{"jobId":"' .. job.id .. '","nonce":"' .. job.nonce
            .. '","clientToken":"' .. token .. '"}')
      end
   end
   job_id = pop(to_fetch)
   if job_id then
      return call("GetThirdPartyJobDetails", '{"jobId":"' .. job_id .. '","clientToken":"' .. token .. '"}')
   end
   return poll
end

function response(status, headers, body)
   if status ~= 200 then
      bad = bad + 1
   elseif body == "{}" then
      jobs = jobs + 1
   elseif string.sub(body, 1, 10) == '{"status":' then
      if body ~= '{"status":"InProgress"}' then
         bad = bad + 1
      end
      acks_out = acks_out - 1
      if acks_out == 0 then
         for _, id in ipairs(batch) do
            push(to_put, id)
         end
         batch = {}
         batch_open = true
      end
   elseif string.sub(body, 1, 14) == '{"jobDetails":' then
      local id = string.match(body, '^{"jobDetails":{"id":"([^"]+)"')
      local nonce = string.match(body, '"nonce":"([^"]+)"}}$')
      if id and nonce then
         push(to_ack, {id = id, nonce = nonce})
      else
         bad = bad + 1
      end
   elseif string.sub(body, 1, 8) == '{"jobs":' then
      local found = false
      for id in string.gmatch(body, '"jobId":"([^"]+)"') do
         push(to_fetch, id)
         found = true
      end
      if not found then
         empty_polls = empty_polls + 1
      end
   else
      bad = bad + 1
   end
end
