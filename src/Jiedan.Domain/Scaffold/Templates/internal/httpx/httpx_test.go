package httpx

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestReadObjectRefusesWhatIsNotOneBoundedObject(t *testing.T) {
	cases := []struct {
		body   string
		status int
	}{
		{`[1, 2]`, http.StatusBadRequest},
		{`{"a": `, http.StatusBadRequest},
		{`null`, http.StatusBadRequest},
		{`{"a": "` + strings.Repeat("x", MaxBody) + `"}`, http.StatusRequestEntityTooLarge},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		if _, ok := ReadObject(rec, httptest.NewRequest(http.MethodPost, "/", strings.NewReader(c.body))); ok {
			t.Fatalf("accepted %.20s", c.body)
		}
		if rec.Code != c.status || rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%.20s: %d", c.body, rec.Code)
		}
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, http.ErrBodyReadAfterClose }

func TestReadObjectReportsAnUnreadableBody(t *testing.T) {
	rec := httptest.NewRecorder()
	if _, ok := ReadObject(rec, httptest.NewRequest(http.MethodPost, "/", failingReader{})); ok || rec.Code != 400 {
		t.Fatalf("%d", rec.Code)
	}
}

func TestFieldsDecodeEachKindAndNameTheBadOnes(t *testing.T) {
	body := `{"s": "中文", "i": 7, "l": 9000000000, "f": 1.5, "b": true, "t": "2025-01-01T08:00:00Z",
		"n": null, "bad": "x", "list": ["a"], "badlist": [1], "obj": {"id": "x", "extra": 1}, "notobj": 3, "zz": 1}`
	f, problem := Parse([]byte(body))
	if problem != "" {
		t.Fatal(problem)
	}
	if *Value[string](f, "s") != "中文" || *Value[int32](f, "i") != 7 || *Value[int64](f, "l") != 9000000000 {
		t.Fatal("scalars")
	}
	if *Value[float64](f, "f") != 1.5 || !*Value[bool](f, "b") || !Value[time.Time](f, "t").Equal(time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)) {
		t.Fatal("more scalars")
	}
	if Value[string](f, "n") != nil || Value[string](f, "absent") != nil || Value[int32](f, "bad") != nil {
		t.Fatal("absent, null or bad values must be nil")
	}
	if len(List[string](f, "list")) != 1 || List[string](f, "badlist") != nil || List[string](f, "none") != nil {
		t.Fatal("lists")
	}
	inner := f.Object("obj")
	inner.Ignore("id")
	f.Merge(inner)
	if f.Object("notobj") != nil || f.Object("absent") != nil {
		t.Fatal("objects")
	}
	f.Unknown()
	var names []string
	for _, e := range f.Errors {
		names = append(names, e.Field)
	}
	want := "bad badlist obj.extra notobj zz"
	if strings.Join(names, " ") != want {
		t.Fatalf("got %v, want %s", names, want)
	}
}

func TestKindsNameTheExpectedType(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{{"", "a string"}, {int32(0), "2147483647"}, {int64(0), "9223372036854775807"}, {0.0, "a number"},
		{false, "true or false"}, {time.Time{}, "RFC 3339"}, {struct{}{}, "an id"}} {
		if !strings.Contains(kind(c.v), c.want) {
			t.Errorf("%T: %s", c.v, kind(c.v))
		}
	}
}

func TestInvalidNamesEveryField(t *testing.T) {
	rec := httptest.NewRecorder()
	WriteInvalid(rec, []FieldError{{Field: "a", Problem: "is required"}, {Field: "b", Problem: "must be a string"}})
	var p Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.Status != 400 || len(p.Errors) != 2 || p.Detail != "a: is required; b: must be a string" {
		t.Fatalf("%+v", p)
	}
}

func TestPagingReadsSizeAndToken(t *testing.T) {
	token := NextToken(41, true)
	if NextToken(41, false) != "" {
		t.Fatal("a last page has no token")
	}
	cases := []struct {
		query string
		ok    bool
		page  Page
	}{
		{"", true, Page{Size: DefaultPageSize}},
		{"page_size=0", true, Page{Size: DefaultPageSize}},
		{"page_size=1000&page_token=" + token, true, Page{Size: 1000, After: 41}},
		{"page_size=1001", false, Page{}},
		{"page_size=-1", false, Page{}},
		{"page_size=x", false, Page{}},
		{"page_token=***", false, Page{}},
		{"page_token=" + NextToken(-5, true), false, Page{}},
		{"page_token=" + strings.Repeat("A", 1025), false, Page{}},
		{"page_token=eHl6", false, Page{}},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		page, ok := ReadPage(rec, httptest.NewRequest(http.MethodGet, "/?"+c.query, nil))
		if ok != c.ok || (ok && page != c.page) || (!ok && rec.Code != 400) {
			t.Errorf("%s: %v %+v %d", c.query, ok, page, rec.Code)
		}
	}
}

func TestErrorsBecomeTheirStatus(t *testing.T) {
	cases := []struct {
		err    error
		status int
	}{
		{ErrNotFound, 404}, {ErrStale, 409}, {ErrInUse, 409}, {UniqueError{Field: "email"}, 409},
		{RefError{FieldError{Field: "owner", Problem: "names no record that exists"}}, 400}, {http.ErrHandlerTimeout, 500},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		WriteError(rec, c.err)
		if rec.Code != c.status {
			t.Errorf("%v: %d", c.err, rec.Code)
		}
	}
}
