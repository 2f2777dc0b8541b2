-- GET /api/v1/signalen?zoek=…: Dutch full-text search (stems), sometimes with a filter.
local c = dofile(os.getenv("SCHAKEL_LUA_DIR") .. "/common.lua")
setup, done = c.setup, c.done

local vragen = {
  "voorschot", "terugvordering%20voorschot", "keuringen", "wachttijden", "bijstand%20schulden",
  "kinderopvangtoeslag", "rijbewijs", "terugbetalen", "beslagvrije%20voet", "aangifte",
  "schulden&status=beantwoord", "digitaal&teLaat=true",
}
local counter = 0

function request()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/signalen?zoek=" .. vragen[counter % #vragen + 1])
end
