-- GET /signalen/<uuid>: the signal page, logged in as a handler of the owning ministry.
local c = dofile(os.getenv("SCHAKEL_LUA_DIR") .. "/common.lua")
setup, done = c.setup, c.done

local uuids = {}
for regel in io.lines(os.getenv("SCHAKEL_UUIDS")) do uuids[#uuids + 1] = regel end
local cookie = os.getenv("SCHAKEL_SESSIE")
local counter = 0

function request()
  counter = counter + 1
  return wrk.format("GET", "/signalen/" .. uuids[(counter * 7 + (tid or 0)) % #uuids + 1], {["Cookie"] = cookie})
end
