C Fortran 77 sample, written for Jiedan's line-counter tests
value = 42

total = value + 1
check = result C trailing comment


done = check
