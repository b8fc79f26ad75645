// Package testkit holds what the generated tests share: a fresh database, request helpers and rule assertions.
package testkit

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"jiedan.example/scaffold/internal/database"
	"jiedan.example/scaffold/internal/httpx"
)

// Absent, as a case's value, removes the field from the body.
var Absent any = &struct{ name string }{"absent"}

// DB is a migrated in-memory database, closed when the test ends.
func DB(t testing.TB) *sql.DB {
	t.Helper()
	db, err := database.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// With returns a copy of body with one field set (or removed, for Absent).
func With(body map[string]any, field string, value any) map[string]any {
	out := make(map[string]any, len(body))
	for k, v := range body {
		out[k] = v
	}
	if value == Absent {
		delete(out, field)
	} else {
		out[field] = value
	}
	return out
}

// JSON encodes v or fails the test.
func JSON(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Decode reads JSON into a T or fails the test.
func Decode[T any](t testing.TB, data []byte) T {
	t.Helper()
	var out T
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	return out
}

// Names says whether a problem names the path itself or something inside it (path.id, path[0]).
func Names(problems []httpx.FieldError, path string) bool {
	for _, p := range problems {
		if p.Field == path || strings.HasPrefix(p.Field, path+".") || strings.HasPrefix(p.Field, path+"[") {
			return true
		}
	}
	return false
}

// Do calls a handler with a JSON body (nil for none) and returns what it answered.
func Do(handle func(http.ResponseWriter, *http.Request, string), method, target, id string, body any) *httptest.ResponseRecorder {
	var reader *bytes.Reader
	if raw, ok := body.(string); ok {
		reader = bytes.NewReader([]byte(raw))
	} else {
		data, _ := json.Marshal(body)
		reader = bytes.NewReader(data)
	}
	rec := httptest.NewRecorder()
	handle(rec, httptest.NewRequest(method, target, reader), id)
	return rec
}

// Problems reads the field problems of a problem+json answer.
func Problems(t testing.TB, rec *httptest.ResponseRecorder) []httpx.FieldError {
	t.Helper()
	if rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("%d %s: not problem+json", rec.Code, rec.Body.String())
	}
	return Decode[httpx.Problem](t, rec.Body.Bytes()).Errors
}

// MissingID is a UUID no record has.
const MissingID = "00000000-0000-4000-8000-000000000000"

// Contains says whether the list holds the id.
func Contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
