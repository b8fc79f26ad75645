package validate

import (
	"regexp"
	"strings"
	"testing"

	"jiedan.example/scaffold/internal/httpx"
)

func asError(p *httpx.FieldError) error {
	if p == nil {
		return nil
	}
	return p
}

func TestEachRuleAtItsBoundary(t *testing.T) {
	re := regexp.MustCompile(`^[A-Z]{3}$`)
	cases := []struct {
		name   string
		err    error
		failed bool
	}{
		{"min length 2, 中 (1)", asError(MinLength("f", "中", 2)), true},
		{"min length 2, 中文 (2)", asError(MinLength("f", "中文", 2)), false},
		{"max length 2, 中文 (2)", asError(MaxLength("f", "中文", 2)), false},
		{"max length 2, 中文字 (3)", asError(MaxLength("f", "中文字", 2)), true},
		{"pattern match", asError(Pattern("f", "ABC", re)), false},
		{"pattern miss", asError(Pattern("f", "abc", re)), true},
		{"email", asError(Email("f", "a@example.com")), false},
		{"email with a name", asError(Email("f", "A <a@example.com>")), true},
		{"not an email", asError(Email("f", "example.com")), true},
		{"uuid", asError(UUID("f", "3fa85f64-5717-4562-b3fc-2c963f66afa6")), false},
		{"not a uuid", asError(UUID("f", "3fa85f64")), true},
		{"uri", asError(URI("f", "https://example.com/a")), false},
		{"relative uri", asError(URI("f", "/a")), true},
		{"bad uri", asError(URI("f", "http://[::1")), true},
		{"minimum held", asError(Minimum("f", 0, 0)), false},
		{"minimum broken", asError(Minimum("f", -1, 0)), true},
		{"maximum held", asError(Maximum("f", 1.5, 1.5)), false},
		{"maximum broken", asError(Maximum("f", 1.6, 1.5)), true},
		{"one of", asError(OneOf("f", "b", "a", "b")), false},
		{"none of", asError(OneOf("f", "c", "a", "b")), true},
		{"not empty", asError(NotEmpty("f", 1)), false},
		{"empty", asError(NotEmpty("f", 0)), true},
		{"distinct", asError(Distinct("f", []string{"a", "b"})), false},
		{"repeated", asError(Distinct("f", []string{"a", "b", "a"})), true},
	}
	for _, c := range cases {
		if (c.err != nil) != c.failed {
			t.Errorf("%s: %v", c.name, c.err)
		}
	}
}

func TestProblemsKeepsOnlyBrokenRules(t *testing.T) {
	missing := Missing("b")[0]
	got := Problems(nil, MinLength("a", "", 1), nil, &missing)
	if len(got) != 2 || got[0].Field != "a" || got[1].Field != "b" || !strings.Contains(got[0].Problem, "at least 1") {
		t.Fatalf("%+v", got)
	}
	if d := Distinct("tags", []string{"x", "x"}); d.Field != "tags[1]" {
		t.Fatalf("%+v", d)
	}
}

func TestVersionAndPresence(t *testing.T) {
	zero, negative := int64(0), int64(-1)
	if len(Version("version", &zero)) != 0 || len(Version("version", &negative)) != 1 || len(Version("version", nil)) != 1 {
		t.Fatal("version")
	}
	if Present("user", true) != nil || len(Present("user", false)) != 1 {
		t.Fatal("presence")
	}
}
