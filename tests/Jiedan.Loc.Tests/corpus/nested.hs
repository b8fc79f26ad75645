{- outer {- inner -} still comment -}
main :: IO ()
main = putStrLn "-- not a comment {- nor this"
-- a comment
x = 1 -- trailing
