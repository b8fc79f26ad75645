// Package cart totals a shopping cart.
package cart

import (
	"errors"

	"example.com/goshop/money"
)

// Line is one product in the cart.
type Line struct {
	SKU      string
	Quantity int
	Price    money.Amount
}

// Cart is an ordered list of lines in one currency.
type Cart struct {
	Currency string
	Lines    []Line
}

// Add appends a line, merging it with an existing line for the same SKU.
func (c *Cart) Add(l Line) error {
	if l.Quantity <= 0 {
		return errors.New("quantity must be positive")
	}
	if l.Price.Currency != c.Currency {
		return money.ErrCurrencyMismatch
	}
	for i := range c.Lines {
		if c.Lines[i].SKU == l.SKU {
			c.Lines[i].Quantity += l.Quantity
			return nil
		}
	}
	c.Lines = append(c.Lines, l)
	return nil
}

// Total sums the cart.
func (c *Cart) Total() money.Amount {
	total := money.Amount{Currency: c.Currency}
	for _, l := range c.Lines {
		total.Minor += l.Price.Minor * int64(l.Quantity)
	}
	return total
}

// Discount applies a percentage discount with banker's rounding.
func (c *Cart) Discount(percent int) (money.Amount, error) {
	if percent < 0 || percent > 100 {
		return money.Amount{}, errors.New("percent out of range")
	}
	t := c.Total()
	off := t.Minor * int64(percent)
	q, r := off/100, off%100
	switch {
	case r > 50:
		q++
	case r == 50 && q%2 == 1:
		q++
	}
	return money.Amount{Minor: t.Minor - q, Currency: t.Currency}, nil
}
