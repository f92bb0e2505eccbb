-- wrk script for the server benchmark: each connection is a desktop client that logged in
-- once (its bearer token comes from the file given after `--`), then opens registries and
-- timetables with a pause between actions.
--
--   wrk -c200 -d30s --latency -s server_mix.lua URL -- CLIENTS_FILE MODE PAUSE_MIN PAUSE_MAX
--
-- CLIENTS_FILE has a line "token <T>" per client and "class <id>", "teacher <id>",
-- "surname <text>", "week <from> <to>" lines for the queries. MODE is "mix" or "health";
-- a client pauses between PAUSE_MIN and PAUSE_MAX milliseconds between its actions.

local tokens, classes, teachers, surnames, weeks = {}, {}, {}, {}, {}
local mode = "mix"
local pause_min, pause_max = 500, 1500

local function pick(list)
   return list[math.random(#list)]
end

function init(args)
   for line in io.lines(args[1]) do
      local kind, a, b = line:match("^(%S+) (%S+) ?(%S*)$")
      if kind == "token" then table.insert(tokens, a)
      elseif kind == "class" then table.insert(classes, a)
      elseif kind == "teacher" then table.insert(teachers, a)
      elseif kind == "surname" then table.insert(surnames, a)
      elseif kind == "week" then table.insert(weeks, {a, b})
      end
   end
   mode = args[2] or "mix"
   pause_min = tonumber(args[3] or pause_min)
   pause_max = tonumber(args[4] or pause_max)
   math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

local function page(path, extra)
   local offset = 50 * (math.random(4) - 1)
   return string.format("%s?offset=%d&limit=50%s", path, offset, extra or "")
end

local function mix_path()
   local roll = math.random(100)
   if roll <= 20 then
      return page("/api/v1/students", "&class_id=" .. pick(classes))
   elseif roll <= 30 then
      return page("/api/v1/students")
   elseif roll <= 40 then
      return "/api/v1/students?limit=50&search=" .. pick(surnames)
   elseif roll <= 55 then
      return page("/api/v1/staff")
   elseif roll <= 60 then
      return "/api/v1/parents?limit=50&search=" .. pick(surnames)
   elseif roll <= 75 then
      local week = pick(weeks)
      return string.format("/api/v1/timetable?date_from=%s&date_to=%s&class_id=%s",
                           week[1], week[2], pick(classes))
   elseif roll <= 85 then
      local week = pick(weeks)
      return string.format("/api/v1/timetable?date_from=%s&date_to=%s&teacher_id=%s",
                           week[1], week[2], pick(teachers))
   elseif roll <= 92 then
      return "/api/v1/classes"
   elseif roll <= 96 then
      return "/api/v1/groups?class_id=" .. pick(classes)
   else
      return "/api/v1/me"
   end
end

function request()
   if mode == "health" then
      return wrk.format("GET", "/api/v1/health")
   end
   local headers = { ["Authorization"] = "Bearer " .. pick(tokens) }
   return wrk.format("GET", mix_path(), headers)
end

function delay()
   return math.random(pause_min, pause_max)
end
