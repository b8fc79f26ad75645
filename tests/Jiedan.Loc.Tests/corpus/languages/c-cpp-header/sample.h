// C/C++ Header sample, written for Jiedan's line-counter tests
value = 42

total = value + 1
/* a block comment
   that spans two lines */
result = total /* inline */
  /* whole line */
check = result // trailing comment


done = check
