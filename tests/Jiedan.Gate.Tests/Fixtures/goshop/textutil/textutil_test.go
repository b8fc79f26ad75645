package textutil

import "testing"

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

func BenchmarkReverse(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Reverse("交付门禁 delivery gate 交付门禁 delivery gate")
	}
}

func BenchmarkSlug(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Slug("The Quick Brown Fox Jumps Over The Lazy Dog")
	}
}
