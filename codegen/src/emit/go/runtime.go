package catalog

// The runtime of a generated errcat Go module: the same rules as
// errcat-runtime, with the standard library only. It is the same file for
// every catalog; the catalog itself is data.go beside it, and codes.go adds
// the code constants, typed constructors and SDK exception types.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Error is an error of this catalog: made by a constructor, or read from a
// response by [FromResponse] or [Parse]. errors.Is matches it against a
// [Code]; errors.As gives it as its SDK exception type.
type Error struct {
	// Code is the catalog's code, or "" when the catalog does not have the
	// code the response carried.
	Code Code
	// WireCode is the code as the response wrote it.
	WireCode string
	// Status is the HTTP status.
	Status int
	// Message is the message as sent.
	Message string
	// Param names the request field at fault, if any.
	Param string
	// RequestID is the request's id, if one was sent.
	RequestID string
	// RetryAfter is the server's advised wait; HasRetryAfter says whether
	// the server gave one.
	RetryAfter    time.Duration
	HasRetryAfter bool
	// Details holds the message params (a parsed body may lack some).
	Details map[string]any
	// Localized is the message for users a body carried beside the
	// developer's (google.rpc.LocalizedMessage), or the one [Error.InLocale]
	// chose.
	Localized *LocalizedMessage
	// templated says whether Message is the code's template, rendered.
	templated bool
}

// catalogError is Error under another name, for SDK exception types to
// embed: an embedded field named Error would hide the Error method.
type catalogError = Error

// LocalizedMessage is a message for users in a locale.
type LocalizedMessage struct {
	Locale  string
	Message string
	// Title is the code's title in the locale, when it has one: problem
	// bodies write it (Google's LocalizedMessage has none).
	Title string
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// Is reports whether target is this error's code, or an *Error of the same
// code, so errors.Is(err, CodeX) finds a code anywhere in a chain.
func (e *Error) Is(target error) bool {
	switch t := target.(type) {
	case Code:
		return e.Code != "" && e.Code == t
	case *Error:
		return t != nil && e.Code != "" && e.Code == t.Code
	}
	return false
}

// As gives this error as its code's SDK exception type (codes.go).
func (e *Error) As(target any) bool { return asSDK(e, target) }

// Error returns the code's wire name, so a Code is an errors.Is target.
func (c Code) Error() string { return string(c) }

// String returns the code's wire name.
func (c Code) String() string { return string(c) }

// Facts returns what the catalog says about the code; ok is false for a
// code the catalog does not have.
func (c Code) Facts() (facts CodeFacts, ok bool) {
	found, ok := factsOf(string(c))
	if !ok {
		return CodeFacts{}, false
	}
	return found.public(), true
}

// Title returns the code's title ("" for an unknown code).
func (c Code) Title() string {
	facts, _ := factsOf(string(c))
	return facts.title
}

// Status returns the code's HTTP status (0 for an unknown code).
func (c Code) Status() int {
	facts, _ := factsOf(string(c))
	return facts.status
}

// CodeFacts is what the catalog says about a code.
type CodeFacts struct {
	Name         string
	Status       int
	Numeric      *uint64
	Kind         string
	Fault        string
	Category     string
	Type         string
	Title        string
	Message      string
	DocsURL      string
	SDKException string
	Retry        RetryPolicy
	Envelope     string
	GRPC         string
	Params       []string
	ParamTypes   []string
	// Declared holds every fact the catalog declares per code (its
	// code_fields), by its camelCase key: "sdkException", "serverRetries",
	// "since", and any the catalog's errcat adds later.
	Declared map[string]any
}

// RetryPolicy is a catalog retry policy, delays in milliseconds.
type RetryPolicy struct {
	// Strategy is "never", "backoff", "after_header" or "operation".
	Strategy       string
	InitialMs      float64
	Factor         float64
	MaxDelayMs     float64
	Jitter         string
	MaxAttempts    int
	MaxWaitMs      float64
	IdempotentOnly bool
	// Fallback is the backoff of an "after_header" policy when the server
	// gives no Retry-After.
	Fallback *RetryPolicy
	// HasDelays says whether an "operation" policy states its pace.
	HasDelays bool
}

// TelemetryLabel is one telemetry label: a string or a bool value.
type TelemetryLabel struct {
	Key   string
	Value any
}

// ---------------------------------------------------------------- the data

type wireField struct {
	member, snake, camel, within, jsonType string
	fallbackMember, fallbackText           string
	hasFallback                            bool
}

func (f *wireField) UnmarshalJSON(b []byte) error {
	var row []json.RawMessage
	if err := json.Unmarshal(b, &row); err != nil || len(row) != 6 {
		return fmt.Errorf("a wire field is a row of six: %s", b)
	}
	for i, slot := range []*string{&f.member, &f.snake, &f.camel, &f.within, &f.jsonType} {
		if err := json.Unmarshal(row[i], slot); err != nil {
			return err
		}
	}
	var fallback map[string]string
	if err := json.Unmarshal(row[5], &fallback); err != nil {
		return err
	}
	if fallback != nil {
		f.hasFallback = true
		f.fallbackMember, f.fallbackText = fallback["member"], fallback["text"]
		if _, isText := fallback["text"]; !isText && f.fallbackMember == "" {
			f.hasFallback = false
		}
	}
	return nil
}

type wireStyle struct {
	Wrapper     *string     `json:"wrapper"`
	List        bool        `json:"list"`
	ContentType string      `json:"contentType"`
	Fields      []wireField `json:"fields"`
}

type policyData struct {
	Strategy       string      `json:"strategy"`
	InitialMs      *float64    `json:"initialMs"`
	Factor         float64     `json:"factor"`
	MaxDelayMs     float64     `json:"maxDelayMs"`
	Jitter         string      `json:"jitter"`
	MaxAttempts    int         `json:"maxAttempts"`
	MaxWaitMs      float64     `json:"maxWaitMs"`
	IdempotentOnly bool        `json:"idempotentOnly"`
	Fallback       *policyData `json:"fallback"`
}

func (p policyData) public() RetryPolicy {
	out := RetryPolicy{
		Strategy: p.Strategy, Factor: p.Factor, MaxDelayMs: p.MaxDelayMs, Jitter: p.Jitter,
		MaxAttempts: p.MaxAttempts, MaxWaitMs: p.MaxWaitMs, IdempotentOnly: p.IdempotentOnly,
	}
	if p.InitialMs != nil {
		out.InitialMs, out.HasDelays = *p.InitialMs, true
	}
	if p.Fallback != nil {
		fallback := (*p.Fallback).public()
		out.Fallback = &fallback
	}
	return out
}

// codeData is a code's facts as data.go's tables hold them: "" where
// the catalog has none.
type codeData struct {
	name         string
	status       int
	numeric      uint64
	hasNumeric   bool
	kind         string
	fault        string
	category     string
	errorType    string
	title        string
	message      string
	docsURL      string
	sdkException string
	retry        string
	envelope     string
	grpc         string
	params       []string
	paramTypes   []string
	// declared is the code's declared facts, as JSON, read when asked for.
	declared string
}

func (c codeData) public() CodeFacts {
	declared := map[string]any{}
	decoder := json.NewDecoder(strings.NewReader(c.declared))
	decoder.UseNumber()
	_ = decoder.Decode(&declared)
	out := CodeFacts{
		Declared: declared,
		Name:     c.name, Status: c.status, Kind: c.kind, Fault: c.fault,
		Category: c.category, Type: c.errorType, Title: c.title, Message: c.message,
		DocsURL: c.docsURL, SDKException: c.sdkException, Retry: catalog().Policies[c.retry].public(),
		Envelope: c.envelope, GRPC: c.grpc, Params: c.params, ParamTypes: c.paramTypes,
	}
	if c.hasNumeric {
		numeric := c.numeric
		out.Numeric = &numeric
	}
	return out
}

type statusPolicy struct {
	first, last int
	policy      policyData
}

func (s *statusPolicy) UnmarshalJSON(b []byte) error {
	var row []json.RawMessage
	if err := json.Unmarshal(b, &row); err != nil || len(row) != 3 {
		return fmt.Errorf("a status policy is a row of three: %s", b)
	}
	if err := json.Unmarshal(row[0], &s.first); err != nil {
		return err
	}
	if err := json.Unmarshal(row[1], &s.last); err != nil {
		return err
	}
	return json.Unmarshal(row[2], &s.policy)
}

type catalogData struct {
	Envelope struct {
		Style     string `json:"style"`
		FieldCase string `json:"fieldCase"`
		RequestID string `json:"requestId"`
	} `json:"envelope"`
	Domain          *string              `json:"domain"`
	RequestIDHeader *string              `json:"requestIdHeader"`
	Wire            map[string]wireStyle `json:"wire"`
	GRPCByStatus    map[string]string    `json:"grpcByStatus"`
	OuterRequestID  [2]string            `json:"outerRequestId"`
	Limits          struct {
		MaxBodyBytes       int     `json:"maxBodyBytes"`
		MaxRawMessageChars int     `json:"maxRawMessageChars"`
		MaxMessageChars    int     `json:"maxMessageChars"`
		MaxLocaleChars     int     `json:"maxLocaleChars"`
		MaxRequestIDChars  int     `json:"maxRequestIdChars"`
		MinRetryHintMs     float64 `json:"minRetryHintMs"`
		MaxKeptDepth       int     `json:"maxKeptDepth"`
		MaxIdentityLen     int     `json:"maxIdentityLen"`
		MaxRetryAfterSecs  float64 `json:"maxRetryAfterSecs"`
	} `json:"limits"`
	Telemetry       map[string]string     `json:"telemetry"`
	StatusPolicies  []statusPolicy        `json:"statusPolicies"`
	Policies        map[string]policyData `json:"policies"`
	IdentityPattern *string               `json:"identityPattern"`
	Locales         struct {
		Tags      []string `json:"tags"`
		Parents   []int    `json:"parents"`
		Plurals   []string `json:"plurals"`
		MaxRanges int      `json:"maxRanges"`
	} `json:"locales"`
	Translations  map[string]map[string][2]*string `json:"translations"`
	DeclaredFacts []string                         `json:"declaredFacts"`

	folded   map[string]string
	identity *regexp.Regexp
	members  map[string][]string
}

var (
	loaded     *catalogData
	loadedOnce sync.Once
)

// The tables data.go builds on first use: what a lookup needs first is a
// map literal, as a hand-written one would be, not JSON to parse.
var (
	namesOnce, foldedOnce, translationsOnce sync.Once
	numericOnce, sharedOnce                 sync.Once
	numericIndex                            map[uint64]Code
	sharedIndex                             map[string][]Code
	nameIndex, foldedIndex                  map[string]int32
	translationIndex                        map[string]map[string][2]*string
)

// The entries of data.go's lists, which the tables index.
type (
	codeEntry struct {
		wire  string
		facts codeData
	}
	nameEntry struct {
		name string
		at   int32
	}
	numericEntry struct {
		numeric uint64
		code    Code
	}
	sharedEntry struct {
		name  string
		codes []Code
	}
)

// nameTable is every wire name, name, condition name and alias, with the
// position of its code in codeList: one map, so a lookup is one probe.
func nameTable() map[string]int32 {
	namesOnce.Do(func() {
		nameIndex = make(map[string]int32, len(codeList)+len(nameList))
		for at, entry := range codeList {
			nameIndex[entry.wire] = int32(at)
		}
		for _, entry := range nameList {
			if _, taken := nameIndex[entry.name]; !taken {
				nameIndex[entry.name] = entry.at
			}
		}
	})
	return nameIndex
}

// factsOf returns the facts of the code with this wire name.
func factsOf(wire string) (codeData, bool) {
	if at, ok := nameTable()[wire]; ok && codeList[at].wire == wire {
		return codeList[at].facts, true
	}
	return codeData{}, false
}

// numericTable is every code with a numeric code, by it.
func numericTable() map[uint64]Code {
	numericOnce.Do(func() {
		numericIndex = make(map[uint64]Code, len(numericList))
		for _, entry := range numericList {
			numericIndex[entry.numeric] = entry.code
		}
	})
	return numericIndex
}

// sharedTable is each condition name several codes share, with them.
func sharedTable() map[string][]Code {
	sharedOnce.Do(func() {
		sharedIndex = make(map[string][]Code, len(sharedList))
		for _, entry := range sharedList {
			sharedIndex[entry.name] = entry.codes
		}
	})
	return sharedIndex
}

// foldedTable is every name in ASCII lower case, for a catalog whose
// lookups ignore case: wire names first, then the others, in list order.
func foldedTable() map[string]int32 {
	foldedOnce.Do(func() {
		foldedIndex = make(map[string]int32, len(codeList)+len(nameList))
		for at, entry := range codeList {
			foldedIndex[asciiLower(entry.wire)] = int32(at)
		}
		for _, entry := range nameList {
			if _, taken := foldedIndex[asciiLower(entry.name)]; !taken {
				foldedIndex[asciiLower(entry.name)] = entry.at
			}
		}
	})
	return foldedIndex
}

// translationTable is each locale's titles and messages by code, read from
// data.go the first time a translation is asked for.
func translationTable() map[string]map[string][2]*string {
	translationsOnce.Do(func() {
		if err := json.Unmarshal([]byte(translationsJSON), &translationIndex); err != nil {
			panic("errcat: the generated translations do not read: " + err.Error())
		}
	})
	return translationIndex
}

// catalog is the catalog's data, read from data.go on first use.
func catalog() *catalogData {
	loadedOnce.Do(func() {
		data := &catalogData{}
		if err := json.Unmarshal([]byte(catalogJSON), data); err != nil {
			panic("errcat: the generated catalog data does not read: " + err.Error())
		}
		if data.IdentityPattern != nil {
			data.identity = regexp.MustCompile("^(?:" + *data.IdentityPattern + ")$")
		}
		data.members = map[string][]string{}
		for _, style := range []string{"nested", "problem", "detail", "google", "jsonapi", "graphql"} {
			for _, f := range data.Wire[style].Fields {
				// AIP-193 details are read by their types.
				if strings.HasPrefix(f.within, "@") {
					continue
				}
				for _, name := range []string{f.snake, f.camel} {
					if !contains(data.members[f.member], name) {
						data.members[f.member] = append(data.members[f.member], name)
					}
				}
			}
		}
		loaded = data
	})
	return loaded
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lazyRegexp is a pattern compiled the first time it is used, so that
// importing the package costs no regexp compilation.
type lazyRegexp struct {
	once    sync.Once
	pattern string
	re      *regexp.Regexp
}

func lazily(pattern string) *lazyRegexp { return &lazyRegexp{pattern: pattern} }

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.pattern) })
	return l.re
}

