package cart

import (
	"os"
	"testing"

	"example.com/goshop/money"
)

func TestAddMerges(t *testing.T) {
	c := Cart{Currency: "CNY"}
	p := money.Amount{Minor: 999, Currency: "CNY"}
	if err := c.Add(Line{"tea", 1, p}); err != nil {
		t.Fatal(err)
	}
	if err := c.Add(Line{"tea", 2, p}); err != nil {
		t.Fatal(err)
	}
	if len(c.Lines) != 1 || c.Total().Minor != 2997 {
		t.Fatalf("cart = %+v", c)
	}
}

func TestDiscountLaterRelease(t *testing.T) {
	t.Skip("discounts ship in the next release")
}

// TestFlaky fails on its first run and passes on the next when GOSHOP_FLAKY_MARKER names a file,
// so a real `go test -json -count=2` stream contains a flaky test.
func TestFlaky(t *testing.T) {
	marker := os.Getenv("GOSHOP_FLAKY_MARKER")
	if marker == "" {
		return
	}
	if _, err := os.Stat(marker); err != nil {
		_ = os.WriteFile(marker, []byte("seen"), 0o644)
		t.Fatal("first run fails")
	}
}
