package mintlify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
)

// DefaultBaseURL is the production API.
const DefaultBaseURL = "https://api.mintlify.com"

// Defaults for Config fields left zero.
const (
	DefaultMaxRetries     = 5
	DefaultRequestTimeout = 30 * time.Second
	defaultRetryWaitMin   = 1 * time.Second
	defaultRetryWaitMax   = 30 * time.Second
	maxBodyBytes          = 4 << 20
	snippetBytes          = 200
)

// LogFunc receives one debug line per HTTP attempt and answer. Fields never
// hold the API key or the Authorization header.
type LogFunc func(ctx context.Context, msg string, fields map[string]any)

// Config configures a Client. Only BaseURL and APIKey matter to most callers.
type Config struct {
	BaseURL   string
	APIKey    string
	UserAgent string
	// MaxRetries bounds the retries of one call; 0 means DefaultMaxRetries,
	// a negative value means none. A 429 whose Retry-After fits before the
	// call's deadline is waited out however often it comes and is not
	// counted: when many calls share a limit, each may be refused several
	// times before its turn, and the deadline bounds the waiting.
	MaxRetries int
	// RequestTimeout bounds one HTTP attempt; 0 means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// RetryWaitMin and RetryWaitMax bound the exponential backoff.
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	Log          LogFunc
	// OnRetryWait, when set, is told of each wait before a call is sent
	// again after an answer that refused it (a 429 or a server error).
	OnRetryWait func(ctx context.Context, w RetryWait)
	// Transport replaces the default pooled transport (tests use it).
	Transport http.RoundTripper
}

// Client calls the Mintlify API. It is safe for concurrent use and keeps one
// connection pool for its whole life.
type Client struct {
	baseURL   *url.URL
	apiKey    string
	userAgent string
	log       LogFunc
	onWait    func(context.Context, RetryWait)
	// maxRetries bounds the counted retries of one call (see Config).
	maxRetries int
	// reads retries every answer that may be transient; writes only those
	// the server certainly did not act on (see retryWrite); streams is
	// writes without the per-request time limit, for the v1 event stream,
	// whose answer lasts as long as the job.
	reads   *retryablehttp.Client
	writes  *retryablehttp.Client
	streams *retryablehttp.Client
}

// New returns a Client for cfg. It fails only on a base URL that is not an
// https URL (or http on a loopback host).
func New(cfg Config) (*Client, error) {
	base := cfg.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := ValidateBaseURL(base)
	if err != nil {
		return nil, err
	}
	retries := cfg.MaxRetries
	switch {
	case retries == 0:
		retries = DefaultMaxRetries
	case retries < 0:
		retries = 0
	}
	timeout := cfg.RequestTimeout
	if timeout <= 0 {
		timeout = DefaultRequestTimeout
	}
	waitMin, waitMax := cfg.RetryWaitMin, cfg.RetryWaitMax
	if waitMin <= 0 {
		waitMin = defaultRetryWaitMin
	}
	if waitMax < waitMin {
		waitMax = max(defaultRetryWaitMax, waitMin)
	}
	transport := cfg.Transport
	if transport == nil {
		t := cleanhttp.DefaultPooledTransport()
		// Many jobs poll at once through one provider process.
		t.MaxIdleConnsPerHost = 32
		// Bounds the v1 stream's wait for headers; its body may last as long
		// as the job, so streams have no overall limit.
		t.ResponseHeaderTimeout = timeout
		transport = t
	}
	httpClient := &http.Client{
		Transport:     transport,
		Timeout:       timeout,
		CheckRedirect: keepCredentialsOnSameHost,
	}
	streamClient := &http.Client{
		Transport:     transport,
		CheckRedirect: keepCredentialsOnSameHost,
	}
	log := cfg.Log
	if log == nil {
		log = func(context.Context, string, map[string]any) {}
	}
	c := &Client{
		baseURL:    u,
		apiKey:     cfg.APIKey,
		userAgent:  cfg.UserAgent,
		log:        log,
		onWait:     cfg.OnRetryWait,
		maxRetries: retries,
	}
	newRetrying := func(hc *http.Client, policy retryablehttp.CheckRetry) *retryablehttp.Client {
		return &retryablehttp.Client{
			HTTPClient:   hc,
			RetryWaitMin: waitMin,
			RetryWaitMax: waitMax,
			// The calls' own budget (countRetries) ends them; a deadline
			// bounds the retries it does not count.
			RetryMax:       math.MaxInt32,
			CheckRetry:     c.recordRefusal(c.countRetries(policy)),
			Backoff:        c.backoff,
			ErrorHandler:   retryablehttp.PassthroughErrorHandler,
			RequestLogHook: c.logAttempt,
		}
	}
	c.reads = newRetrying(httpClient, retryRead)
	c.writes = newRetrying(httpClient, retryWrite)
	c.streams = newRetrying(streamClient, retryWrite)
	return c, nil
}