// ------------------------------------------------------------- the lookups

func asciiLower(text string) string {
	b := []byte(text)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// Lookup returns the code with this name, wire name or alias; ignoring
// ASCII case when the catalog says lookups do.
func Lookup(name string) (Code, bool) {
	if at, ok := nameTable()[name]; ok {
		return Code(codeList[at].wire), true
	}
	if caseInsensitive {
		if at, ok := foldedTable()[asciiLower(name)]; ok {
			return Code(codeList[at].wire), true
		}
	}
	return "", false
}

// Named returns every code that answers to name: all the codes that share
// it as their condition name, in catalog order, else the one [Lookup]
// finds.
func Named(name string) []Code {
	shared, ok := sharedTable()[name]
	if !ok && caseInsensitive {
		folded := asciiLower(name)
		keys := make([]string, 0, len(sharedTable()))
		for key := range sharedTable() {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		for _, key := range keys {
			if asciiLower(key) == folded {
				shared, ok = sharedTable()[key], true
				break
			}
		}
	}
	if ok {
		return append([]Code(nil), shared...)
	}
	if code, found := Lookup(name); found {
		return []Code{code}
	}
	return nil
}

var token = lazily(`^[A-Za-z0-9_]+$`)

func canBeIdentity(text string) bool {
	data := catalog()
	if data.identity == nil {
		return true
	}
	return len(text) > 0 && len(text) <= data.Limits.MaxIdentityLen && token.get().MatchString(text) &&
		data.identity.MatchString(text)
}

// Resolve returns the code a client reading identity means: [Lookup], else
// the generic code of its prefix class, by the longest prefix it starts
// with. With an identity pattern, a string that cannot be an identity has
// no class.
func Resolve(identity string) (Code, bool) {
	if code, ok := Lookup(identity); ok || !canBeIdentity(identity) {
		return code, ok
	}
	folded := identity
	if caseInsensitive {
		folded = asciiLower(identity)
	}
	for _, class := range prefixClasses {
		prefix := class[0]
		if caseInsensitive {
			prefix = asciiLower(prefix)
		}
		if strings.HasPrefix(folded, prefix) {
			return Code(class[1]), true
		}
	}
	return "", false
}

// Codes returns every code of the catalog, in catalog order.
func Codes() []Code { return append([]Code(nil), allCodes[:]...) }

// FromNumeric returns the code with this numeric code.
func FromNumeric(numeric uint64) (Code, bool) {
	code, ok := numericTable()[numeric]
	return code, ok
}

// GRPCForStatus returns the gRPC code of an HTTP status, as errcat-runtime
// maps it.
func GRPCForStatus(status int) string {
	data := catalog()
	if own, ok := data.GRPCByStatus[strconv.Itoa(status)]; ok {
		return own
	}
	class := ""
	if status >= 200 && status < 600 {
		class = strconv.Itoa(status / 100)
	}
	if found, ok := data.GRPCByStatus[class]; ok {
		return found
	}
	return data.GRPCByStatus[""]
}

// PolicyForStatus returns the retry policy for a code this module does not
// know, from its HTTP status (errcat-runtime's RetryPolicy::for_status).
func PolicyForStatus(status int) RetryPolicy {
	for _, run := range catalog().StatusPolicies {
		if run.first <= status && status <= run.last {
			return run.policy.public()
		}
	}
	return RetryPolicy{Strategy: "never"}
}

// ------------------------------------------------------------- the errors

// New returns an error of code, its message rendered from params (the
// code's params are kept as its details).
func New(code Code, params map[string]any) *Error {
	facts, _ := factsOf(string(code))
	details := map[string]any{}
	for _, name := range facts.params {
		if value, ok := params[name]; ok {
			details[name] = value
		}
	}
	return &Error{
		Code:      code,
		WireCode:  string(code),
		Status:    statusOr(facts.status),
		Message:   RenderTemplate(facts.message, params),
		Details:   details,
		templated: true,
	}
}

// newOf is [New] with the code's params given as values in their declared
// order, as the typed constructors pass them.
func newOf(code Code, values ...any) *Error {
	facts, _ := factsOf(string(code))
	params := make(map[string]any, len(values))
	for i, value := range values {
		if i < len(facts.params) {
			params[facts.params[i]] = value
		}
	}
	return New(code, params)
}

func statusOr(status int) int {
	if status == 0 {
		return 500
	}
	return status
}

// WithMessage sets the message as given, rather than the code's template.
func (e *Error) WithMessage(message string) *Error {
	e.Message, e.templated = message, false
	return e
}

// WithParam names the request field at fault.
func (e *Error) WithParam(param string) *Error {
	e.Param = param
	return e
}

// WithRequestID sets the request id.
func (e *Error) WithRequestID(id string) *Error {
	e.RequestID = id
	return e
}

// WithRetryAfter sets the advised wait before a retry.
func (e *Error) WithRetryAfter(wait time.Duration) *Error {
	e.RetryAfter, e.HasRetryAfter = wait, true
	return e
}

func (e *Error) facts() (codeData, bool) {
	if e.Code == "" {
		return codeData{}, false
	}
	facts, ok := factsOf(string(e.Code))
	return facts, ok
}

// Facts returns what the catalog says about the error's code.
func (e *Error) Facts() (CodeFacts, bool) { return e.Code.Facts() }

// SDKException returns the SDK exception the catalog names for the code
// ("" for an unknown code).
func (e *Error) SDKException() string {
	facts, _ := e.facts()
	return facts.sdkException
}

// Title returns the code's title ("" for an unknown code).
func (e *Error) Title() string {
	facts, _ := e.facts()
	return facts.title
}

// DocsURL returns the code's documentation ("" for an unknown code).
func (e *Error) DocsURL() string {
	facts, _ := e.facts()
	return facts.docsURL
}

// GRPCCode returns the gRPC canonical code: the code's, else the HTTP
// status's.
func (e *Error) GRPCCode() string {
	if facts, ok := e.facts(); ok {
		return facts.grpc
	}
	return GRPCForStatus(e.Status)
}

// Fault returns who is at fault: the code's, else by HTTP status class.
func (e *Error) Fault() string {
	if facts, ok := e.facts(); ok {
		return facts.fault
	}
	switch {
	case e.Status >= 500 && e.Status < 600:
		return "server"
	case e.Status >= 400 && e.Status < 500:
		return "client"
	}
	return "none"
}

func (e *Error) policy() policyData {
	if facts, ok := e.facts(); ok {
		return catalog().Policies[facts.retry]
	}
	for _, run := range catalog().StatusPolicies {
		if run.first <= e.Status && e.Status <= run.last {
			return run.policy
		}
	}
	return policyData{Strategy: "never"}
}

// RetryPolicy returns the code's retry policy, or one from the HTTP status
// for a code this module does not know.
func (e *Error) RetryPolicy() RetryPolicy {
	policy := e.policy()
	return policy.public()
}

// Retryable reports whether the policy allows any retry of this call.
func (e *Error) Retryable() bool {
	strategy := e.policy().Strategy
	return strategy != "never" && strategy != "operation"
}

// RequiresIdempotent reports whether only idempotent requests are retried.
func (e *Error) RequiresIdempotent() bool { return e.policy().IdempotentOnly }

// OperationBackoff returns the backoff for retrying the whole operation,
// when that is the advice and the policy states its pace.
func (e *Error) OperationBackoff() (RetryPolicy, bool) {
	policy := e.policy()
	if policy.Strategy != "operation" || policy.InitialMs == nil {
		return RetryPolicy{}, false
	}
	return policy.public(), true
}

// TelemetryLabels returns the error's telemetry labels, as
// errcat-runtime's Error::telemetry: OpenTelemetry's error.type (the code,
// or _OTHER when the catalog does not know it), then category, fault and
// retryability; every value from the catalog, so metrics stay bounded.
func (e *Error) TelemetryLabels() []TelemetryLabel {
	names := catalog().Telemetry
	errorType := names["other"]
	facts, known := e.facts()
	if known {
		errorType = string(e.Code)
	}
	labels := []TelemetryLabel{{names["errorType"], errorType}}
	if known && facts.category != "" {
		labels = append(labels, TelemetryLabel{names["category"], facts.category})
	}
	return append(labels,
		TelemetryLabel{names["fault"], e.Fault()},
		TelemetryLabel{names["retryable"], e.Retryable()})
}

// ------------------------------------------------------------- retrying

func millis(ms float64) time.Duration {
	return time.Duration(math.Round(ms * float64(time.Millisecond)))
}

// DelayBounds returns the least and most delay after attempt failed
// attempts; ok is false when the policy says to stop.
func (e *Error) DelayBounds(attempt int) (least, most time.Duration, ok bool) {
	retryAfterMs := -1.0
	if e.HasRetryAfter {
		retryAfterMs = float64(e.RetryAfter) / float64(time.Millisecond)
	}
	lo, hi, ok := delayBounds(e.policy(), attempt, retryAfterMs)
	return millis(lo), millis(hi), ok
}

// RetryDelay returns how long to wait after attempt failed attempts, drawn
// between the bounds; ok is false to give up. A policy that retries only
// idempotent requests gives up unless idempotent is true.
func (e *Error) RetryDelay(attempt int, idempotent bool) (time.Duration, bool) {
	return e.RetryDelayWith(attempt, idempotent, rand.Float64)
}

// RetryDelayWith is [Error.RetryDelay] drawing from random, a source of
// numbers in [0, 1).
func (e *Error) RetryDelayWith(attempt int, idempotent bool, random func() float64) (time.Duration, bool) {
	if e.RequiresIdempotent() && !idempotent {
		return 0, false
	}
	least, most, ok := e.DelayBounds(attempt)
	if !ok {
		return 0, false
	}
	return least + time.Duration(float64(most-least)*random()), true
}

// delayBounds is the least and most delay in milliseconds; retryAfterMs
// is negative when the server gave none.
func delayBounds(policy policyData, attempt int, retryAfterMs float64) (float64, float64, bool) {
	switch policy.Strategy {
	case "backoff":
		return backoffBounds(policy, attempt)
	case "after_header":
	default:
		return 0, 0, false
	}
	fallback := policy.Fallback
	if fallback == nil || attempt <= 0 || attempt >= fallback.MaxAttempts {
		return 0, 0, false
	}
	if retryAfterMs <= 0 {
		return backoffBounds(*fallback, attempt)
	}
	if retryAfterMs > policy.MaxWaitMs {
		return 0, 0, false
	}
	return retryAfterMs, retryAfterMs, true
}

func backoffBounds(b policyData, attempt int) (float64, float64, bool) {
	if attempt <= 0 || attempt >= b.MaxAttempts || b.InitialMs == nil {
		return 0, 0, false
	}
	exponent := attempt - 1
	if exponent > 1024 {
		exponent = 1024
	}
	raw := *b.InitialMs * math.Pow(math.Max(b.Factor, 1), float64(exponent))
	base := b.MaxDelayMs
	if !math.IsInf(raw, 0) && !math.IsNaN(raw) && raw < base {
		base = raw
	}
	// Whole microseconds, as the Rust runtime computes them.
	micros := math.Floor(base*1000 + 1e-6)
	most := micros / 1000
	switch b.Jitter {
	case "none":
		return most, most, true
	case "full":
		return 0, most, true
	}
	return math.Floor(micros*1000/2) / 1e6, most, true
}

// Retrier runs an operation until it succeeds or its error's retry policy
// says to stop.
type Retrier struct {
	// Idempotent says the operation is safe to repeat, so codes whose policy
	// retries only idempotent requests are retried too.
	Idempotent bool
	// Notify, if set, is called with each error and the delay before its
	// retry.
	Notify func(err *Error, attempt int, delay time.Duration)
	// Random draws the jitter, in [0, 1); math/rand unless set.
	Random func() float64
}

// Retry runs op as [Retrier.Do] does, for an operation that is not known to
// be idempotent.
func Retry(ctx context.Context, op func(context.Context) error) error {
	return (&Retrier{}).Do(ctx, op)
}

// Do runs op until it returns nil, an error that is not an *Error of this
// catalog, or an *Error whose policy says to stop; it waits between
// attempts as each error's policy and Retry-After advise, and returns early
// when ctx is done, wrapping ctx.Err() and the last error.
func (r *Retrier) Do(ctx context.Context, op func(context.Context) error) error {
	random := r.Random
	if random == nil {
		random = rand.Float64
	}
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := op(ctx)
		if err == nil {
			return nil
		}
		var failed *Error
		if !errors.As(err, &failed) {
			return err
		}
		delay, ok := failed.RetryDelayWith(attempt, r.Idempotent, random)
		if !ok {
			return err
		}
		if r.Notify != nil {
			r.Notify(failed, attempt, delay)
		}
		timer := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			timer.Stop()
			return fmt.Errorf("%w (the last attempt failed: %v)", ctx.Err(), err)
		case <-timer.C:
		}
	}
}

