package logging

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestOneJSONObjectPerLine(t *testing.T) {
	var out bytes.Buffer
	quiet := New(&out, false)
	quiet.Info("started", "addr", "127.0.0.1:1", "odd")
	quiet.Debug("hidden")
	quiet.Error("failed", 3, "not a key")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%q", out.String())
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first["msg"] != "started" || first["level"] != "info" || first["addr"] != "127.0.0.1:1" {
		t.Fatalf("%v", first)
	}
	New(&out, true).Debug("shown")
	if !strings.Contains(out.String(), `"msg":"shown"`) {
		t.Fatal("debug line missing")
	}
}
