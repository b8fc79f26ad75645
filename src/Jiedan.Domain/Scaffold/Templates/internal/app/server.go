// Package app wires the service: configuration, database, routes, logging and graceful shutdown.
package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"jiedan.example/scaffold/api"
	"jiedan.example/scaffold/internal/database"
	"jiedan.example/scaffold/internal/httpx"
	"jiedan.example/scaffold/internal/logging"
)

// Run serves until ctx is cancelled, then stops accepting and waits for requests in flight. ready (may be nil)
// receives the listening address once the server accepts connections.
func Run(ctx context.Context, args, env []string, stdout io.Writer, ready chan<- string) error {
	cfg, err := ParseConfig(args, env, stdout)
	if err != nil {
		return err
	}
	if cfg.Routes {
		for _, r := range ContractRoutes(nil) {
			fmt.Fprintf(stdout, "%s %s\n", r.Method, r.Path)
		}
		return nil
	}
	if cfg.HealthCheck {
		return checkHealth(cfg.Addr)
	}
	log := logging.New(stdout, cfg.Debug)
	db, err := database.Open(ctx, cfg.Database)
	if err != nil {
		return fmt.Errorf("database %s: %w", cfg.Database, err)
	}
	defer db.Close()
	listener, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	server := &http.Server{Handler: Handler(db, log), ReadHeaderTimeout: 10 * time.Second}
	log.Info("listening", "addr", listener.Addr().String(), "database", cfg.Database)
	if ready != nil {
		ready <- listener.Addr().String()
	}
	return serve(ctx, server, listener, cfg.Shutdown, log)
}

func serve(ctx context.Context, server *http.Server, listener net.Listener, grace time.Duration, log *logging.Logger) error {
	failed := make(chan error, 1)
	go func() { failed <- server.Serve(listener) }()
	select {
	case err := <-failed:
		return err
	case <-ctx.Done():
	}
	log.Info("stopping", "grace", grace.String())
	stop, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := server.Shutdown(stop); err != nil {
		return err
	}
	if err := <-failed; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func checkHealth(addr string) error {
	client := http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get("http://" + addr + "/health")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health: %s", resp.Status)
	}
	return nil
}

// Handler is the whole HTTP API over an open database.
func Handler(db *sql.DB, log *logging.Logger) http.Handler {
	return withLogging(newRouter(Routes(db)), log)
}

func health(w http.ResponseWriter, _ *http.Request, _ string) {
	httpx.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func openAPI(w http.ResponseWriter, _ *http.Request, _ string) {
	w.Header().Set("Content-Type", "application/yaml")
	_, _ = w.Write(api.OpenAPI)
}

func notFound(w http.ResponseWriter, _ *http.Request) {
	httpx.WriteProblem(w, http.StatusNotFound, "no such route")
}

func notAllowed(w http.ResponseWriter, _ *http.Request) {
	httpx.WriteProblem(w, http.StatusMethodNotAllowed, "this route does not take this method")
}

type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func withLogging(next http.Handler, log *logging.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p))
				httpx.WriteProblem(rec, http.StatusInternalServerError, "the request failed")
			}
			log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
				"ms", float64(time.Since(start).Microseconds())/1000)
		}()
		next.ServeHTTP(rec, r)
	})
}
