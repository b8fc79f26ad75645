package httpx

import (
	"errors"
	"net/http"
)

var (
	// ErrNotFound means no record has the id.
	ErrNotFound = errors.New("no record has this id")
	// ErrStale means the version named is not the current one.
	ErrStale = errors.New("the version given is not the current one; read the record again")
	// ErrInUse means another record still refers to this one.
	ErrInUse = errors.New("another record still refers to this one")
)

// UniqueError names the field whose value another record already has.
type UniqueError struct{ Field string }

func (e UniqueError) Error() string { return e.Field + ": another record already has this value" }

// RefError names a reference to a record that does not exist.
type RefError struct{ FieldError }

// WriteError answers with the status an error of the store stands for.
func WriteError(w http.ResponseWriter, err error) {
	var unique UniqueError
	var ref RefError
	switch {
	case errors.Is(err, ErrNotFound):
		WriteProblem(w, http.StatusNotFound, err.Error())
	case errors.Is(err, ErrStale), errors.Is(err, ErrInUse):
		WriteProblem(w, http.StatusConflict, err.Error())
	case errors.As(err, &unique):
		writeProblem(w, Problem{Type: "about:blank", Title: http.StatusText(http.StatusConflict), Status: http.StatusConflict,
			Detail: unique.Error(), Errors: []FieldError{{Field: unique.Field, Problem: "another record already has this value"}}})
	case errors.As(err, &ref):
		WriteInvalid(w, []FieldError{ref.FieldError})
	default:
		WriteProblem(w, http.StatusInternalServerError, "the request failed")
	}
}
