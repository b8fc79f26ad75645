-- a comment
local s = "-- not a comment"
local t = [[
-- inside a long string
]]
--[[ a block
comment ]]
print(s, t) -- trailing
