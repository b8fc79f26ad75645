value = 42

total = value + 1
/* a block comment
   that spans two lines */
result = total /* inline */
  /* whole line */


done = check