// ------------------------------------------------------------- templates

// templateText is a param's text: strings as they are, anything else as
// compact JSON; a whole float as the integer it is, as every client prints
// it.
func templateText(value any) string {
	switch v := value.(type) {
	case string:
		return v
	case json.Number:
		if _, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return string(v)
		}
		if f, err := strconv.ParseFloat(string(v), 64); err == nil {
			return templateText(f)
		}
		return string(v)
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			return strconv.FormatInt(int64(v), 10)
		}
	case float32:
		return templateText(float64(v))
	}
	return compactJSON(value)
}

func compactJSON(value any) string {
	var out bytes.Buffer
	encoder := json.NewEncoder(&out)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(value); err != nil {
		return fmt.Sprint(value)
	}
	return strings.TrimSuffix(out.String(), "\n")
}

// RenderTemplate renders a message template with the default locale's
// plural rules; see [RenderTemplateWith].
func RenderTemplate(template string, params map[string]any) string {
	return RenderTemplateWith(template, params, catalog().Locales.Plurals[0])
}

// RenderTemplateWith renders a message template as errcat-runtime's
// template::render does: {name} placeholders, {{ and }} for literal braces,
// and ICU plural and select choices ({n, plural, one {# file} other {#
// files}}), plural arms chosen by plurals, a locale's CLDR rules. A
// template that does not parse is rendered flat: each well-formed {name}
// filled, every other brace kept.
func RenderTemplateWith(template string, params map[string]any, plurals string) string {
	value := func(name string) (string, bool) {
		v, ok := params[name]
		if !ok {
			return "", false
		}
		return templateText(v), true
	}
	if strings.Contains(template, ",") {
		if pieces, ok := parseTemplate(template); ok {
			var out strings.Builder
			renderPieces(&out, pieces, plurals, nil, value)
			return out.String()
		}
	}
	return renderFlat(template, value)
}

// maxChoiceDepth is how deep choices nest at most (errcat-runtime's
// MAX_CHOICE_DEPTH).
const maxChoiceDepth = 4

var cldrCategories = []string{"zero", "one", "two", "few", "many", "other"}

// isSpace is whitespace as Rust's char::is_whitespace sees it.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

func trim(text string) string { return strings.TrimFunc(text, isSpace) }

