// End to end: the example axum server (examples/server.rs) answers real
// requests over loopback, and this Go client reads its errors with the
// generated module and follows the retry advice. scripts/e2e.sh starts the
// server and sets E2E_BASE_URL; without it there is nothing to talk to.
package e2e

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"testing"
	"time"

	errs "errcaterrors"
)

func baseURL(t *testing.T) string {
	base := os.Getenv("E2E_BASE_URL")
	if base == "" {
		t.Skip("scripts/e2e.sh runs the server")
	}
	return base
}

// call returns the body on success, or the catalog error the server sent.
func call(ctx context.Context, url string, header http.Header) (string, error) {
	request, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	for name, values := range header {
		request.Header[name] = values
	}
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		return "", err
	}
	defer response.Body.Close()
	if response.StatusCode >= 400 {
		return "", errs.FromResponse(response)
	}
	body, err := io.ReadAll(response.Body)
	return string(body), err
}

func TestTheServersErrorsReadAsCodesAndTypes(t *testing.T) {
	base := baseURL(t)
	_, err := call(context.Background(), base+"/projects/nonexistent", http.Header{"X-Request-Id": {"req_e2e_go"}})
	var notFound errs.NotFoundError
	if !errors.Is(err, errs.CodeProjectNotFound) || !errors.As(err, &notFound) {
		t.Fatalf("got %v", err)
	}
	if notFound.Param != "project" || notFound.RequestID != "req_e2e_go" || notFound.Retryable() {
		t.Fatalf("got %q, param %q, request id %q", notFound.Message, notFound.Param, notFound.RequestID)
	}
	_, err = call(context.Background(), base+"/secret", nil)
	var missing *errs.Error
	if !errors.As(err, &missing) || missing.Code != errs.CodeMissingAPIKey {
		t.Fatalf("got %v", err)
	}
	if _, retried := missing.RetryDelay(1, true); retried {
		t.Fatal("a missing key is retried")
	}
}

func TestARateLimitedCallIsRetriedAsRetryAfterSays(t *testing.T) {
	base := baseURL(t)
	var delays []time.Duration
	retrier := errs.Retrier{Notify: func(e *errs.Error, attempt int, delay time.Duration) {
		if e.Code != errs.CodeRateLimited {
			t.Errorf("retried %s", e.Code)
		}
		delays = append(delays, delay)
	}}
	var body string
	err := retrier.Do(context.Background(), func(ctx context.Context) error {
		var err error
		body, err = call(ctx, base+"/busy", nil)
		return err
	})
	if err != nil || body == "" || len(delays) == 0 {
		t.Fatalf("err %v, body %q, delays %v", err, body, delays)
	}
	for _, delay := range delays {
		if delay != time.Second {
			t.Fatalf("waited %v, not the server's Retry-After", delay)
		}
	}
}

func TestErrorsComeInTheLocaleTheClientAsksFor(t *testing.T) {
	base := baseURL(t)
	for _, c := range []struct{ language, tag, message string }{
		{"pl-PL, en;q=0.5", "pl", "Nie znaleziono projektu „nonexistent”."},
		{"fr-CA", "fr", "Projet « nonexistent » introuvable."},
		{"de", "en", "Project 'nonexistent' not found."},
	} {
		_, err := call(context.Background(), base+"/projects/nonexistent", http.Header{"Accept-Language": {c.language}})
		var said *errs.Error
		if !errors.As(err, &said) || said.Code != errs.CodeProjectNotFound || said.Message != c.message {
			t.Errorf("%s: got %v", c.language, err)
		}
		// The client negotiates as the server did.
		if got := errs.NegotiateLocale(c.language); got != c.tag {
			t.Errorf("%s: negotiated %s, expected %s", c.language, got, c.tag)
		}
	}
}
