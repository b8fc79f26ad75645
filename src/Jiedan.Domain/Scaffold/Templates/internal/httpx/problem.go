// Package httpx holds the HTTP pieces every entity shares: problem+json errors, bounded JSON bodies and paging.
package httpx

import (
	"encoding/json"
	"net/http"
	"strings"
)

// FieldError names one field of a request and what is wrong with it.
type FieldError struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
}

func (e FieldError) Error() string { return e.Field + ": " + e.Problem }

// Problem is an RFC 9457 problem detail; Errors lists every field that broke a rule.
type Problem struct {
	Type   string       `json:"type"`
	Title  string       `json:"title"`
	Status int          `json:"status"`
	Detail string       `json:"detail,omitempty"`
	Errors []FieldError `json:"errors,omitempty"`
}

// WriteJSON writes v as the JSON body of a response with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// WriteProblem answers with application/problem+json.
func WriteProblem(w http.ResponseWriter, status int, detail string) {
	writeProblem(w, Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail})
}

// WriteInvalid answers 400 naming every field that broke a rule; the detail names them all.
func WriteInvalid(w http.ResponseWriter, errs []FieldError) {
	parts := make([]string, 0, len(errs))
	for _, e := range errs {
		parts = append(parts, e.Error())
	}
	writeProblem(w, Problem{
		Type: "about:blank", Title: http.StatusText(http.StatusBadRequest), Status: http.StatusBadRequest,
		Detail: strings.Join(parts, "; "), Errors: errs,
	})
}

func writeProblem(w http.ResponseWriter, p Problem) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}
