// Package corpus shows comment markers inside Go strings.
package corpus

import "fmt"

/* A block comment
   spanning three lines
*/
var url = "http://example.com/*" // the /* inside the string opens nothing

var raw = `
// not a comment: inside a raw string
/* nor this */
`

func f() {
	x := 1 /* a comment
	that ends */ + 2
	fmt.Println(x, '"', "*/") // a char literal holding a quote
}