// BaseURL is the API root the client calls.
func (c *Client) BaseURL() string { return c.baseURL.String() }

// HasAPIKey reports whether the client was given a key.
func (c *Client) HasAPIKey() bool { return c.apiKey != "" }

// ValidateBaseURL accepts an absolute https URL, or an http URL whose host is
// loopback (the local emulator). Anything else would send the key in clear.
func ValidateBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	if u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("%q is not an absolute http(s) URL such as %s", raw, DefaultBaseURL)
	}
	if u.Scheme == "http" && !IsLoopbackHost(u.Hostname()) {
		return nil, fmt.Errorf("%q uses plain http to a host that is not loopback; use https so the API key is not sent in clear (plain http is accepted only for 127.0.0.0/8, ::1 and localhost)", raw)
	}
	if u.User != nil {
		return nil, fmt.Errorf("%q must not carry credentials; set api_key instead", raw)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

// IsLoopbackHost reports whether host is localhost or a loopback IP address.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// keepCredentialsOnSameHost follows redirects but never carries the key to
// another scheme, host or port: net/http only compares host names.
func keepCredentialsOnSameHost(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	first := via[0].URL
	if req.URL.Scheme != first.Scheme || req.URL.Host != first.Host {
		req.Header.Del("Authorization")
	}
	return nil
}

func (c *Client) logAttempt(_ retryablehttp.Logger, req *http.Request, n int) {
	if att := attemptOf(req.Context()); att != nil {
		att.connected.Store(false)
		att.refusal = nil
	}
	c.log(req.Context(), "Mintlify API request", map[string]any{
		"method": req.Method, "path": req.URL.Path, "attempt": n + 1,
	})
}

// attempt follows the current attempt of a call: whether it got a
// connection, and the answer that refused it when it is to be sent again.
// Until it has a connection, nothing of the request can have reached the
// server, whatever the error (a refused dial, a failed TLS handshake or
// certificate check, or a context that ended first); after a refusal
// (a 429), nothing was done either.
type attempt struct {
	call      *call
	connected atomic.Bool
	// refusal is the typed error of the answer the call waits to retry.
	refusal error
	// retries counts the retries that spend the call's budget.
	retries int
}

type attemptKey struct{}

func attemptOf(ctx context.Context) *attempt {
	att, _ := ctx.Value(attemptKey{}).(*attempt)
	return att
}

// trace is ctx with a, which logAttempt resets before each attempt and
// the transport marks connected.
func (a *attempt) trace(ctx context.Context) context.Context {
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { a.connected.Store(true) },
	})
	return context.WithValue(ctx, attemptKey{}, a)
}

// call is one API call: its method, path parameters, query and body, and
// the documented rate limit it counts against (nil when it has none).
type call struct {
	method string
	path   []string
	query  url.Values
	body   any
	limit  *RateLimit
	// idempotent is a call other than a GET that is safe to send again:
	// sending it twice does what sending it once does, so it is retried
	// like a read.
	idempotent bool
}

// do sends one API call and decodes a 2xx JSON answer into out.
func (c *Client) do(ctx context.Context, r call, out any) error {
	u, err := c.endpoint(r.path, r.query)
	if err != nil {
		return err
	}
	method := r.method
	client := c.reads
	if method != http.MethodGet && !r.idempotent {
		client = c.writes
	}
	// The handler reads and decodes a final answer inside the retry loop, so
	// a truncated or non-JSON body is retried like any transient failure
	// (for reads; writes are never retried on it, see retryWrite).
	var raw []byte
	read := false
	handler := func(resp *http.Response) error {
		raw, read = readBody(resp), true
		if out == nil || resp.StatusCode < 200 || resp.StatusCode > 299 {
			return nil
		}
		if err := json.Unmarshal(raw, out); err != nil {
			return &DecodeError{StatusCode: resp.StatusCode, Method: method, Path: u.Path, Snippet: snippet(raw), Err: err}
		}
		return nil
	}
	resp, err := c.send(ctx, client, &r, u, handler)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if !read {
		raw = readBody(resp)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return c.statusError(resp, &r, u.Path, raw)
	}
	return nil
}

// endpoint is the URL of an API path, each parameter escaped.
func (c *Client) endpoint(path []string, query url.Values) (*url.URL, error) {
	escaped, err := escapePath(path)
	if err != nil {
		return nil, err
	}
	u := *c.baseURL
	u.RawPath = c.baseURL.EscapedPath() + "/" + escaped
	if u.Path, err = url.PathUnescape(u.RawPath); err != nil {
		return nil, err
	}
	u.RawQuery = query.Encode()
	return &u, nil
}