var exactKey = lazily(`^=[0-9]{1,18}$`)

type pieceKind int

const (
	pieceText pieceKind = iota
	pieceParam
	pieceNumber
	pieceChoice
)

type arm struct {
	key  string
	body []piece
}

type piece struct {
	kind   pieceKind
	text   string // the text, or the param's name
	plural bool
	arms   []arm
}

// templateParser parses a template by runes, as the other runtimes index
// it by characters.
type templateParser struct{ t []rune }

func (p *templateParser) at(i int) rune {
	if i < len(p.t) {
		return p.t[i]
	}
	return -1
}

func parseTemplate(template string) ([]piece, bool) {
	p := &templateParser{[]rune(template)}
	out, _, ok := p.pieces(0, false, 0)
	return out, ok
}

func (p *templateParser) pieces(at int, inPlural bool, depth int) ([]piece, int, bool) {
	var out []piece
	n := len(p.t)
	for at < n {
		c := p.t[at]
		switch {
		case c == '{' && p.at(at+1) == '{':
			out = append(out, piece{kind: pieceText, text: "{"})
			at += 2
		case c == '}':
			if depth > 0 {
				return out, at, true
			}
			if p.at(at+1) != '}' {
				return nil, 0, false
			}
			out = append(out, piece{kind: pieceText, text: "}"})
			at += 2
		case c == '{':
			found, next, ok := p.braced(at, inPlural, depth)
			if !ok {
				return nil, 0, false
			}
			out = append(out, found)
			at = next
		case inPlural && c == '#':
			if p.at(at+1) == '#' {
				out = append(out, piece{kind: pieceText, text: "#"})
				at += 2
			} else {
				out = append(out, piece{kind: pieceNumber})
				at++
			}
		default:
			end := at
			for end < n && p.t[end] != '{' && p.t[end] != '}' && !(inPlural && p.t[end] == '#') {
				end++
			}
			out = append(out, piece{kind: pieceText, text: string(p.t[at:end])})
			at = end
		}
	}
	if depth > 0 {
		return nil, 0, false
	}
	return out, at, true
}

func (p *templateParser) braced(at int, inPlural bool, depth int) (piece, int, bool) {
	n := len(p.t)
	end := at + 1
	for end < n && p.t[end] != '{' && p.t[end] != '}' && p.t[end] != ',' {
		end++
	}
	if end >= n || p.t[end] == '{' {
		return piece{}, 0, false
	}
	name := string(p.t[at+1 : end])
	if p.t[end] == '}' {
		return piece{kind: pieceParam, text: name}, end + 1, name != ""
	}
	return p.choice(trim(name), end+1, inPlural, depth)
}

func (p *templateParser) choice(name string, at int, inPlural bool, depth int) (piece, int, bool) {
	n := len(p.t)
	if name == "" || depth >= maxChoiceDepth {
		return piece{}, 0, false
	}
	comma := at
	for comma < n && p.t[comma] != '{' && p.t[comma] != '}' && p.t[comma] != ',' {
		comma++
	}
	if comma >= n || p.t[comma] != ',' {
		return piece{}, 0, false
	}
	kind := trim(string(p.t[at:comma]))
	if kind != "plural" && kind != "select" {
		return piece{}, 0, false
	}
	plural := kind == "plural"
	var arms []arm
	at = comma + 1
	for {
		for at < n && isSpace(p.t[at]) {
			at++
		}
		if at >= n {
			return piece{}, 0, false
		}
		if p.t[at] == '}' {
			for _, a := range arms {
				if a.key == "other" {
					return piece{kind: pieceChoice, text: name, plural: plural, arms: arms}, at + 1, true
				}
			}
			return piece{}, 0, false
		}
		keyEnd := at
		for keyEnd < n && !isSpace(p.t[keyEnd]) && p.t[keyEnd] != '{' && p.t[keyEnd] != '}' {
			keyEnd++
		}
		key := string(p.t[at:keyEnd])
		opened := keyEnd
		for opened < n && isSpace(p.t[opened]) {
			opened++
		}
		if key == "" || p.at(opened) != '{' {
			return piece{}, 0, false
		}
		if plural && !contains(cldrCategories, key) && !exactKey.get().MatchString(key) {
			return piece{}, 0, false
		}
		for _, a := range arms {
			if a.key == key {
				return piece{}, 0, false
			}
		}
		body, next, ok := p.pieces(opened+1, inPlural || plural, depth+1)
		if !ok {
			return piece{}, 0, false
		}
		arms = append(arms, arm{key, body})
		at = next + 1
	}
}

func renderPieces(out *strings.Builder, pieces []piece, plurals string, number *string, value func(string) (string, bool)) {
	for _, pc := range pieces {
		switch pc.kind {
		case pieceText:
			out.WriteString(pc.text)
		case pieceNumber:
			if number == nil {
				out.WriteByte('#')
			} else {
				out.WriteString(*number)
			}
		case pieceParam:
			if found, ok := value(pc.text); ok {
				out.WriteString(found)
			} else {
				out.WriteString("{" + pc.text + "}")
			}
		case pieceChoice:
			text, given := value(pc.text)
			body := chooseArm(pc.plural, pc.arms, text, given, plurals)
			inner := number
			if pc.plural {
				shown := text
				if !given {
					shown = "{" + pc.text + "}"
				}
				inner = &shown
			}
			renderPieces(out, body, plurals, inner, value)
		}
	}
}

// chooseArm is the arm a choice takes for its param's text.
func chooseArm(plural bool, arms []arm, text string, given bool, plurals string) []piece {
	find := func(key string) ([]piece, bool) {
		for _, a := range arms {
			if a.key == key {
				return a.body, true
			}
		}
		return nil, false
	}
	other, ok := find("other")
	if !ok {
		other = arms[0].body
	}
	if !given {
		return other
	}
	if !plural {
		if body, ok := find(text); ok {
			return body
		}
		return other
	}
	if _, ok := operands(text); ok && !strings.HasPrefix(text, "-") {
		for _, a := range arms {
			if strings.HasPrefix(a.key, "=") && sameNumber(a.key[1:], text) {
				return a.body
			}
		}
	}
	if body, ok := find(PluralCategory(plurals, text)); ok {
		return body
	}
	return other
}

func sameNumber(n, text string) bool {
	whole, frac, _ := strings.Cut(text, ".")
	return strings.Trim(frac, "0") == "" && strings.TrimLeft(whole, "0") == strings.TrimLeft(n, "0")
}

func renderFlat(template string, value func(string) (string, bool)) string {
	var out strings.Builder
	t := template
	for at := 0; at < len(t); {
		c := t[at]
		if (c == '{' || c == '}') && at+1 < len(t) && t[at+1] == c {
			out.WriteByte(c)
			at += 2
			continue
		}
		if c == '{' {
			// A placeholder closes before any other brace and names
			// something; otherwise the brace is kept as written, as
			// errcat-runtime keeps it.
			closeAt := strings.IndexByte(t[at+1:], '}')
			openAt := strings.IndexByte(t[at+1:], '{')
			if closeAt < 0 || (openAt >= 0 && openAt < closeAt) || closeAt == 0 {
				out.WriteByte(c)
				at++
				continue
			}
			end := at + 1 + closeAt
			if found, ok := value(t[at+1 : end]); ok {
				out.WriteString(found)
			} else {
				out.WriteString(t[at : end+1])
			}
			at = end + 1
			continue
		}
		out.WriteByte(c)
		at++
	}
	return out.String()
}

// ---------------------------------------------------------- plural rules

var decimal = lazily(`^-?([0-9]+)(?:\.([0-9]+))?$`)

type pluralOperands struct{ i, v, w, f, t uint64 }

// operands is CLDR's operands of a number as written.
func operands(text string) (pluralOperands, bool) {
	m := decimal.get().FindStringSubmatch(text)
	if m == nil || len(m[1]) > 18 || len(m[2]) > 18 {
		return pluralOperands{}, false
	}
	whole, frac := m[1], m[2]
	trimmed := strings.TrimRight(frac, "0")
	number := func(s string) uint64 {
		if s == "" {
			return 0
		}
		n, _ := strconv.ParseUint(s, 10, 64)
		return n
	}
	return pluralOperands{
		i: number(whole), v: uint64(len(frac)), w: uint64(len(trimmed)),
		f: number(frac), t: number(trimmed),
	}, true
}

// PluralCategory returns the CLDR plural category ("one", "few", "other",
// ...) of a number as a message shows it, under a locale's rules as errcat
// ships them; anything that is not a plain decimal number, or rules that
// do not read, take "other". As errcat-runtime's plural::category.
func PluralCategory(rules, number string) string {
	ops, ok := operands(number)
	if !ok {
		return "other"
	}
	values := map[string]uint64{"i": ops.i, "v": ops.v, "w": ops.w, "f": ops.f, "t": ops.t, "c": 0, "e": 0}
	holds := func(relation string) (bool, bool) {
		tokens := strings.Fields(relation)
		var operand, op, ranges string
		modulus := uint64(0)
		switch len(tokens) {
		case 5:
			m, err := strconv.ParseUint(tokens[2], 10, 64)
			if err != nil || m == 0 {
				return false, false
			}
			operand, modulus, op, ranges = tokens[0], m, tokens[3], tokens[4]
		case 3:
			operand, op, ranges = tokens[0], tokens[1], tokens[2]
		default:
			return false, false
		}
		var x uint64
		known := true
		if operand == "n" {
			x, known = ops.i, ops.t == 0
		} else if found, ok := values[operand]; ok {
			x = found
		} else {
			return false, false
		}
		if known && modulus != 0 {
			x %= modulus
		}
		within := false
		for _, part := range strings.Split(ranges, ",") {
			low, high, isRange := strings.Cut(part, "..")
			if !isRange {
				high = low
			}
			lo, err1 := strconv.ParseUint(low, 10, 64)
			hi, err2 := strconv.ParseUint(high, 10, 64)
			if err1 != nil || err2 != nil {
				return false, false
			}
			within = within || (known && lo <= x && x <= hi)
		}
		if op == "=" {
			return within, true
		}
		return !within, true
	}
	for _, entry := range strings.Split(rules, ";") {
		name, condition, found := strings.Cut(entry, ":")
		if !found {
			continue
		}
		// Short-circuits as the other runtimes do: a relation after a false
		// one is not read.
		for _, ands := range strings.Split(condition, " or ") {
			all := true
			for _, relation := range strings.Split(ands, " and ") {
				held, ok := holds(relation)
				if !ok {
					return "other"
				}
				if !held {
					all = false
					break
				}
			}
			if all {
				return strings.TrimSpace(name)
			}
		}
	}
	return "other"
}

