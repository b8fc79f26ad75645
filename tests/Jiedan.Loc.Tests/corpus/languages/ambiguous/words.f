\ Forth
: square dup * ;
: cube dup square * ;

( a paren comment ) 3 cube .
