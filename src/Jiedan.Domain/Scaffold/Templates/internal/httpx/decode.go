package httpx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"time"
)

// MaxBody caps every request body.
const MaxBody = 1 << 20

// Fields reads the members of one JSON object, remembering which were read, so that unknown members are refused.
type Fields struct {
	prefix string
	raw    map[string]json.RawMessage
	read   map[string]bool
	Errors []FieldError
}

// ReadObject reads a bounded JSON object body. On failure it has already answered (400 or 413) and returns false.
func ReadObject(w http.ResponseWriter, r *http.Request) (*Fields, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		WriteProblem(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", MaxBody))
		return nil, false
	}
	if err != nil {
		WriteProblem(w, http.StatusBadRequest, "the body could not be read")
		return nil, false
	}
	f, problem := Parse(body)
	if problem != "" {
		WriteProblem(w, http.StatusBadRequest, problem)
		return nil, false
	}
	return f, true
}

// Parse reads a JSON object; the second result says what is wrong when it is not one.
func Parse(body []byte) (*Fields, string) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil || raw == nil {
		return nil, "the body must be one JSON object"
	}
	return &Fields{raw: raw, read: map[string]bool{}}, ""
}

// Path is the full name of a member, with the names of the objects around it.
func (f *Fields) Path(name string) string { return f.prefix + name }

// Fail records a problem with the named member.
func (f *Fields) Fail(name, problem string) {
	f.Errors = append(f.Errors, FieldError{Field: f.Path(name), Problem: problem})
}

// Ignore marks members the service sets itself (id, version) as read without using them.
func (f *Fields) Ignore(names ...string) {
	for _, name := range names {
		f.read[name] = true
	}
}

func (f *Fields) member(name string) (json.RawMessage, bool) {
	f.read[name] = true
	v, ok := f.raw[name]
	if !ok || bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
		return nil, false
	}
	return v, true
}

// Object returns the members of a nested object, or nil when it is absent or not an object.
func (f *Fields) Object(name string) *Fields {
	v, ok := f.member(name)
	if !ok {
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(v, &raw); err != nil || raw == nil {
		f.Fail(name, "must be an object")
		return nil
	}
	return &Fields{prefix: f.Path(name) + ".", raw: raw, read: map[string]bool{}}
}

// Merge adds the problems found in a nested object.
func (f *Fields) Merge(inner *Fields) {
	inner.Unknown()
	f.Errors = append(f.Errors, inner.Errors...)
}

// Unknown records a problem for every member nobody read.
func (f *Fields) Unknown() {
	var names []string
	for name := range f.raw {
		if !f.read[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		f.Fail(name, "is not a field of this object")
	}
}

// Value decodes one member; absent or null leaves nil.
func Value[T any](f *Fields, name string) *T {
	v, ok := f.member(name)
	if !ok {
		return nil
	}
	var out T
	if err := json.Unmarshal(v, &out); err != nil {
		f.Fail(name, "must be "+kind(out))
		return nil
	}
	return &out
}

// List decodes a member holding an array; absent or null leaves nil.
func List[T any](f *Fields, name string) []T {
	v, ok := f.member(name)
	if !ok {
		return nil
	}
	var out []T
	if err := json.Unmarshal(v, &out); err != nil || out == nil {
		var zero T
		f.Fail(name, "must be an array of "+kind(zero))
		return nil
	}
	return out
}

func kind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int32:
		return "a whole number from -2147483648 to 2147483647"
	case int64:
		return "a whole number from -9223372036854775808 to 9223372036854775807"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case time.Time:
		return "a date-time as RFC 3339 (2006-01-02T15:04:05Z)"
	default:
		return "an object with an id"
	}
}