// ---------------------------------------------------------- locales

func normalTag(tag string) string { return strings.ReplaceAll(strings.ToLower(tag), "_", "-") }

// Locales returns the catalog's locale tags, the default first.
func Locales() []string { return append([]string(nil), catalog().Locales.Tags...) }

// FindLocale returns the locale tag names (RFC 4647 lookup along its
// subtags), as an index into [Locales].
func FindLocale(tag string) (int, bool) {
	tags := catalog().Locales.Tags
	wanted := normalTag(trim(tag))
	for {
		for i, t := range tags {
			if normalTag(t) == wanted {
				return i, true
			}
		}
		cut := strings.LastIndexByte(wanted, '-')
		if cut < 0 {
			return 0, false
		}
		wanted = wanted[:cut]
		// A single-letter subtag only introduces the next one.
		if again := strings.LastIndexByte(wanted, '-'); again >= 0 && len(wanted)-again == 2 {
			wanted = wanted[:again]
		}
	}
}

var (
	languageRange = lazily(`^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$`)
	quality       = lazily(`^([01])(?:\.([0-9]{0,3}))?$`)
)

// NegotiateLocale returns the locale to answer an Accept-Language header
// in, as errcat-runtime's Locales::negotiate chooses: by quality, then
// order, the first range [FindLocale] finds; else the default's tag.
func NegotiateLocale(acceptLanguage string) string {
	data := catalog()
	type weighted struct {
		quality int
		tag     string
	}
	var ranges []weighted
	elements := strings.Split(acceptLanguage, ",")
	if len(elements) > data.Locales.MaxRanges {
		elements = elements[:data.Locales.MaxRanges]
	}
	for _, element := range elements {
		parts := strings.Split(element, ";")
		tag := trim(parts[0])
		if tag != "*" && !(len(tag) <= 64 && languageRange.get().MatchString(tag)) {
			continue
		}
		q, valid := 1000, true
		for _, param := range parts[1:] {
			name, value, hasValue := strings.Cut(param, "=")
			if !hasValue {
				valid = false
				break
			}
			if strings.ToLower(trim(name)) == "q" {
				m := quality.get().FindStringSubmatch(trim(value))
				if m == nil {
					valid = false
					break
				}
				frac, _ := strconv.Atoi((m[2] + "000")[:3])
				if m[1] == "1" && frac != 0 {
					valid = false
					break
				}
				q = frac
				if m[1] == "1" {
					q = 1000
				}
			}
		}
		if valid && q > 0 {
			ranges = append(ranges, weighted{q, tag})
		}
	}
	// Stable: ranges of equal quality keep the header's order.
	sort.SliceStable(ranges, func(a, b int) bool { return ranges[a].quality > ranges[b].quality })
	for _, r := range ranges {
		if r.tag == "*" {
			return data.Locales.Tags[0]
		}
		if at, ok := FindLocale(r.tag); ok {
			return data.Locales.Tags[at]
		}
	}
	return data.Locales.Tags[0]
}

// translated is text at (0 title, 1 message) of code along locale's chain
// short of the default, with the locale it came from.
func translated(code string, locale, at int) (int, string, bool) {
	data := catalog()
	current := locale
	if current >= len(data.Locales.Tags) {
		current = len(data.Locales.Tags) - 1
	}
	for current > 0 {
		if texts, ok := translationTable()[data.Locales.Tags[current]][code]; ok && texts[at] != nil {
			return current, *texts[at], true
		}
		parent := data.Locales.Parents[current]
		if parent == current {
			parent = 0
		}
		current = parent
	}
	return 0, "", false
}

// MessageIn returns the message in the locale tag names (fr-CH falls back
// to fr, then to the default), rendered with the error's details and that
// locale's plural rules; the message as it is for an error that did not
// come from its code's template, or a locale the catalog lacks.
func (e *Error) MessageIn(tag string) string {
	locale, ok := FindLocale(tag)
	if e.Code == "" || !ok || !e.templated {
		return e.Message
	}
	from, text, ok := translated(string(e.Code), locale, 1)
	if !ok {
		return e.Message
	}
	return RenderTemplateWith(text, e.Details, catalog().Locales.Plurals[from])
}

// TitleIn returns the code's title in the locale tag names, as
// [Error.MessageIn] finds it.
func (e *Error) TitleIn(tag string) string {
	facts, known := e.facts()
	if !known {
		return ""
	}
	if locale, ok := FindLocale(tag); ok {
		if _, text, ok := translated(string(e.Code), locale, 0); ok {
			return text
		}
	}
	return facts.title
}

// InLocale returns a copy of the error that says its message in the locale
// tag names, for writing: envelopes with one message carry it, Google's
// adds it as a LocalizedMessage beside the developer's.
func (e *Error) InLocale(tag string) *Error {
	out := *e
	locale, ok := FindLocale(tag)
	if !ok {
		locale = 0
	}
	out.Localized = nil
	if locale != 0 {
		out.Localized = &LocalizedMessage{Locale: catalog().Locales.Tags[locale], Message: e.MessageIn(tag)}
		if _, title, ok := translated(string(e.Code), locale, 0); ok && e.Code != "" {
			out.Localized.Title = title
		}
	}
	return &out
}

// Negotiated returns [Error.InLocale] for the locale an Accept-Language
// header asks for.
func (e *Error) Negotiated(acceptLanguage string) *Error {
	return e.InLocale(NegotiateLocale(acceptLanguage))
}

// Locale returns the locale of the message the error is written in.
func (e *Error) Locale() string {
	if e.Localized != nil {
		return e.Localized.Locale
	}
	return catalog().Locales.Tags[0]
}

// ---------------------------------------------------------- writing

// member is one JSON member, in order.
type member struct {
	name  string
	value any
}

// object is a JSON object that keeps its members' order.
type object []member

func (o object) MarshalJSON() ([]byte, error) {
	var out bytes.Buffer
	out.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			out.WriteByte(',')
		}
		name, _ := json.Marshal(m.name)
		out.Write(name)
		out.WriteByte(':')
		value, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		out.Write(value)
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

func (o *object) set(name string, value any) {
	for i := range *o {
		if (*o)[i].name == name {
			(*o)[i].value = value
			return
		}
	}
	*o = append(*o, member{name, value})
}

func (o object) get(name string) (any, bool) {
	for _, m := range o {
		if m.name == name {
			return m.value, true
		}
	}
	return nil, false
}

// body is an error's members as the envelopes write them.
type body struct {
	code, message, grpc     string
	status                  int
	errorType, title, param *string
	requestID, docsURL      *string
	domain                  *string
	retryAfterMs            *float64
	details                 map[string]any
	localized               *LocalizedMessage
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (e *Error) body() body {
	b := body{
		code: e.WireCode, message: e.Message, status: e.Status, grpc: e.GRPCCode(),
		param: optional(e.Param), requestID: optional(e.RequestID), details: e.Details,
		domain: catalog().Domain, localized: e.Localized,
	}
	if facts, ok := e.facts(); ok {
		b.code = string(e.Code)
		b.errorType, b.title, b.docsURL = optional(facts.errorType), &facts.title, &facts.docsURL
	}
	if e.HasRetryAfter {
		ms := float64(e.RetryAfter) / float64(time.Millisecond)
		b.retryAfterMs = &ms
	}
	return b
}

func (e *Error) style() string {
	if facts, ok := e.facts(); ok {
		return facts.envelope
	}
	return catalog().Envelope.Style
}

// MarshalJSON writes the error as the catalog's envelope, for sending.
func (e *Error) MarshalJSON() ([]byte, error) {
	var out bytes.Buffer
	encoder := json.NewEncoder(&out)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(writeBody(e.body(), e.style())); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(out.Bytes(), []byte("\n")), nil
}

// prune is value with lists and objects nested deeper than limit as null,
// so writing details never exhausts the stack.
func prune(value any, limit int) any {
	switch v := value.(type) {
	case map[string]any:
		if limit == 0 {
			return nil
		}
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = prune(x, limit-1)
		}
		return out
	case []any:
		if limit == 0 {
			return nil
		}
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = prune(x, limit-1)
		}
		return out
	}
	return value
}

