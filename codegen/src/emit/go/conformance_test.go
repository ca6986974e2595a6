package catalog

// The catalog's conformance cases (testdata/conformance.json), run against
// this module by `go test`: each HTTP error response and what a client must
// make of it, each template and what it renders to, each plural, localized
// and negotiated case, as errcat's Rust runtime decides them.

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"reflect"
	"testing"
	"time"
)

type conformanceCase struct {
	Name     string `json:"name"`
	Response struct {
		Status  int         `json:"status"`
		Headers [][2]string `json:"headers"`
		Body    string      `json:"body"`
	} `json:"response"`
	Expect map[string]json.RawMessage `json:"expect"`
}

type conformanceFile struct {
	Cases     []conformanceCase `json:"cases"`
	Templates []struct {
		Template string         `json:"template"`
		Params   map[string]any `json:"params"`
		Plurals  *string        `json:"plurals"`
		Expect   string         `json:"expect"`
	} `json:"templates"`
	Plurals []struct {
		Locale string `json:"locale"`
		Rules  string `json:"rules"`
		Number string `json:"number"`
		Expect string `json:"expect"`
	} `json:"plurals"`
	Localized []struct {
		Code    string         `json:"code"`
		Params  map[string]any `json:"params"`
		Request string         `json:"request"`
		Expect  struct {
			Title   *string `json:"title"`
			Message string  `json:"message"`
		} `json:"expect"`
	} `json:"localized"`
	Negotiation []struct {
		AcceptLanguage string `json:"accept_language"`
		Expect         string `json:"expect"`
	} `json:"negotiation"`
}

func readCases(t *testing.T) conformanceFile {
	t.Helper()
	text, err := os.ReadFile("testdata/conformance.json")
	if err != nil {
		t.Fatal(err)
	}
	var file conformanceFile
	if err := json.Unmarshal(text, &file); err != nil {
		t.Fatal(err)
	}
	return file
}

// plain is value as encoding/json reads it untyped, so two values compare
// by what they say, not how they were built.
func plain(t *testing.T, value any) any {
	t.Helper()
	text, err := json.Marshal(value)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(text, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func expected(t *testing.T, c conformanceCase, key string) (any, bool) {
	t.Helper()
	raw, ok := c.Expect[key]
	if !ok {
		return nil, false
	}
	var out any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out, true
}

func always(value float64) func() float64 { return func() float64 { return value } }

func TestResponses(t *testing.T) {
	for _, c := range readCases(t).Cases {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			header := http.Header{}
			for _, pair := range c.Response.Headers {
				header.Add(pair[0], pair[1])
			}
			e := Parse(c.Response.Status, header, []byte(c.Response.Body))
			same := func(what string, found, expect any) {
				t.Helper()
				if !reflect.DeepEqual(plain(t, found), plain(t, expect)) {
					t.Errorf("%s is %#v, expected %#v", what, found, expect)
				}
			}
			orNil := func(s string) any {
				if s == "" {
					return nil
				}
				return s
			}
			code, _ := expected(t, c, "code")
			same("code", orNil(string(e.Code)), code)
			if wire, ok := expected(t, c, "wire_code"); ok {
				same("wire code", e.WireCode, wire)
			}
			if code != nil {
				class, _ := expected(t, c, "class")
				same("class", orNil(e.SDKException()), class)
				fault, _ := expected(t, c, "fault")
				same("fault", e.Fault(), fault)
			}
			status, _ := expected(t, c, "status")
			same("status", e.Status, status)
			retryable, _ := expected(t, c, "retryable")
			same("retryable", e.Retryable(), retryable)
			operation, _ := expected(t, c, "operation")
			same("operation", e.RetryPolicy().Strategy == "operation", operation == true)
			idempotent, _ := expected(t, c, "idempotent_only")
			same("idempotent only", e.RequiresIdempotent(), idempotent == true)
			if _, ok := e.RetryDelay(1, false); idempotent == true && ok {
				t.Errorf("retried a request not known to be idempotent")
			}
			if labels, ok := expected(t, c, "telemetry"); ok {
				found := map[string]any{}
				for _, label := range e.TelemetryLabels() {
					found[label.Key] = label.Value
				}
				same("telemetry labels", found, labels)
			}
			message, _ := expected(t, c, "message")
			same("message", e.Message, message)
			requestID, _ := expected(t, c, "request_id")
			same("request id", orNil(e.RequestID), requestID)
			wait, _ := expected(t, c, "retry_after_ms")
			if e.HasRetryAfter {
				ms := float64(e.RetryAfter) / float64(time.Millisecond)
				if w, ok := wait.(float64); !ok || math.Abs(ms-w) > 1e-6 {
					t.Errorf("Retry-After is %v ms, expected %v", ms, wait)
				}
			} else if wait != nil {
				t.Errorf("Retry-After is missing, expected %v ms", wait)
			}
			var steps []struct {
				Attempt int     `json:"attempt"`
				Stop    bool    `json:"stop"`
				MinMs   float64 `json:"min_ms"`
				MaxMs   float64 `json:"max_ms"`
			}
			if err := json.Unmarshal(c.Expect["retry"], &steps); err != nil {
				t.Fatal(err)
			}
			for _, step := range steps {
				least, most, ok := e.DelayBounds(step.Attempt)
				if step.Stop {
					if _, again := e.RetryDelay(step.Attempt, true); ok || again {
						t.Errorf("attempt %d should stop, got %v..%v", step.Attempt, least, most)
					}
					continue
				}
				if !ok {
					t.Errorf("attempt %d should retry", step.Attempt)
					continue
				}
				lo, hi := float64(least)/1e6, float64(most)/1e6
				if math.Abs(lo-step.MinMs) > 1e-3 || math.Abs(hi-step.MaxMs) > 1e-3 {
					t.Errorf("attempt %d waits %v..%v, expected %v..%v ms", step.Attempt, least, most, step.MinMs, step.MaxMs)
				}
				for _, r := range []float64{0, 0.5, 0.999999} {
					delay, ok := e.RetryDelayWith(step.Attempt, true, always(r))
					if !ok || delay < least || delay > most {
						t.Errorf("attempt %d drew %v outside %v..%v", step.Attempt, delay, least, most)
					}
				}
			}
			if localized, ok := expected(t, c, "localized"); ok {
				var found any
				if e.Localized != nil {
					found = map[string]any{"locale": e.Localized.Locale, "message": e.Localized.Message}
				}
				same("localized message", found, localized)
			}
			if body, ok := expected(t, c, "body"); ok {
				same("body written back", e, body)
			}
		})
	}
}

