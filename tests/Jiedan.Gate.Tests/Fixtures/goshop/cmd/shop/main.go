// Command shop prints a demo cart total.
package main

import (
	"fmt"

	"example.com/goshop/cart"
	"example.com/goshop/money"
)

func main() {
	c := cart.Cart{Currency: "CNY"}
	_ = c.Add(cart.Line{SKU: "tea", Quantity: 2, Price: money.Amount{Minor: 1999, Currency: "CNY"}})
	fmt.Println(money.Format(c.Total()))
}
