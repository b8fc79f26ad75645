; Clojure sample, written for Jiedan's line-counter tests
value = 42

total = value + 1
  #_ another comment style
check = result ; trailing comment


done = check
