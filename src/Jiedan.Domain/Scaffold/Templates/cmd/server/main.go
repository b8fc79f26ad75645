// Command server runs the service: see README.md for its flags and environment.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"jiedan.example/scaffold/internal/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := app.Run(ctx, os.Args[1:], os.Environ(), os.Stdout, nil); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}
