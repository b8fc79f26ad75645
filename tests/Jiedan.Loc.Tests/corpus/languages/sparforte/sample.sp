#! SparForte sample, written for Jiedan's line-counter tests
value = 42

total = value + 1
  -- another comment style
check = result #! trailing comment


done = check
