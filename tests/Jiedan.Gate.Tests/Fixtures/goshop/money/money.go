// Package money holds amounts in minor units (cents, fen).
package money

import (
	"errors"
	"fmt"
)

// Amount is a sum of money in minor units.
type Amount struct {
	Minor    int64
	Currency string
}

// ErrCurrencyMismatch is returned when two amounts cannot be combined.
var ErrCurrencyMismatch = errors.New("currency mismatch")

// Add returns a+b when both are in the same currency.
func Add(a, b Amount) (Amount, error) {
	if a.Currency != b.Currency {
		return Amount{}, ErrCurrencyMismatch
	}
	return Amount{Minor: a.Minor + b.Minor, Currency: a.Currency}, nil
}

// Split divides an amount into n parts that differ by at most one minor unit.
func Split(a Amount, n int) ([]Amount, error) {
	if n <= 0 {
		return nil, fmt.Errorf("cannot split into %d parts", n)
	}
	parts := make([]Amount, n)
	base := a.Minor / int64(n)
	rest := a.Minor % int64(n)
	for i := range parts {
		parts[i] = Amount{Minor: base, Currency: a.Currency}
		if int64(i) < rest {
			parts[i].Minor++
		}
	}
	return parts, nil
}

// Format prints the amount with two decimals.
func Format(a Amount) string {
	sign := ""
	m := a.Minor
	if m < 0 {
		sign = "-"
		m = -m
	}
	return fmt.Sprintf("%s%d.%02d %s", sign, m/100, m%100, a.Currency)
}
