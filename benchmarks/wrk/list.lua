-- GET /api/v1/signalen with filters (anonymous: published signals), a different filter per request.
local c = dofile(os.getenv("SCHAKEL_LUA_DIR") .. "/common.lua")
setup, done = c.setup, c.done

local eigenaren = c.split(os.getenv("SCHAKEL_EIGENAREN"))
local organisaties = c.split(os.getenv("SCHAKEL_ORGANISATIES"))
local regelingen = c.split(os.getenv("SCHAKEL_REGELINGEN"))
local vanaf = os.getenv("SCHAKEL_VANAF")
local counter = 0

function request()
  counter = counter + 1
  local i = counter
  local paden = {
    "/api/v1/signalen?eigenaar=" .. eigenaren[i % #eigenaren + 1] .. "&status=in_behandeling",
    "/api/v1/signalen?regeling=" .. regelingen[i % #regelingen + 1] .. "&ingediendVanaf=" .. vanaf,
    "/api/v1/signalen?organisatie=" .. organisaties[i % #organisaties + 1] .. "&teLaat=true",
    "/api/v1/signalen?eigenaar=" .. eigenaren[i % #eigenaren + 1] .. "&status=beantwoord&page=3",
    "/api/v1/signalen?soort=signaal&oorzaak=complexe-regels&pageSize=50",
  }
  return wrk.format("GET", paden[i % #paden + 1])
end
