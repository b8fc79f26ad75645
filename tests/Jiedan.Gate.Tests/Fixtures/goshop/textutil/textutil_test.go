package textutil

import (
	"os"
	"testing"
)

func TestReverse(t *testing.T) {
	if got := Reverse("接单go"); got != "og单接" {
		t.Fatalf("Reverse = %q", got)
	}
}

func TestSlug(t *testing.T) {
	if got := Slug("Hello, World 2"); got != "hello-world-2" {
		t.Fatalf("Slug = %q", got)
	}
}

// BenchmarkReverse does twenty times the work when GOSHOP_BENCH_SLOW is set, so a test can record a real regression.
func BenchmarkReverse(b *testing.B) {
	reps := 1
	if os.Getenv("GOSHOP_BENCH_SLOW") != "" {
		reps = 20
	}
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			Reverse("交付门禁 delivery gate 交付门禁 delivery gate")
		}
	}
}

func BenchmarkSlug(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Slug("The Quick Brown Fox Jumps Over The Lazy Dog")
	}
}
