\ Forth in a .fs file
: double 2 * ;
: triple 3 * ;

( paren ) 4 double .