func TestTemplates(t *testing.T) {
	for _, c := range readCases(t).Templates {
		var found string
		if c.Plurals == nil {
			found = RenderTemplate(c.Template, c.Params)
		} else {
			found = RenderTemplateWith(c.Template, c.Params, *c.Plurals)
		}
		if found != c.Expect {
			t.Errorf("template %q: rendered %q, expected %q", c.Template, found, c.Expect)
		}
	}
}

func TestLocalization(t *testing.T) {
	file := readCases(t)
	for _, c := range file.Plurals {
		if found := PluralCategory(c.Rules, c.Number); found != c.Expect {
			t.Errorf("plural %s %q: %s, expected %s", c.Locale, c.Number, found, c.Expect)
		}
	}
	for _, c := range file.Localized {
		e := New(Code(c.Code), c.Params)
		title := e.TitleIn(c.Request)
		if c.Expect.Title != nil && title != *c.Expect.Title {
			t.Errorf("%s in %s: title %q, expected %q", c.Code, c.Request, title, *c.Expect.Title)
		}
		if message := e.MessageIn(c.Request); message != c.Expect.Message {
			t.Errorf("%s in %s: message %q, expected %q", c.Code, c.Request, message, c.Expect.Message)
		}
	}
	for _, c := range file.Negotiation {
		if found := NegotiateLocale(c.AcceptLanguage); found != c.Expect {
			t.Errorf("Accept-Language %q: %s, expected %s", c.AcceptLanguage, found, c.Expect)
		}
	}
}

// FuzzParse holds Parse to "never fails" on any status, header and body
// (`go test -fuzz=FuzzParse` explores; `go test` runs the seeds, every
// case's body among them): no panic, a body written back that reads as the
// same code, and templates, plurals and negotiation that never panic either.
func FuzzParse(f *testing.F) {
	file := conformanceFile{}
	if text, err := os.ReadFile("testdata/conformance.json"); err == nil {
		_ = json.Unmarshal(text, &file)
	}
	for _, c := range file.Cases {
		f.Add(c.Response.Status, "1", c.Response.Body)
	}
	f.Add(429, "Wed, 21 Oct 2015 07:28:00 GMT", `{"error":{"code":1e999,"details":[[[[[[[[]]]]]]]]}}`)
	f.Add(500, "", "\xff\xfe{\"error\": NaN}")
	f.Fuzz(func(t *testing.T, status int, retryAfter, body string) {
		header := http.Header{"Retry-After": {retryAfter}, "X-Request-Id": {body}}
		e := Parse(status, header, []byte(body))
		written, err := e.MarshalJSON()
		if err != nil {
			t.Fatalf("%q does not write: %v", body, err)
		}
		if again := Parse(e.Status, nil, written); e.Code != "" && again.Code != e.Code {
			t.Fatalf("%q reads as %q, written back as %s, which reads as %q", body, e.Code, written, again.Code)
		}
		_ = RenderTemplate(body, map[string]any{"n": retryAfter})
		_ = PluralCategory(body, retryAfter)
		_ = NegotiateLocale(body)
		_ = e.TelemetryLabels()
		_, _, _ = e.DelayBounds(status)
	})
}

// ExampleParse reads a response the way a client does.
func ExampleParse() {
	e := Parse(http.StatusTeapot, http.Header{"X-Request-Id": {"req_1"}}, []byte("short and stout"))
	fmt.Println(e.Status, e.Message, e.RequestID, e.Code == "")
	// Output: 418 short and stout req_1 true
}