// asJSONType is a value as a field of jsonType (errcat-runtime's wire
// table) writes it, as ErrorBody::member does: a number in a string field as
// its text, in an integer field whole; an object with no members left out.
// No member has a rule of its own.
func asJSONType(value any, jsonType string) any {
	switch v := value.(type) {
	case int:
		if jsonType == "string" {
			return strconv.Itoa(v)
		}
	case float64:
		if jsonType == "string" {
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
		if jsonType == "integer" {
			return int64(math.Floor(v))
		}
	case map[string]any:
		if jsonType == "object" && len(v) == 0 {
			return nil
		}
	}
	return value
}

// memberValue is a member's value as a field of jsonType writes it, as
// errcat-runtime's ErrorBody::member; nil when there is none.
func memberValue(b body, name, jsonType string) any {
	if name == "details" {
		return asJSONType(prune(b.details, catalog().Limits.MaxKeptDepth), jsonType)
	}
	return asJSONType(rawMember(b, name), jsonType)
}

// rawMember is a member's value before its field's JSON type is applied.
func rawMember(b body, name string) any {
	text := func(s *string) any {
		if s == nil {
			return nil
		}
		return *s
	}
	switch name {
	case "code":
		return b.code
	case "message":
		// Where the envelope has one message, it is the one for users.
		if b.localized != nil {
			return b.localized.Message
		}
		return b.message
	case "status":
		return b.status
	case "type":
		return text(b.errorType)
	case "title":
		if b.localized != nil && b.localized.Title != "" {
			return b.localized.Title
		}
		return text(b.title)
	case "param":
		return text(b.param)
	case "requestId":
		return text(b.requestID)
	case "retryAfterMs":
		if b.retryAfterMs == nil {
			return nil
		}
		return *b.retryAfterMs
	case "docsUrl":
		return text(b.docsURL)
	case "grpc":
		return b.grpc
	case "domain":
		return text(b.domain)
	}
	return nil
}

func writeBody(b body, style string) any {
	if style == "google" {
		return writeGoogle(b)
	}
	data := catalog()
	wire := data.Wire[style]
	camel := data.Envelope.FieldCase == "camel"
	outside := style == "detail" || (style == "nested" && data.Envelope.RequestID == "outside")
	out := object{}
	for _, f := range wire.Fields {
		if f.member == "requestId" && outside {
			continue
		}
		name := f.snake
		if camel {
			name = f.camel
		}
		value := memberValue(b, f.member, f.jsonType)
		if value == nil && f.hasFallback {
			if f.fallbackMember == "" {
				value = f.fallbackText
			} else {
				value = memberValue(b, f.fallbackMember, f.jsonType)
			}
		}
		// JSON:API says where in the request document with a pointer.
		if s, ok := value.(string); ok && f.member == "param" && style == "jsonapi" && strings.HasPrefix(s, "/") {
			name = "pointer"
		}
		if value == nil {
			continue
		}
		if f.within != "" {
			parent, _ := out.get(f.within)
			inner, _ := parent.(object)
			inner.set(name, value)
			out.set(f.within, inner)
		} else {
			out.set(name, value)
		}
	}
	if wire.Wrapper == nil {
		return out
	}
	var inner any = out
	if wire.List {
		inner = []any{out}
	}
	envelope := object{{*wire.Wrapper, inner}}
	if outside && b.requestID != nil {
		name := data.OuterRequestID[0]
		if camel {
			name = data.OuterRequestID[1]
		}
		envelope = append(envelope, member{name, *b.requestID})
	}
	return envelope
}

// metadataText is a param as AIP-193 metadata, which holds strings: text
// as it is, other values as their JSON.
func metadataText(value any) string {
	if s, ok := value.(string); ok {
		return s
	}
	return compactJSON(prune(value, catalog().Limits.MaxKeptDepth))
}

// protoDuration is a wait as protobuf JSON's Duration, in whole
// milliseconds.
func protoDuration(ms float64) string {
	whole := int64(ms)
	secs, frac := whole/1000, whole%1000
	if frac == 0 {
		return fmt.Sprintf("%ds", secs)
	}
	return strings.TrimRight(fmt.Sprintf("%d.%03d", secs, frac), "0") + "s"
}

// writeGoogle is an AIP-193 body, with the details errcat-runtime writes,
// in its order.
func writeGoogle(b body) any {
	typed := func(ty string, members ...member) object {
		return append(object{{"@type", "type.googleapis.com/google.rpc." + ty}}, members...)
	}
	info := object{{"reason", b.code}}
	if b.domain != nil && *b.domain != "" {
		info = append(info, member{"domain", *b.domain})
	}
	if len(b.details) > 0 {
		keys := make([]string, 0, len(b.details))
		for k := range b.details {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		metadata := object{}
		for _, k := range keys {
			metadata = append(metadata, member{k, metadataText(b.details[k])})
		}
		info = append(info, member{"metadata", metadata})
	}
	details := []any{typed("ErrorInfo", info...)}
	if b.param != nil {
		violation := object{{"field", *b.param}, {"description", b.message}}
		details = append(details, typed("BadRequest", member{"fieldViolations", []any{violation}}))
	}
	if b.retryAfterMs != nil {
		details = append(details, typed("RetryInfo", member{"retryDelay", protoDuration(*b.retryAfterMs)}))
	}
	if b.requestID != nil {
		details = append(details, typed("RequestInfo", member{"requestId", *b.requestID}))
	}
	if b.docsURL != nil {
		description := b.code
		if b.title != nil && *b.title != "" {
			description = *b.title
		}
		link := object{{"description", description}, {"url", *b.docsURL}}
		details = append(details, typed("Help", member{"links", []any{link}}))
	}
	if b.localized != nil {
		details = append(details, typed("LocalizedMessage",
			member{"locale", b.localized.Locale}, member{"message", b.localized.Message}))
	}
	return object{{"error", object{
		{"code", b.status}, {"message", b.message}, {"status", b.grpc}, {"details", details},
	}}}
}

// ContentType returns the content type of the error's envelope.
func (e *Error) ContentType() string {
	if found := catalog().Wire[e.style()].ContentType; found != "" {
		return found
	}
	return "application/json"
}

// WriteError writes err as the response: its status, the envelope's
// content type, Retry-After (whole seconds, rounded up), the request id
// header, Content-Language and Vary when the catalog has locales, and the
// body in the catalog's envelope. An error that is not an *Error of this
// catalog is written as HTTP 500, its code the status's gRPC name
// ("INTERNAL") and its message the status text: its own text may say
// what a client should not see.
func WriteError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		status := http.StatusInternalServerError
		e = &Error{Status: status, WireCode: GRPCForStatus(status), Message: http.StatusText(status)}
	}
	header := w.Header()
	header.Set("Content-Type", e.ContentType())
	if e.HasRetryAfter {
		secs := e.RetryAfter / time.Second
		if e.RetryAfter%time.Second > 0 {
			secs++
		}
		header.Set("Retry-After", strconv.FormatInt(int64(secs), 10))
	}
	if e.RequestID != "" {
		header.Set(requestIDHeader(), e.RequestID)
	}
	if len(catalog().Locales.Tags) > 1 {
		header.Set("Content-Language", e.Locale())
		header.Add("Vary", "Accept-Language")
	}
	payload, marshalErr := e.MarshalJSON()
	if marshalErr != nil {
		payload = []byte(`{}`)
	}
	status := e.Status
	if status < 100 || status > 999 {
		status = http.StatusInternalServerError
	}
	w.WriteHeader(status)
	_, _ = w.Write(payload)
}

func requestIDHeader() string {
	if h := catalog().RequestIDHeader; h != nil && *h != "" {
		return *h
	}
	return "X-Request-Id"
}

// ---------------------------------------------------------- reading

// FromResponse reads an error response: its status, headers and at most
// the body's first bytes errcat-runtime reads. It does not close the body.
func FromResponse(response *http.Response) *Error {
	limit := int64(catalog().Limits.MaxBodyBytes) + 1
	var payload []byte
	if response.Body != nil {
		payload, _ = io.ReadAll(io.LimitReader(response.Body, limit))
	}
	return Parse(response.StatusCode, response.Header, payload)
}

// ParseRetryAfter reads a Retry-After value as a wait from now:
// delay-seconds or an HTTP date (0 if past); ok is false when it is
// neither.
func ParseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	text := strings.TrimSpace(value)
	if text != "" && strings.Trim(text, "0123456789") == "" {
		if len(text) > 20 {
			text = text[:20]
		}
		secs, err := strconv.ParseFloat(text, 64)
		if err != nil || secs > catalog().Limits.MaxRetryAfterSecs {
			secs = catalog().Limits.MaxRetryAfterSecs
		}
		return time.Duration(secs) * time.Second, true
	}
	date, ok := parseHTTPDate(text)
	if !ok {
		return 0, false
	}
	if wait := date.Sub(now); wait > 0 {
		return wait, true
	}
	return 0, true
}

var (
	weekdays = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	months   = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	day3     = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
	mon      = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
	imfDate  = lazily(`^` + day3 + `, (\d{2}) ` + mon + ` (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$`)
	rfc850   = lazily(`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-` + mon +
		`-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$`)
	asctime = lazily(`^` + day3 + ` ` + mon + ` ( \d|\d{2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$`)
)

// parseHTTPDate reads an HTTP date in any of the three forms RFC 9110
// requires recipients to accept, exactly as errcat-runtime (the httpdate
// crate) accepts them: case as written, a real calendar date from 1970 to
// 9999 whose weekday is right.
func parseHTTPDate(text string) (time.Time, bool) {
	var weekday, year, month, day, hour, minute, second string
	if m := imfDate.get().FindStringSubmatch(text); m != nil {
		weekday, day, month, year, hour, minute, second = m[1], m[2], m[3], m[4], m[5], m[6], m[7]
	} else if m := rfc850.get().FindStringSubmatch(text); m != nil {
		yy, _ := strconv.Atoi(m[4])
		if yy < 70 {
			yy += 2000
		} else {
			yy += 1900
		}
		weekday, day, month, year, hour, minute, second = m[1][:3], m[2], m[3], strconv.Itoa(yy), m[5], m[6], m[7]
	} else if m := asctime.get().FindStringSubmatch(text); m != nil {
		weekday, month, day, hour, minute, second, year = m[1], m[2], strings.TrimSpace(m[3]), m[4], m[5], m[6], m[7]
	} else {
		return time.Time{}, false
	}
	number := func(s string) int { n, _ := strconv.Atoi(s); return n }
	y, d, h, mi, s := number(year), number(day), number(hour), number(minute), number(second)
	mo := 0
	for i, name := range months {
		if name == month {
			mo = i + 1
		}
	}
	if y < 1970 || y > 9999 || h > 23 || mi > 59 || s > 59 || d < 1 {
		return time.Time{}, false
	}
	date := time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC)
	// time.Date normalizes 31 Feb to March: that is not a date.
	if date.Day() != d || weekdays[date.Weekday()] != weekday {
		return time.Time{}, false
	}
	return date, true
}

