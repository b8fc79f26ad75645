; IDL sample, written for Jiedan's line-counter tests
value = 42

total = value + 1
check = result ; trailing comment


done = check
