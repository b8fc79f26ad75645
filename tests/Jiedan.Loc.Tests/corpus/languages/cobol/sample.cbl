value = 42

total = value + 1


done = check
