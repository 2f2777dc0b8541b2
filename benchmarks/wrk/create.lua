-- POST /api/v1/signalen as a filing system: token authentication and a fresh Idempotency-Key.
local c = dofile(os.getenv("SCHAKEL_LUA_DIR") .. "/common.lua")
setup, done = c.setup, c.done

local token = os.getenv("SCHAKEL_TOKEN")
local run = os.getenv("SCHAKEL_RUN")
local regeling = os.getenv("SCHAKEL_REGELING")
local plaatsen = {"Zwolle", "Breda", "Leeuwarden", "Tilburg", "Enschede", "Almere", "Delft", "Assen"}
local counter = 0

function request()
  counter = counter + 1
  local plaats = plaatsen[counter % #plaatsen + 1]
  local body = string.format(
    '{"titel": "Terugvordering voorschot duwt cliënten in %s in de schulden (meting %s-%d-%d)", ' ..
    '"praktijk": "Cliënten in %s krijgen een voorschot en moeten dat later in één keer terugbetalen. ' ..
    'Zij openen hun post niet meer en de schulden lopen op.", ' ..
    '"getroffenBurgers": "Aanvragers met een voorschot en schulden", "aantalGetroffen": %d, ' ..
    '"regeling": "%s", "artikelen": "art. 35", ' ..
    '"verbetervoorstel": "Sta terugbetaling in termijnen toe, afgestemd op de beslagvrije voet.", ' ..
    '"oorzaken": ["complexe-regels"]}',
    plaats, run, tid or 0, counter, plaats, 100 + counter % 900, regeling)
  return wrk.format("POST", "/api/v1/signalen", {
    ["Authorization"] = "Token " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, tid or 0, counter),
  }, body)
end