// parsed is what a body said, before the code is resolved.
type parsed struct {
	wireCode, fallbackCode *string
	numeric                *uint64
	message                string
	param, requestID       *string
	retryAfterMs           *float64
	details                map[string]any
	detailsAsText          bool
	localized              *LocalizedMessage
}

// Parse reads an HTTP error response, leniently and within bounds, as
// errcat-runtime does: the nested envelope (snake or camel case), RFC 9457
// problem details, {"detail": ...}, {"error": "text"}, numeric {"status":
// {"code": N}}, JSON:API, GraphQL and Google's AIP-193 bodies. Retry-After
// and the request id header win over the body. It never fails.
func Parse(status int, header http.Header, payload []byte) *Error {
	data := catalog()
	p := parseBody(status, payload)
	for _, value := range header.Values("Retry-After") {
		if wait, ok := ParseRetryAfter(value, time.Now()); ok {
			ms := float64(wait) / float64(time.Millisecond)
			p.retryAfterMs = &ms
		}
	}
	for _, name := range []string{"X-Request-Id", deref(data.RequestIDHeader)} {
		if name == "" {
			continue
		}
		for _, value := range header.Values(name) {
			if id, ok := cleanRequestID(value); ok {
				p.requestID = &id
			}
		}
	}
	var code Code
	known := false
	if p.numeric != nil {
		code, known = FromNumeric(*p.numeric)
	} else if p.wireCode != nil {
		code, known = Resolve(*p.wireCode)
		if !known && p.fallbackCode != nil {
			if code, known = Lookup(*p.fallbackCode); known {
				p.wireCode = p.fallbackCode
			}
		}
	}
	if p.detailsAsText && known {
		facts, _ := factsOf(string(code))
		typeDetails(p.details, facts)
	}
	message := p.message
	if message == "" {
		if known {
			facts, _ := factsOf(string(code))
			message = facts.title
		} else {
			message = fmt.Sprintf("HTTP %d", status)
		}
	}
	e := &Error{
		Code: code, Status: status, Message: message, Details: p.details, Localized: p.localized,
		Param: deref(p.param), RequestID: deref(p.requestID), WireCode: string(code),
	}
	if p.wireCode != nil {
		e.WireCode = *p.wireCode
	}
	if p.retryAfterMs != nil {
		e.RetryAfter, e.HasRetryAfter = millis(*p.retryAfterMs), true
	}
	return e
}

func clip(text string, chars int) string {
	if len(text) <= chars {
		return text
	}
	seen := 0
	for at := range text {
		if seen == chars {
			return text[:at]
		}
		seen++
	}
	return text
}

// lossy is payload as text, invalid UTF-8 replaced as errcat-runtime
// (String::from_utf8_lossy), Python and WHATWG's decoder replace it: one
// U+FFFD for each maximal subpart of an ill-formed sequence.
func lossy(payload []byte) string {
	if utf8.Valid(payload) {
		return string(payload)
	}
	var out strings.Builder
	for at := 0; at < len(payload); {
		r, size := utf8.DecodeRune(payload[at:])
		if r != utf8.RuneError || size > 1 {
			out.Write(payload[at : at+size])
			at += size
			continue
		}
		out.WriteRune(utf8.RuneError)
		at += maximalSubpart(payload[at:])
	}
	return out.String()
}

// maximalSubpart is how many bytes at the start of b (which do not begin a
// valid character) one replacement character stands for: the lead byte and
// the continuation bytes that could still have completed it.
func maximalSubpart(b []byte) int {
	lo, hi, need := byte(0x80), byte(0xBF), 0
	switch c := b[0]; {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		lo, need = 0xA0, 2
	case c >= 0xE1 && c <= 0xEC, c == 0xEE, c == 0xEF:
		need = 2
	case c == 0xED:
		hi, need = 0x9F, 2
	case c == 0xF0:
		lo, need = 0x90, 3
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	case c == 0xF4:
		hi, need = 0x8F, 3
	}
	n := 1
	for ; n <= need && n < len(b); n++ {
		if b[n] < lo || b[n] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return n
}

// decodeLimit is how deep serde_json (errcat-runtime's parser) reads
// before it gives up, and the body is mended.
const decodeLimit = 128

func decode(text string) (any, bool) {
	if deeperThan(text, decodeLimit) {
		return nil, false
	}
	decoder := json.NewDecoder(strings.NewReader(text))
	decoder.UseNumber()
	var value any
	if decoder.Decode(&value) != nil {
		return nil, false
	}
	if _, err := decoder.Token(); err != io.EOF {
		return nil, false
	}
	return value, finite(value)
}

// finite reports whether every number in value fits a double, as
// errcat-runtime's parser requires.
func finite(value any) bool {
	switch v := value.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(v), 64)
		return err == nil && !math.IsInf(f, 0)
	case map[string]any:
		for _, x := range v {
			if !finite(x) {
				return false
			}
		}
	case []any:
		for _, x := range v {
			if !finite(x) {
				return false
			}
		}
	}
	return true
}

func deeperThan(text string, limit int) bool {
	depth := 0
	for at := 0; at < len(text); at++ {
		switch text[at] {
		case '"':
			at = skipString(text, at) - 1
		case '{', '[':
			depth++
			if depth > limit {
				return true
			}
		case '}', ']':
			depth--
		}
	}
	return false
}

func parseBody(status int, payload []byte) parsed {
	data := catalog()
	p := parsed{details: map[string]any{}}
	if len(payload) > data.Limits.MaxBodyBytes {
		p.message = fmt.Sprintf("HTTP %d: response body of %d bytes not parsed", status, len(payload))
		return p
	}
	text := lossy(payload)
	value, ok := decode(text)
	if !ok {
		value, ok = decode(mend(text, data.Limits.MaxKeptDepth))
	}
	if obj, isObject := value.(map[string]any); ok && isObject {
		readObject(&p, obj)
		return p
	}
	if trimmed := strings.TrimSpace(text); trimmed != "" {
		p.message = clip(trimmed, data.Limits.MaxRawMessageChars)
	} else {
		p.message = fmt.Sprintf("HTTP %d", status)
	}
	return p
}

// mend is text (a body that did not parse) with what JSON parsers disagree
// on made plain JSON, as errcat-runtime's mend does: a leading byte-order
// mark dropped; NaN, Infinity and numbers too large for a double become
// null; a lone surrogate escape becomes U+FFFD; nesting deeper than limit
// becomes null. Strings are skipped exactly.
func mend(text string, limit int) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	var out strings.Builder
	depth, at, copied := 0, 0, 0
	for at < len(text) {
		c := text[at]
		switch {
		case c == '"':
			end := skipString(text, at)
			if str := text[at:end]; strings.Contains(str, `\u`) {
				out.WriteString(text[copied:at])
				out.WriteString(mendSurrogates(str))
				copied = end
			}
			at = end
		case (c == '{' || c == '[') && depth == limit:
			out.WriteString(text[copied:at])
			out.WriteString("null")
			at = skipNested(text, at)
			copied = at
		case c == '{' || c == '[':
			depth++
			at++
		case c == '}' || c == ']':
			if depth > 0 {
				depth--
			}
			at++
		case c == '-' || ('0' <= c && c <= '9') || c == 'N' || c == 'I':
			end := at
			for end < len(text) && isNumberByte(text[end]) {
				end++
			}
			tokenText := text[at:end]
			f, err := strconv.ParseFloat(tokenText, 64)
			unreadable := false
			if err == nil {
				unreadable = math.IsInf(f, 0) || math.IsNaN(f)
			} else if numErr, isNum := err.(*strconv.NumError); isNum && numErr.Err == strconv.ErrRange {
				unreadable = math.IsInf(f, 0)
			} else {
				first := strings.TrimPrefix(tokenText, "-")
				unreadable = strings.HasPrefix(first, "N") || strings.HasPrefix(first, "I")
			}
			if unreadable {
				out.WriteString(text[copied:at])
				out.WriteString("null")
				copied = end
			}
			if end > at {
				at = end
			} else {
				at++
			}
		default:
			at++
		}
	}
	out.WriteString(text[copied:])
	return out.String()
}

func isNumberByte(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || c == '+' || c == '-' || c == '.'
}

func skipString(text string, at int) int {
	for at++; at < len(text); {
		switch text[at] {
		case '\\':
			at += 2
		case '"':
			return at + 1
		default:
			at++
		}
	}
	return len(text)
}

func skipNested(text string, at int) int {
	depth := 0
	for at < len(text) {
		switch text[at] {
		case '"':
			at = skipString(text, at)
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return at + 1
			}
		}
		at++
	}
	return len(text)
}

func mendSurrogates(str string) string {
	unit := func(at int) (int, bool) {
		if at+6 > len(str) || str[at] != '\\' || str[at+1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(str[at+2:at+6], 16, 32)
		return int(n), err == nil
	}
	var out strings.Builder
	at, copied := 0, 0
	for at < len(str) {
		if str[at] != '\\' {
			at++
			continue
		}
		u, ok := unit(at)
		if ok && 0xD800 <= u && u <= 0xDBFF {
			if low, isLow := unit(at + 6); isLow && 0xDC00 <= low && low <= 0xDFFF {
				at += 12
				continue
			}
		}
		switch {
		case ok && 0xD800 <= u && u <= 0xDFFF:
			out.WriteString(str[copied:at])
			out.WriteString(`\uFFFD`)
			at += 6
			copied = at
		case ok:
			at += 6
		default:
			at += 2
		}
	}
	out.WriteString(str[copied:])
	return out.String()
}

func firstOf(o map[string]any, name string) any {
	for _, key := range catalog().members[name] {
		if value, ok := o[key]; ok {
			return value
		}
	}
	return nil
}

func textOf(value any) *string {
	if s, ok := value.(string); ok {
		return &s
	}
	return nil
}

// number is a JSON number's value, if value is one.
func number(value any) (float64, bool) {
	n, ok := value.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(n), 64)
	return f, err == nil
}

