package money

import "testing"

func TestAdd(t *testing.T) {
	got, err := Add(Amount{150, "CNY"}, Amount{250, "CNY"})
	if err != nil || got.Minor != 400 {
		t.Fatalf("Add = %v, %v", got, err)
	}
	if _, err := Add(Amount{1, "CNY"}, Amount{1, "USD"}); err != ErrCurrencyMismatch {
		t.Fatalf("want mismatch, got %v", err)
	}
}

func TestSplit(t *testing.T) {
	parts, err := Split(Amount{1000, "USD"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if parts[0].Minor != 334 || parts[2].Minor != 333 {
		t.Fatalf("Split = %v", parts)
	}
}

func TestFormat(t *testing.T) {
	if got := Format(Amount{12345, "CNY"}); got != "123.45 CNY" {
		t.Fatalf("Format = %q", got)
	}
}
