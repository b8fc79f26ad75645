package app

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jiedan.example/scaffold/internal/database"
	"jiedan.example/scaffold/internal/logging"
)

func testHandler(t *testing.T) http.Handler {
	t.Helper()
	db, err := database.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return Handler(db, logging.New(io.Discard, true))
}

func TestConfigFromFlagsAndEnvironment(t *testing.T) {
	c, err := ParseConfig([]string{"-db", "x.db"}, []string{"ADDR=127.0.0.1:9", "SHUTDOWN_TIMEOUT=2s", "DEBUG=true"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9" || c.Database != "x.db" || c.Shutdown != 2*time.Second || !c.Debug {
		t.Fatalf("got %+v", c)
	}
	if _, err := ParseConfig([]string{"-shutdown-timeout", "soon"}, nil, io.Discard); err == nil {
		t.Fatal("a bad duration was accepted")
	}
	if _, err := ParseConfig([]string{"-no-such-flag"}, nil, io.Discard); err == nil {
		t.Fatal("an unknown flag was accepted")
	}
}

func TestHealthOpenAPIAndUnknownRoutes(t *testing.T) {
	h := testHandler(t)
	cases := []struct {
		method, path string
		status       int
		contentType  string
	}{
		{http.MethodGet, "/health", http.StatusOK, "application/json"},
		{http.MethodGet, "/openapi.yaml", http.StatusOK, "application/yaml"},
		{http.MethodGet, "/no/such/route", http.StatusNotFound, "application/problem+json"},
		{http.MethodPatch, "/health", http.StatusMethodNotAllowed, "application/problem+json"},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		if rec.Code != c.status || rec.Header().Get("Content-Type") != c.contentType {
			t.Errorf("%s %s: %d %s", c.method, c.path, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
}

func TestRoutesFlagListsEveryRoute(t *testing.T) {
	var out bytes.Buffer
	if err := Run(context.Background(), []string{"-routes"}, nil, &out, nil); err != nil {
		t.Fatal(err)
	}
	want := ""
	for _, r := range ContractRoutes(nil) {
		want += r.Method + " " + r.Path + "\n"
	}
	if out.String() != want || len(Routes(nil)) != len(ContractRoutes(nil))+2 {
		t.Fatalf("got %q, want %q", out.String(), want)
	}
}

func TestRunServesAndStopsGracefully(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	db := filepath.Join(t.TempDir(), "test.db")
	go func() { done <- Run(ctx, []string{"-addr", "127.0.0.1:0", "-db", db}, nil, io.Discard, ready) }()
	addr := <-ready
	if err := Run(context.Background(), []string{"-healthcheck", "-addr", addr}, nil, io.Discard, nil); err != nil {
		t.Fatalf("health check: %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("stop: %v", err)
	}
	if err := Run(context.Background(), []string{"-healthcheck", "-addr", addr}, nil, io.Discard, nil); err == nil {
		t.Fatal("the health check passed after the server stopped")
	}
}

func TestRunRefusesABadDatabaseAndAddress(t *testing.T) {
	dir := t.TempDir()
	if err := Run(context.Background(), []string{"-db", dir}, nil, io.Discard, nil); err == nil {
		t.Fatal("a folder was accepted as the database")
	}
	db := filepath.Join(dir, "ok.db")
	if err := Run(context.Background(), []string{"-db", db, "-addr", "256.0.0.1:1"}, nil, io.Discard, nil); err == nil {
		t.Fatal("a bad address was accepted")
	}
}

func TestPanicsBecomeProblems(t *testing.T) {
	var out bytes.Buffer
	h := withLogging(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }), logging.New(&out, false))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/x", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(out.String(), `"panic":"boom"`) {
		t.Fatalf("%d %s", rec.Code, out.String())
	}
}

func TestHealthCheckReportsAFailingServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	if err := checkHealth(strings.TrimPrefix(srv.URL, "http://")); err == nil {
		t.Fatal("a 503 passed the health check")
	}
}
