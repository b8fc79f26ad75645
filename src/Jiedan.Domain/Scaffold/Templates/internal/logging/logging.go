// Package logging writes one JSON object per line: time, level, message and key/value pairs.
package logging

import (
	"encoding/json"
	"io"
	"sync"
	"time"
)

// Logger is safe for concurrent use.
type Logger struct {
	mu    sync.Mutex
	out   io.Writer
	debug bool
}

// New writes to out; debug decides whether Debug lines are written.
func New(out io.Writer, debug bool) *Logger { return &Logger{out: out, debug: debug} }

// Info logs a message with key/value pairs.
func (l *Logger) Info(msg string, kv ...any) { l.write("info", msg, kv) }

// Error logs a failure.
func (l *Logger) Error(msg string, kv ...any) { l.write("error", msg, kv) }

// Debug logs only when the logger was made with debug on.
func (l *Logger) Debug(msg string, kv ...any) {
	if l.debug {
		l.write("debug", msg, kv)
	}
}

func (l *Logger) write(level, msg string, kv []any) {
	entry := map[string]any{"time": time.Now().UTC().Format(time.RFC3339Nano), "level": level, "msg": msg}
	for i := 0; i+1 < len(kv); i += 2 {
		if key, ok := kv[i].(string); ok {
			entry[key] = kv[i+1]
		}
	}
	line, _ := json.Marshal(entry)
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = l.out.Write(append(line, '\n'))
}
