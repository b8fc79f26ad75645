#s Imba sample, written for Jiedan's line-counter tests
value = 42

total = value + 1
check = result #s trailing comment


done = check
