package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"jiedan.example/scaffold/internal/database"
)

func testStore(t *testing.T) *Store {
	t.Helper()
	db, err := database.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return New(db)
}

func TestColumnValuesRoundTrip(t *testing.T) {
	s, i32, i64, f, b := "中文", int32(-7), int64(1)<<40, 2.5, true
	at := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	if text(nil) != nil || whole[int32](nil) != nil || float(nil) != nil || flag(nil) != nil || instant(nil) != nil {
		t.Fatal("nil must stay NULL")
	}
	if *fromText(sql.NullString{String: text(&s).(string), Valid: true}) != s {
		t.Fatal("text")
	}
	if *fromInt32(sql.NullInt64{Int64: whole(&i32).(int64), Valid: true}) != i32 || *fromInt64(sql.NullInt64{Int64: whole(&i64).(int64), Valid: true}) != i64 {
		t.Fatal("whole")
	}
	if *fromReal(sql.NullFloat64{Float64: float(&f).(float64), Valid: true}) != f || !*fromFlag(sql.NullBool{Bool: flag(&b).(bool), Valid: true}) {
		t.Fatal("real or flag")
	}
	back := fromInstant(sql.NullString{String: instant(&at).(string), Valid: true})
	if back == nil || !back.Equal(at) || fromInstant(sql.NullString{String: "yesterday", Valid: true}) != nil {
		t.Fatal("instant")
	}
	if fromText(sql.NullString{}) != nil || fromInt32(sql.NullInt64{}) != nil || fromInt64(sql.NullInt64{}) != nil ||
		fromReal(sql.NullFloat64{}) != nil || fromFlag(sql.NullBool{}) != nil {
		t.Fatal("NULL must read as nil")
	}
	if fromInstant(sql.NullString{}) != nil {
		t.Fatal("NULL instant")
	}
	decoded := fromList[string](sql.NullString{String: list([]string{"a", "b"}).(string), Valid: true})
	if len(decoded) != 2 || list[string](nil) != nil || fromList[string](sql.NullString{}) != nil {
		t.Fatal("list")
	}
	if fromList[string](sql.NullString{String: "not json", Valid: true}) != nil {
		t.Fatal("unreadable list")
	}
}

func TestIDsAreVersion4UUIDs(t *testing.T) {
	a, b := newID(), newID()
	if a == b || len(a) != 36 || a[14] != '4' {
		t.Fatalf("%s %s", a, b)
	}
}

func TestOtherErrorsPassThrough(t *testing.T) {
	plain := errors.New("plain")
	if constraint(plain) != plain || constraint(nil) != nil {
		t.Fatal("constraint changed an error that is not a constraint")
	}
}
