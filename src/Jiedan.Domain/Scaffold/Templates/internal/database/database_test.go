package database

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestOpenMigratesOnceAndKeepsForeignKeysOn(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "app.db")
	for i := 0; i < 2; i++ {
		db, err := Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		var applied, fk int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&applied); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		entries, _ := migrations.ReadDir("migrations")
		if applied != len(entries) || fk != 1 {
			t.Fatalf("run %d: %d migrations applied of %d, foreign_keys=%d", i, applied, len(entries), fk)
		}
		_ = db.Close()
	}
}

func TestOpenRefusesWhatIsNotADatabase(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not.db")
	if err := os.WriteFile(file, []byte("this is not SQLite, it is text long enough to look like a header"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), file); err == nil {
		t.Fatal("a text file was opened as a database")
	}
	if _, err := Open(context.Background(), t.TempDir()); err == nil {
		t.Fatal("a folder was opened as a database")
	}
}
