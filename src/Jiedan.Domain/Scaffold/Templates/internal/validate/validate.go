// Package validate holds the rules of the contract as small functions; each returns nil or the problem.
package validate

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"unicode/utf8"

	"jiedan.example/scaffold/internal/httpx"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// Problems collects the problems found; nil entries are rules that held.
func Problems(found ...*httpx.FieldError) []httpx.FieldError {
	var out []httpx.FieldError
	for _, p := range found {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

func fail(path, format string, args ...any) *httpx.FieldError {
	return &httpx.FieldError{Field: path, Problem: fmt.Sprintf(format, args...)}
}

// Missing is the problem of a required field that was not given.
func Missing(path string) []httpx.FieldError {
	return []httpx.FieldError{{Field: path, Problem: "is required"}}
}

// MinLength counts Unicode code points, as the contract's min_length does.
func MinLength(path, s string, min int) *httpx.FieldError {
	if utf8.RuneCountInString(s) < min {
		return fail(path, "must be at least %d characters", min)
	}
	return nil
}

// MaxLength counts Unicode code points, as the contract's max_length does.
func MaxLength(path, s string, max int) *httpx.FieldError {
	if utf8.RuneCountInString(s) > max {
		return fail(path, "must be at most %d characters", max)
	}
	return nil
}

// Pattern requires a match somewhere in s (anchor the pattern to match all of it), as JSON Schema does.
func Pattern(path, s string, re *regexp.Regexp) *httpx.FieldError {
	if !re.MatchString(s) {
		return fail(path, "must match %s", re.String())
	}
	return nil
}

// Email accepts one address without a display name.
func Email(path, s string) *httpx.FieldError {
	address, err := mail.ParseAddress(s)
	if err != nil || address.Address != s {
		return fail(path, "must be an email address")
	}
	return nil
}

// UUID accepts the 8-4-4-4-12 hexadecimal form.
func UUID(path, s string) *httpx.FieldError {
	if !uuidPattern.MatchString(s) {
		return fail(path, "must be a UUID")
	}
	return nil
}

// URI accepts an absolute URI (with a scheme).
func URI(path, s string) *httpx.FieldError {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return fail(path, "must be an absolute URI")
	}
	return nil
}

// Minimum is an inclusive lower bound.
func Minimum(path string, v, min float64) *httpx.FieldError {
	if v < min {
		return fail(path, "must be at least %s", number(min))
	}
	return nil
}

// Maximum is an inclusive upper bound.
func Maximum(path string, v, max float64) *httpx.FieldError {
	if v > max {
		return fail(path, "must be at most %s", number(max))
	}
	return nil
}

// OneOf requires one of the enum's values.
func OneOf(path, s string, values ...string) *httpx.FieldError {
	for _, v := range values {
		if s == v {
			return nil
		}
	}
	return fail(path, "must be one of %v", values)
}

// NotEmpty is a required list: at least one item.
func NotEmpty(path string, n int) *httpx.FieldError {
	if n == 0 {
		return fail(path, "must have at least 1 item")
	}
	return nil
}

// Distinct requires every item of a list to differ from the others; key gives what is compared.
func Distinct(path string, keys []string) *httpx.FieldError {
	seen := make(map[string]int, len(keys))
	for i, k := range keys {
		if first, ok := seen[k]; ok {
			return fail(Item(path, i), "repeats item %d", first)
		}
		seen[k] = i
	}
	return nil
}

// Item is the path of one element of a list.
func Item(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Version is the version an update or action names: required, at least 0.
func Version(path string, v *int64) []httpx.FieldError {
	if v == nil {
		return Missing(path)
	}
	return Problems(Minimum(path, float64(*v), 0))
}

// Present requires a member that must be given.
func Present(path string, given bool) []httpx.FieldError {
	if given {
		return nil
	}
	return Missing(path)
}