// wholeNumber is a whole number a numeric code can be: 17000, and 17000.0
// as some servers write it.
func wholeNumber(value any) (uint64, bool) {
	n, ok := value.(json.Number)
	if !ok {
		return 0, false
	}
	if whole, err := strconv.ParseUint(string(n), 10, 64); err == nil {
		return whole, true
	}
	if _, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || f != math.Trunc(f) || f < 0 || f >= 1<<64 {
		return 0, false
	}
	return uint64(f), true
}

func getOr(o map[string]any, key string, otherwise func() any) any {
	if value, ok := o[key]; ok {
		return value
	}
	return otherwise()
}

func readObject(p *parsed, obj map[string]any) {
	data := catalog()
	limits := data.Limits
	nested := obj[deref(data.Wire["nested"].Wrapper)]
	detail := obj[deref(data.Wire["detail"].Wrapper)]
	problem := false
	var fields map[string]any
	_, hasStatus := obj["status"]
	_, hasTitle := obj["title"]
	if listed, graphql, ok := firstListedError(obj); ok {
		fields, problem = listed, !graphql
	} else if m, isMap := nested.(map[string]any); isMap {
		fields = m
	} else if s, isText := nested.(string); isText {
		fields = map[string]any{"message": s}
	} else if m, isMap := detail.(map[string]any); isMap && !hasStatus {
		fields = m
	} else if s, isText := detail.(string); isText && !hasTitle {
		fields = map[string]any{"message": s}
	} else {
		fields = obj
		_, hasDetail := obj["detail"]
		problem = hasTitle || hasDetail
	}
	code := fields["code"]
	if s, ok := code.(string); ok && s != "" {
		clipped := clip(s, limits.MaxRawMessageChars)
		p.wireCode = &clipped
	} else if n, ok := wholeNumber(code); ok {
		setNumeric(p, n)
	}
	if status, ok := obj["status"].(map[string]any); ok && p.wireCode == nil {
		if n, ok := wholeNumber(status["code"]); ok {
			setNumeric(p, n)
		}
		if description := textOf(status["description"]); description != nil {
			p.message = *description
		}
	}
	var message any
	if problem {
		message = getOr(fields, "detail", func() any {
			return getOr(fields, "title", func() any { return fields["message"] })
		})
	} else {
		message = firstOf(fields, "message")
	}
	if s, ok := message.(string); ok {
		p.message = clip(s, limits.MaxMessageChars)
	}
	p.param = textOf(firstOf(fields, "param"))
	requestID := textOf(firstOf(fields, "requestId"))
	for _, key := range data.OuterRequestID {
		if requestID == nil {
			requestID = textOf(obj[key])
		}
	}
	p.requestID = nil
	if requestID != nil {
		if id, ok := cleanRequestID(*requestID); ok {
			p.requestID = &id
		}
	}
	ms := firstOf(fields, "retryAfterMs")
	secs := getOr(fields, "retry_after", func() any { return fields["retryAfter"] })
	wait, hasWait := 0.0, false
	if n, ok := number(ms); ok {
		wait, hasWait = n/1000, true
	} else if n, ok := number(secs); ok {
		wait, hasWait = n, true
	}
	if hasWait && !math.IsInf(wait, 0) && !math.IsNaN(wait) && wait >= 0 {
		// Below a millisecond is zero: a floor under the backoff, not
		// "retry now".
		hint := math.Min(wait, limits.MaxRetryAfterSecs) * 1000
		if hint < limits.MinRetryHintMs {
			hint = 0
		}
		p.retryAfterMs = &hint
	}
	if details, ok := firstOf(fields, "details").(map[string]any); ok {
		p.details = details
	}
	readGoogleStatus(p, fields)
}

func setNumeric(p *parsed, n uint64) {
	text := strconv.FormatUint(n, 10)
	p.numeric, p.wireCode = &n, &text
}

// firstListedError is the first error of a JSON:API or GraphQL errors
// list, its meta, extensions and source read as its own, and whether it is
// GraphQL's.
func firstListedError(obj map[string]any) (map[string]any, bool, bool) {
	errs, ok := obj["errors"].([]any)
	if !ok || len(errs) == 0 {
		return nil, false, false
	}
	first, ok := errs[0].(map[string]any)
	if !ok {
		return nil, false, false
	}
	_, hasExtensions := first["extensions"]
	jsonAPI := false
	for _, key := range []string{"code", "detail", "title", "status"} {
		if _, has := first[key]; has {
			jsonAPI = true
		}
	}
	graphql := hasExtensions || !jsonAPI
	fields := make(map[string]any, len(first))
	for k, v := range first {
		fields[k] = v
	}
	for _, parent := range []string{"extensions", "meta", "source"} {
		sub, ok := first[parent].(map[string]any)
		if !ok {
			continue
		}
		keys := make([]string, 0, len(sub))
		for key := range sub {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		for _, key := range keys {
			name := key
			if parent == "source" && (key == "pointer" || key == "parameter" || key == "header") {
				name = "param"
			}
			if _, taken := fields[name]; !taken {
				fields[name] = sub[key]
			}
		}
	}
	return fields, graphql, true
}

func readGoogleStatus(p *parsed, fields map[string]any) {
	limits := catalog().Limits
	httpCode, ok := fields["code"].(json.Number)
	status, isText := fields["status"].(string)
	if !ok || !isText || status == "" {
		return
	}
	statusCode, err := strconv.ParseInt(string(httpCode), 10, 64)
	if err != nil || statusCode < 100 || statusCode > 599 {
		return
	}
	listed, _ := fields["details"].([]any)
	typed := func(ty string) map[string]any {
		suffix := "google.rpc." + ty
		for _, d := range listed {
			if m, ok := d.(map[string]any); ok {
				if name, ok := m["@type"].(string); ok && strings.HasSuffix(name, suffix) {
					return m
				}
			}
		}
		return nil
	}
	info := typed("ErrorInfo")
	reason := textOf(info["reason"])
	if reason != nil && *reason == "" {
		reason = nil
	}
	p.numeric = nil
	wire := status
	if reason != nil {
		wire = *reason
		fallback := clip(status, limits.MaxRawMessageChars)
		p.fallbackCode = &fallback
	} else {
		p.fallbackCode = nil
	}
	wire = clip(wire, limits.MaxRawMessageChars)
	p.wireCode = &wire
	if metadata, ok := info["metadata"].(map[string]any); ok {
		p.details = metadata
		p.detailsAsText = true
	}
	if violations, ok := typed("BadRequest")["fieldViolations"].([]any); ok && len(violations) > 0 {
		if violation, ok := violations[0].(map[string]any); ok {
			if field := textOf(violation["field"]); field != nil && *field != "" {
				p.param = field
			}
		}
	}
	if delay := textOf(typed("RetryInfo")["retryDelay"]); delay != nil {
		if wait, ok := parseProtoDuration(*delay); ok {
			// As a body's milliseconds: below one is zero, the longest wait
			// the limit.
			longest := limits.MaxRetryAfterSecs * 1000
			if wait < limits.MinRetryHintMs {
				wait = 0
			}
			wait = math.Min(wait, longest)
			p.retryAfterMs = &wait
		}
	}
	if id := textOf(typed("RequestInfo")["requestId"]); id != nil {
		if cleaned, ok := cleanRequestID(*id); ok {
			p.requestID = &cleaned
		}
	}
	// The message for users, beside the developer's: kept, bounded.
	said := typed("LocalizedMessage")
	locale, message := textOf(said["locale"]), textOf(said["message"])
	if locale != nil && *locale != "" && message != nil && *message != "" {
		p.localized = &LocalizedMessage{
			Locale:  clip(*locale, limits.MaxLocaleChars),
			Message: clip(*message, limits.MaxMessageChars),
		}
	}
}

var (
	integerText  = lazily(`^-?[0-9]+$`)
	floatText    = lazily(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)
	protoSeconds = lazily(`^([0-9]+)(?:\.([0-9]{1,9}))?s$`)
)

// typeDetails reads AIP-193 metadata (text) as the values of the code's
// params, by their declared types, as errcat-runtime's
// ParamType::value_from_text.
func typeDetails(details map[string]any, facts codeData) {
	for i, name := range facts.params {
		text, ok := details[name].(string)
		if !ok || i >= len(facts.paramTypes) {
			continue
		}
		if value, ok := valueFromText(facts.paramTypes[i], text); ok {
			details[name] = value
		}
	}
}

func valueFromText(ty, text string) (any, bool) {
	bits := map[string]int{"u16": 16, "u32": 32, "u64": 64, "i32": 32, "i64": 64}
	if size, ok := bits[ty]; ok {
		if !integerText.get().MatchString(text) {
			return nil, false
		}
		var err error
		if ty[0] == 'u' {
			_, err = strconv.ParseUint(text, 10, size)
		} else {
			_, err = strconv.ParseInt(text, 10, size)
		}
		return json.Number(text), err == nil
	}
	switch ty {
	case "f64":
		if !floatText.get().MatchString(text) {
			return nil, false
		}
		f, err := strconv.ParseFloat(text, 64)
		return json.Number(text), err == nil && !math.IsInf(f, 0)
	case "bool":
		switch text {
		case "true":
			return true, true
		case "false":
			return false, true
		}
		return nil, false
	}
	return text, true
}

// parseProtoDuration reads protobuf JSON's Duration ("30s", "1.5s") in
// milliseconds.
func parseProtoDuration(text string) (float64, bool) {
	m := protoSeconds.get().FindStringSubmatch(text)
	if m == nil {
		return 0, false
	}
	secs, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, false
	}
	frac, _ := strconv.ParseFloat((m[2] + "000000000")[:9], 64)
	return secs*1000 + frac/1e6, true
}

func cleanRequestID(raw string) (string, bool) {
	var kept strings.Builder
	for _, r := range raw {
		if r < 0x20 || (0x7F <= r && r <= 0x9F) {
			continue
		}
		kept.WriteRune(r)
	}
	id := strings.TrimSpace(clip(kept.String(), catalog().Limits.MaxRequestIDChars))
	return id, id != ""
}
