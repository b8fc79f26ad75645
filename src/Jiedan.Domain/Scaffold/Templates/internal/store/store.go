// Package store keeps every entity in SQLite. Each entity's file says which columns it has; this file does the SQL
// they share: optimistic concurrency on update, paging by insertion order, events written in the same transaction.
package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"jiedan.example/scaffold/internal/httpx"
)

// Store is the database of the service.
type Store struct{ db *sql.DB }

// New wraps an open, migrated database.
func New(db *sql.DB) *Store { return &Store{db: db} }

type scanner interface{ Scan(dest ...any) error }

// Event is written in the transaction of the change that emits it.
type Event struct {
	Name    string
	Payload any
}

func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

func quote(name string) string { return `"` + name + `"` }

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func (s *Store) insert(ctx context.Context, table string, cols []string, vals []any) (string, error) {
	id := newID()
	names := make([]string, 0, len(cols)+2)
	names = append(names, `"id"`, `"version"`)
	for _, c := range cols {
		names = append(names, quote(c))
	}
	query := fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, quote(table), strings.Join(names, ", "), placeholders(len(names)))
	_, err := s.db.ExecContext(ctx, query, append([]any{id, 1}, vals...)...)
	return id, constraint(err)
}

func (s *Store) update(ctx context.Context, table, id string, version int64, cols []string, vals []any, event *Event) error {
	sets := make([]string, 0, len(cols)+1)
	sets = append(sets, `"version" = "version" + 1`)
	for _, c := range cols {
		sets = append(sets, quote(c)+" = ?")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	query := fmt.Sprintf(`UPDATE %s SET %s WHERE "id" = ? AND "version" = ?`, quote(table), strings.Join(sets, ", "))
	result, err := tx.ExecContext(ctx, query, append(vals, id, version)...)
	if err != nil {
		return constraint(err)
	}
	if n, _ := result.RowsAffected(); n == 0 {
		return s.missingOrStale(ctx, tx, table, id)
	}
	if err := emit(ctx, tx, table, id, event); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) missingOrStale(ctx context.Context, tx *sql.Tx, table, id string) error {
	var n int
	if err := tx.QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE "id" = ?`, quote(table)), id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return httpx.ErrNotFound
	}
	return httpx.ErrStale
}

func emit(ctx context.Context, tx *sql.Tx, table, id string, event *Event) error {
	if event == nil {
		return nil
	}
	payload, err := json.Marshal(event.Payload)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO "events" ("name", "entity", "entity_id", "payload", "created_at") VALUES (?, ?, ?, ?, ?)`,
		event.Name, table, id, string(payload), time.Now().UTC().Format(time.RFC3339Nano))
	return err
}

func (s *Store) remove(ctx context.Context, table, id string) error {
	result, err := s.db.ExecContext(ctx, fmt.Sprintf(`DELETE FROM %s WHERE "id" = ?`, quote(table)), id)
	if err != nil {
		return constraint(err)
	}
	if n, _ := result.RowsAffected(); n == 0 {
		return httpx.ErrNotFound
	}
	return nil
}

func (s *Store) one(ctx context.Context, table string, cols []string, id string) *sql.Row {
	query := fmt.Sprintf(`SELECT %s FROM %s WHERE "id" = ?`, columns(cols), quote(table))
	return s.db.QueryRowContext(ctx, query, id)
}

func (s *Store) page(ctx context.Context, table string, cols []string, page httpx.Page) (*sql.Rows, error) {
	query := fmt.Sprintf(`SELECT "seq", %s FROM %s WHERE "seq" > ? ORDER BY "seq" LIMIT ?`, columns(cols), quote(table))
	return s.db.QueryContext(ctx, query, page.After, page.Size+1)
}

func columns(cols []string) string {
	names := []string{`"id"`, `"version"`}
	for _, c := range cols {
		names = append(names, quote(c))
	}
	return strings.Join(names, ", ")
}

// refs are the ids one reference field names; list says whether the field is a list (problems then name the item).
type refs struct {
	table string
	field string
	list  bool
	ids   []string
}

// checkRefs reports the first reference to a record that does not exist, naming the field (and item).
func (s *Store) checkRefs(ctx context.Context, fields ...refs) error {
	for _, f := range fields {
		for i, id := range f.ids {
			var n int
			query := fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE "id" = ?`, quote(f.table))
			if err := s.db.QueryRowContext(ctx, query, id).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return httpx.RefError{FieldError: httpx.FieldError{Field: refPath(f, i), Problem: "names no record that exists"}}
			}
		}
	}
	return nil
}

func refPath(f refs, i int) string {
	if !f.list {
		return f.field
	}
	return fmt.Sprintf("%s[%d]", f.field, i)
}

func constraint(err error) error {
	var e sqlite3.Error
	if !errors.As(err, &e) || e.Code != sqlite3.ErrConstraint {
		return err
	}
	switch e.ExtendedCode {
	case sqlite3.ErrConstraintUnique:
		column := e.Error()[strings.LastIndex(e.Error(), ".")+1:]
		return httpx.UniqueError{Field: column}
	case sqlite3.ErrConstraintForeignKey:
		return httpx.ErrInUse
	default:
		return err
	}
}

func text(v *string) any {
	if v == nil {
		return nil
	}
	return *v
}

func whole[T int32 | int64](v *T) any {
	if v == nil {
		return nil
	}
	return int64(*v)
}

func float(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func flag(v *bool) any {
	if v == nil {
		return nil
	}
	return *v
}

func instant(v *time.Time) any {
	if v == nil {
		return nil
	}
	return v.UTC().Format(time.RFC3339Nano)
}

// list stores a list as JSON text (what it holds, strings, numbers, times and ids, always encodes).
func list[T any](v []T) any {
	if v == nil {
		return nil
	}
	data, _ := json.Marshal(v)
	return string(data)
}

func fromText(v sql.NullString) *string {
	if !v.Valid {
		return nil
	}
	return &v.String
}

func fromInt32(v sql.NullInt64) *int32 {
	if !v.Valid {
		return nil
	}
	n := int32(v.Int64)
	return &n
}

func fromInt64(v sql.NullInt64) *int64 {
	if !v.Valid {
		return nil
	}
	return &v.Int64
}

func fromReal(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	return &v.Float64
}

func fromFlag(v sql.NullBool) *bool {
	if !v.Valid {
		return nil
	}
	return &v.Bool
}

// fromInstant reads what instant wrote; a value it cannot read (written by hand) reads as absent.
func fromInstant(v sql.NullString) *time.Time {
	t, err := time.Parse(time.RFC3339Nano, v.String)
	if !v.Valid || err != nil {
		return nil
	}
	return &t
}

// fromList reads what list wrote; a value it cannot read (written by hand) reads as absent.
func fromList[T any](v sql.NullString) []T {
	var out []T
	if !v.Valid || json.Unmarshal([]byte(v.String), &out) != nil {
		return nil
	}
	return out
}
