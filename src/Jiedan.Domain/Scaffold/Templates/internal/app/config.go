package app

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// Config is read from flags; each flag has an environment variable that gives its default.
type Config struct {
	Addr        string
	Database    string
	Debug       bool
	Shutdown    time.Duration
	Routes      bool
	HealthCheck bool
}

// ParseConfig reads args (without the program name) with defaults from env (as os.Environ gives it).
func ParseConfig(args, env []string, out io.Writer) (Config, error) {
	vars := map[string]string{}
	for _, kv := range env {
		if key, value, ok := strings.Cut(kv, "="); ok {
			vars[key] = value
		}
	}
	lookup := func(key, fallback string) string {
		if v, ok := vars[key]; ok && v != "" {
			return v
		}
		return fallback
	}
	var c Config
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&c.Addr, "addr", lookup("ADDR", "127.0.0.1:8080"), "listen address (ADDR)")
	fs.StringVar(&c.Database, "db", lookup("DATABASE", "data.db"), "SQLite database file (DATABASE)")
	fs.BoolVar(&c.Debug, "debug", lookup("DEBUG", "") == "true", "log debug lines (DEBUG=true)")
	shutdown := fs.String("shutdown-timeout", lookup("SHUTDOWN_TIMEOUT", "10s"), "time to finish requests on stop (SHUTDOWN_TIMEOUT)")
	fs.BoolVar(&c.Routes, "routes", false, "print the served routes and exit")
	fs.BoolVar(&c.HealthCheck, "healthcheck", false, "ask the running server's /health and exit 0 when it answers 200")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	d, err := time.ParseDuration(*shutdown)
	if err != nil || d <= 0 {
		return c, fmt.Errorf("shutdown-timeout: %q is not a positive duration", *shutdown)
	}
	c.Shutdown = d
	return c, nil
}
