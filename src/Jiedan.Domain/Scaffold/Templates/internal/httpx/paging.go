package httpx

import (
	"encoding/base64"
	"net/http"
	"strconv"
)

const (
	// DefaultPageSize is used when page_size is absent or 0.
	DefaultPageSize = 50
	// MaxPageSize is the contract's upper bound on page_size.
	MaxPageSize  = 1000
	maxPageToken = 1024
)

// Page is a list request: how many items, and the position after which to start.
type Page struct {
	Size  int
	After int64
}

// ReadPage reads page_size and page_token; on a bad value it answers 400 naming the parameter and returns false.
func ReadPage(w http.ResponseWriter, r *http.Request) (Page, bool) {
	page := Page{Size: DefaultPageSize}
	query := r.URL.Query()
	if text := query.Get("page_size"); text != "" {
		size, err := strconv.Atoi(text)
		if err != nil || size < 0 || size > MaxPageSize {
			WriteInvalid(w, []FieldError{{Field: "page_size", Problem: "must be a whole number from 0 to 1000"}})
			return page, false
		}
		if size > 0 {
			page.Size = size
		}
	}
	if token := query.Get("page_token"); token != "" {
		after, ok := decodeToken(token)
		if !ok {
			WriteInvalid(w, []FieldError{{Field: "page_token", Problem: "is not a token this service gave"}})
			return page, false
		}
		page.After = after
	}
	return page, true
}

// NextToken is the page_token that continues after the given position; empty when there is no next page.
func NextToken(after int64, more bool) string {
	if !more {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(after, 10)))
}

func decodeToken(token string) (int64, bool) {
	if len(token) > maxPageToken {
		return 0, false
	}
	text, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return 0, false
	}
	after, err := strconv.ParseInt(string(text), 10, 64)
	return after, err == nil && after >= 0
}