// send makes one API call through client (with its retry policy) and
// returns the answer with its body unread, unless handler read it.
func (c *Client) send(ctx context.Context, client *retryablehttp.Client, r *call, u *url.URL,
	handler retryablehttp.ResponseHandlerFunc) (*http.Response, error) {
	method := r.method
	var payload []byte
	if r.body != nil {
		var err error
		if payload, err = json.Marshal(r.body); err != nil {
			return nil, err
		}
	}
	att := attempt{call: r}
	req, err := retryablehttp.NewRequestWithContext(att.trace(ctx), method, u.String(), bytesOrNil(payload))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	if handler != nil {
		req.SetResponseHandler(handler)
	}
	start := time.Now()
	resp, err := client.Do(req)
	var decode *DecodeError
	if errors.As(err, &decode) {
		return nil, decode
	}
	if err != nil {
		err = fmt.Errorf("%s %s: %w", method, u.Path, err)
		switch {
		case att.refusal != nil:
			// The call ended while waiting to be sent again: what it last
			// heard was a refusal, so nothing was done.
			err = fmt.Errorf("%w, while waiting to send it again after: %w", err, att.refusal)
		case !att.connected.Load():
			err = &NotSentError{Err: err}
		}
		return nil, err
	}
	c.log(ctx, "Mintlify API response", map[string]any{
		"method": method, "path": u.Path, "status": resp.StatusCode, "duration_ms": time.Since(start).Milliseconds(),
	})
	return resp, nil
}

// statusError is the typed error for a non-2xx answer to r.
func (c *Client) statusError(resp *http.Response, r *call, path string, raw []byte) error {
	base := &APIError{StatusCode: resp.StatusCode, Method: r.method, Path: path, Message: errorText(raw)}
	return newStatusError(base, r.limit, resp.Header, time.Now())
}

// countRetries wraps a retry policy: a retry spends the call's budget of
// maxRetries, unless it waits out a rate limit until a time the server
// gave, which the policy has checked fits before the call's deadline.
func (c *Client) countRetries(policy retryablehttp.CheckRetry) retryablehttp.CheckRetry {
	return func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		retry, checkErr := policy(ctx, resp, err)
		att := attemptOf(ctx)
		if !retry || att == nil || err == nil && waitsOutRateLimit(ctx, resp) {
			return retry, checkErr
		}
		att.retries++
		return att.retries <= c.maxRetries, checkErr
	}
}

// recordRefusal wraps a retry policy: an answer the call will be sent
// again after is kept, as a typed error, until the next attempt starts, so
// a call that ends during the wait says what it last heard.
func (c *Client) recordRefusal(policy retryablehttp.CheckRetry) retryablehttp.CheckRetry {
	return func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		retry, checkErr := policy(ctx, resp, err)
		att := attemptOf(ctx)
		if retry && err == nil && resp != nil && att != nil && (resp.StatusCode < 200 || resp.StatusCode > 299) {
			raw := readBody(resp)
			resp.Body = io.NopCloser(bytes.NewReader(raw))
			att.refusal = c.statusError(resp, att.call, resp.Request.URL.Path, raw)
		}
		return retry, checkErr
	}
}

// readBody reads at most maxBodyBytes; a body cut short by the network is
// returned as far as it came, and fails to decode.
func readBody(resp *http.Response) []byte {
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
	return raw
}

// escapePath escapes each path parameter whole, so an id holding "/", "?"
// or spaces stays one segment and cannot reach another endpoint; an empty,
// "." or ".." segment is refused because no cleaning server keeps it.
func escapePath(segments []string) (string, error) {
	out := make([]string, len(segments))
	for i, s := range segments {
		if s == "" || s == "." || s == ".." {
			return "", fmt.Errorf("%q is not a valid path parameter", s)
		}
		out[i] = url.PathEscape(s)
	}
	return strings.Join(out, "/"), nil
}

func bytesOrNil(b []byte) any {
	if b == nil {
		return nil
	}
	return bytes.NewReader(b)
}

// errorText is the API's {"error": "..."} text, or the start of a body that
// is not that JSON.
func errorText(raw []byte) string {
	var e struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if json.Unmarshal(raw, &e) == nil {
		if e.Error != "" {
			return e.Error
		}
		if e.Message != "" {
			return e.Message
		}
	}
	return snippet(raw)
}

func snippet(raw []byte) string {
	s := strings.ToValidUTF8(string(raw), "?")
	if len(s) > snippetBytes {
		s = s[:snippetBytes] + "..."
	}
	return strings.TrimSpace(s)
}
