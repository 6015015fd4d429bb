-- The intake as consumers go through it, so that every cycle creates one real case:
--   GET  /complaint/consent   (antiforgery token and cookie)
--   POST /complaint/consent   (the three confirmations; the draft cookie comes back)
--   POST /complaint/form      (a complete complaint, intent=review; saved in the draft)
--   POST /complaint/submit    (draft -> case, consent, timeline, acknowledgement in the outbox)
-- then starts again as the next complaint from the same browser. wrk cannot tell which connection a callback
-- is for, so run it with as many threads as connections (-t N -c N): each thread's Lua state is one browser.
-- wrk keeps only the last Set-Cookie of a response, and the consent page sets the antiforgery cookie beside
-- another; so each browser's antiforgery cookie is fetched beforehand with curl (BENCH_AF_COOKIES, one
-- "name=value" per thread, space-separated) and kept, as a browser keeps it. The draft cookie comes from wrk.
-- The same script drives the raw baseline, which serves the same four steps.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local step, cookies, token = 1, {}, ""
cases, failures, antiforgery = 0, 0, ""


local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function form(fields)
  local parts = {}
  for _, kv in ipairs(fields) do parts[#parts + 1] = kv[1] .. "=" .. urlencode(kv[2]) end
  return table.concat(parts, "&")
end

local function cookie_header()
  local parts = { antiforgery }
  for name, value in pairs(cookies) do parts[#parts + 1] = name .. "=" .. value end
  return table.concat(parts, "; ")
end

local merchants = { "深圳市优品电子商务有限公司", "Lucky Outlet Store", "台灣華星國際有限公司", "한미 Korea Shop", "Bright Deals Pte. Ltd." }
local countries = { "CN", "US", "TW", "KR", "SG" }
local description = string.rep("注文した商品が届かず、販売者に何度も問い合わせましたが返信がありません。", 4)

local function complaint(n)
  local i = (n % #merchants) + 1
  return {
    { "Form.Consumer.Name", "山田 太郎" }, { "Form.Consumer.NameKana", "ヤマダ タロウ" },
    { "Form.Consumer.Email", "taro" .. n .. "@example.jp" }, { "Form.Consumer.EmailConfirmation", "taro" .. n .. "@example.jp" },
    { "Form.Consumer.Phone", "090-1234-5678" }, { "Form.Consumer.PostalCode", "100-0001" }, { "Form.Consumer.Prefecture", "JP-13" },
    { "Form.Consumer.Address", "千代田区千代田1-1" }, { "Form.Consumer.AgeBand", "Forties" },
    { "Form.Business.Name", merchants[i] }, { "Form.Business.Website", "https://shop.example.com/" },
    { "Form.Business.Country", countries[i] }, { "Form.Business.Email", "" }, { "Form.Business.Phone", "" },
    { "Form.Purchase.Date", "2026-10-01" }, { "Form.Purchase.Item", "ワイヤレスイヤホン" }, { "Form.Purchase.Amount", "12800" },
    { "Form.Purchase.Currency", "JPY" }, { "Form.Purchase.PaymentMethod", "CreditCard" }, { "Form.Purchase.Platform", "BusinessOwnSite" },
    { "Form.Purchase.PlatformName", "" }, { "Form.Purchase.OrderNumber", "A-" .. n },
    { "Form.Trouble.Category", "NotDelivered" }, { "Form.Trouble.WhatHappened", description },
    { "Form.Trouble.ContactedOn", "2026-10-20" }, { "Form.Trouble.ContactMethod", "Email" },
    { "Form.Trouble.BusinessResponse", "返信はありません。" }, { "Form.Trouble.DesiredResolution", "Refund" },
    { "intent", "review" }, { "__RequestVerificationToken", token },
  }
end

request = function()
  local headers = { ["Cookie"] = cookie_header(), ["Content-Type"] = "application/x-www-form-urlencoded" }
  if step == 1 then
    return wrk.format("GET", "/complaint/consent", { ["Cookie"] = antiforgery })
  elseif step == 2 then
    return wrk.format("POST", "/complaint/consent", headers, form({
      { "Consent.AgreesToHandling", "true" }, { "Consent.HasContactedBusiness", "true" },
      { "Consent.IsConsumerPurchase", "true" }, { "Consent.ProvisionAbroad", "yes" },
      { "__RequestVerificationToken", token } }))
  elseif step == 3 then
    return wrk.format("POST", "/complaint/form", headers, form(complaint(cases)))
  else
    return wrk.format("POST", "/complaint/submit", headers, form({ { "__RequestVerificationToken", token } }))
  end
end

-- The step's expected answer: the page (200) for the GET, a redirect to the next step for each POST.
local expected = { [1] = { 200, nil }, [2] = { 302, "/complaint/form" }, [3] = { 302, "/complaint/review" }, [4] = { 302, "/complaint/received" } }

response = function(status, headers, body)
  for name, value in pairs(headers) do
    if name:lower() == "set-cookie" then
      local k, v = value:match("^([^=]+)=([^;]*)")
      if k and v ~= "" then cookies[k] = v elseif k then cookies[k] = nil end
    end
  end
  local want = expected[step]
  local location = headers["Location"] or headers["location"] or ""
  if status ~= want[1] or (want[2] and not location:find(want[2], 1, true)) then
    failures = failures + 1
    step, cookies = 1, {}
    return
  end
  if step == 1 then
    token = body:match('name="__RequestVerificationToken" type="hidden" value="([^"]+)"') or ""
  end
  if step == 4 then
    cases = cases + 1
    step, cookies = 1, {}
  else
    step = step + 1
  end
end

local threads = {}
local browsers = {}
for c in (os.getenv("BENCH_AF_COOKIES") or ""):gmatch("%S+") do browsers[#browsers + 1] = c end
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("antiforgery", browsers[((#threads - 1) % math.max(#browsers, 1)) + 1] or "")
end

function done(summary, latency, requests)
  local made, failed = 0, 0
  for _, t in ipairs(threads) do
    made = made + t:get("cases")
    failed = failed + t:get("failures")
  end
  summary.errors.status = summary.errors.status + failed
  io.write(string.format("CASES created=%d per_second=%.1f\n", made, made / (summary.duration / 1e6)))
  bench_report(summary, latency, requests)
end
