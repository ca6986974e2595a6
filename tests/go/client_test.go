// The generated Go module used as a client and a server would use it,
// offline: typed constructors, errors.Is and errors.As, every code written
// with WriteError and read back with FromResponse, and Retry following the
// catalog's advice under a context.
package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	errs "errcaterrors"
)

func TestConstructorsRenderTheTemplateAndMatchByCode(t *testing.T) {
	err := error(errs.NewProjectNotFound("apollo"))
	wrapped := fmt.Errorf("loading the dashboard: %w", err)
	if !errors.Is(wrapped, errs.CodeProjectNotFound) || errors.Is(wrapped, errs.CodeRateLimited) {
		t.Fatal("errors.Is does not match by code")
	}
	var notFound errs.NotFoundError
	if !errors.As(wrapped, &notFound) || notFound.Code != errs.CodeProjectNotFound {
		t.Fatal("errors.As does not give the SDK exception type")
	}
	var limited errs.RateLimitError
	if errors.As(wrapped, &limited) {
		t.Fatal("errors.As gave another SDK exception type")
	}
	if got := err.Error(); got != "Project 'apollo' not found." {
		t.Fatalf("message %q", got)
	}
	if got := errs.NewRateLimited(100, 60).Message; got != "Rate limit exceeded: 100 calls per 60 seconds." {
		t.Fatalf("message %q", got)
	}
}

// sample is a value of a param type, for a constructor.
func sample(ty string) any {
	switch ty {
	case "string":
		return "x"
	case "bool":
		return true
	case "f64":
		return 1.5
	}
	return 7
}

func TestEveryCodeIsWrittenAndReadBack(t *testing.T) {
	for _, code := range errs.Named("") {
		t.Fatalf("no code is named the empty string, got %s", code)
	}
	count := 0
	for _, code := range errs.Codes() {
		name := string(code)
		facts, ok := code.Facts()
		if !ok {
			t.Fatalf("%s has no facts", name)
		}
		// Every declared fact is in Declared, by its camelCase key.
		if declared, ok := facts.Declared["sdkException"]; !ok || (facts.SDKException != "" && declared != facts.SDKException) {
			t.Errorf("%s: declared facts %v", name, facts.Declared)
		}
		if _, ok := facts.Declared["serverRetries"]; !ok {
			t.Errorf("%s: declared facts %v", name, facts.Declared)
		}
		params := map[string]any{}
		for i, p := range facts.Params {
			params[p] = sample(facts.ParamTypes[i])
		}
		sent := errs.New(code, params).WithRequestID("req_go_1").WithRetryAfter(1500 * time.Millisecond)
		recorder := httptest.NewRecorder()
		errs.WriteError(recorder, sent)
		response := recorder.Result()
		if response.StatusCode != facts.Status || response.Header.Get("Retry-After") != "2" ||
			response.Header.Get("Content-Type") != sent.ContentType() {
			t.Errorf("%s: written as %d %v", name, response.StatusCode, response.Header)
		}
		got := errs.FromResponse(response)
		if got.Code != code || got.Status != facts.Status || got.Message != sent.Message ||
			got.RequestID != "req_go_1" || !got.HasRetryAfter {
			t.Errorf("%s: read back as %+v", name, got)
		}
		count++
	}
	if count == 0 {
		t.Fatal("no codes")
	}
}

func TestRetryFollowsTheCatalogUnderAContext(t *testing.T) {
	calls := 0
	err := errs.Retry(context.Background(), func(context.Context) error {
		calls++
		if calls < 3 {
			return errs.NewRateLimited(1, 1).WithRetryAfter(time.Millisecond)
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Fatalf("err %v after %d calls", err, calls)
	}
	calls = 0
	err = errs.Retry(context.Background(), func(context.Context) error {
		calls++
		return errs.NewMissingAPIKey()
	})
	if !errors.Is(err, errs.CodeMissingAPIKey) || calls != 1 {
		t.Fatalf("a code that is never retried was retried: %v after %d calls", err, calls)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	started := time.Now()
	err = errs.Retry(ctx, func(context.Context) error {
		return errs.NewRateLimited(1, 1).WithRetryAfter(10 * time.Second)
	})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(started) > 5*time.Second {
		t.Fatalf("the context did not end the wait: %v", err)
	}
}

func TestAServerAnswersInTheRequestsLocale(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		errs.WriteError(w, errs.NewProjectNotFound("apollo").Negotiated(r.Header.Get("Accept-Language")))
	}))
	defer server.Close()
	request, _ := http.NewRequest(http.MethodGet, server.URL, nil)
	request.Header.Set("Accept-Language", "fr-CA, en;q=0.5")
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		t.Fatal(err)
	}
	defer response.Body.Close()
	got := errs.FromResponse(response)
	if got.Code != errs.CodeProjectNotFound || got.Message != "Projet « apollo » introuvable." ||
		response.Header.Get("Content-Language") != "fr" {
		t.Fatalf("read %q (%s) in %q", got.Message, got.Code, response.Header.Get("Content-Language"))
	}
}

// A body that is not UTF-8 reads as errcat-runtime, Python and browsers
// read it: one U+FFFD for each maximal subpart of an ill-formed sequence
// (expectations from Python's bytes.decode("utf-8", "replace")).
func TestInvalidUTF8ReadsAsTheOtherRuntimes(t *testing.T) {
	for _, c := range []struct{ body, message string }{
		{"\xe2\x82\x78", "�x"},
		{"\xf0\x9f\x98\x78", "�x"},
		{"\xed\xa0\x80\x78", "���x"},
		{"\xc0\xaf\x78", "��x"},
		{"\xff\x78", "�x"},
		{"\x80\x80\x78", "��x"},
		{"\xe0\x80\x80\x78", "���x"},
		{"\xf4\x90\x80\x80\x78", "����x"},
		{"\xc3", "�"},
		{"\x6f\x6b\x20\xe2\x82\xac\x20\xe2\x82", "ok € �"},
		{"\xf0\x9f\x98\x80\xf0\x9f", "😀�"},
	} {
		if got := errs.Parse(500, nil, []byte(c.body)).Message; got != c.message {
			t.Errorf("%q reads as %q, expected %q", c.body, got, c.message)
		}
	}
}

func TestAnErrorOutsideTheCatalogIsWrittenAsA500WithoutItsText(t *testing.T) {
	recorder := httptest.NewRecorder()
	errs.WriteError(recorder, fmt.Errorf("dial tcp 10.0.0.7:5432: password authentication failed"))
	got := errs.FromResponse(recorder.Result())
	if got.Status != http.StatusInternalServerError || got.Code != "" || got.WireCode != "INTERNAL" ||
		strings.Contains(recorder.Body.String(), "password") {
		t.Fatalf("written as %d %s", recorder.Code, recorder.Body.String())
	}
}
