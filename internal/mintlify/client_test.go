package mintlify_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

func newClient(t *testing.T, baseURL, key string) *mintlify.Client {
	t.Helper()
	c, err := mintlify.New(mintlify.Config{BaseURL: baseURL, APIKey: key, UserAgent: "test-agent/1",
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCreateAndGetJob(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{Jobs: emulator.JobOptions{Duration: 50 * time.Millisecond}})
	c := newClient(t, emu.URL(), emu.APIKey())
	ctx := context.Background()

	job, err := c.CreateJob(ctx, emu.ProjectID(), "Document the API")
	if err != nil {
		t.Fatal(err)
	}
	if job.ID == "" || job.Status != mintlify.StatusActive || job.PRLink != nil || job.CreatedAt == nil {
		t.Fatalf("created job = %+v; want an active job with an id, a creation time and no PR yet", job)
	}
	time.Sleep(60 * time.Millisecond)
	got, err := c.GetJob(ctx, emu.ProjectID(), job.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != job.ID || got.Status != mintlify.StatusCompleted || got.PRLink == nil || got.Model == "" || got.Source.Repository == "" {
		t.Fatalf("job after it ended = %+v; want completed with a PR link, model and source", got)
	}
	if reqs := emu.Requests(); len(reqs) != 2 {
		t.Fatalf("requests = %d, want 2", len(reqs))
	}
}

func TestTypedErrors(t *testing.T) {
	// A base URL with a path below the API root reaches no endpoint.
	emu := emulator.Start(t, emulator.Options{Keys: map[string][]string{"mint_other": {"other-project"}}, AllowUnknownPaths: true})
	ctx := context.Background()
	good := newClient(t, emu.URL(), emu.APIKey())

	_, err := newClient(t, emu.URL(), "mint_wrong").GetJob(ctx, emu.ProjectID(), "x")
	var unauthorized *mintlify.UnauthorizedError
	if !errors.As(err, &unauthorized) || unauthorized.StatusCode != 401 || unauthorized.Message == "" {
		t.Errorf("wrong key: %v; want UnauthorizedError 401 with the server's text", err)
	}
	_, err = good.CreateJob(ctx, "other-project", "hello")
	if !errors.As(err, &unauthorized) || unauthorized.StatusCode != 403 {
		t.Errorf("key without access: %v; want UnauthorizedError 403", err)
	}
	var notFound *mintlify.NotFoundError
	_, err = newClient(t, emu.URL()+"/v1", emu.APIKey()).CreateJob(ctx, emu.ProjectID(), "hello")
	if !errors.As(err, &notFound) {
		t.Errorf("base URL below the API root: %v; want NotFoundError", err)
	}
	_, err = good.GetJob(ctx, emu.ProjectID(), "no-such-job")
	if !errors.As(err, &notFound) || !strings.Contains(notFound.Message, "not found") {
		t.Errorf("unknown job: %v; want NotFoundError with the server's text", err)
	}
	var api *mintlify.APIError
	if !errors.As(err, &api) || api.StatusCode != 404 {
		t.Errorf("NotFoundError does not unwrap to APIError: %v", err)
	}
	if _, err := good.CreateJob(ctx, emu.ProjectID(), "  "); err == nil {
		t.Error("blank prompt: no error")
	}
	if n := emu.CountRequests("POST", "/job"); n != 2 {
		t.Errorf("create requests = %d, want 2 (a blank prompt is refused before sending)", n)
	}
}

func TestPathParametersStayOneSegment(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.EscapedPath())
		w.WriteHeader(http.StatusNotFound)
	}))
	defer srv.Close()
	c := newClient(t, srv.URL, "k")
	for _, id := range []string{"../../v1/agent/p/jobs", "a b", "a?b=c#d"} {
		_, _ = c.GetJob(context.Background(), "p", id)
	}
	want := []string{"/v2/agent/p/job/..%2F..%2Fv1%2Fagent%2Fp%2Fjobs", "/v2/agent/p/job/a%20b", "/v2/agent/p/job/a%3Fb=c%23d"}
	for i := range want {
		if i >= len(paths) || paths[i] != want[i] {
			t.Fatalf("paths = %q, want %q", paths, want)
		}
	}
	for _, id := range []string{"", ".", ".."} {
		if _, err := c.GetJob(context.Background(), "p", id); err == nil {
			t.Errorf("job id %q: no error", id)
		}
	}
	if len(paths) != len(want) {
		t.Errorf("ids that cannot be a segment reached the server: %q", paths)
	}
}

func TestUserAgentAndAuthorizationHeaders(t *testing.T) {
	var ua, auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua, auth = r.Header.Get("User-Agent"), r.Header.Get("Authorization")
		_, _ = w.Write([]byte(`{"id":"j","status":"active"}`))
	}))
	defer srv.Close()
	if _, err := newClient(t, srv.URL, "mint_secret").GetJob(context.Background(), "p", "j"); err != nil {
		t.Fatal(err)
	}
	if ua != "test-agent/1" || auth != "Bearer mint_secret" {
		t.Errorf("User-Agent %q, Authorization %q", ua, auth)
	}
}

func TestNonJSONBodies(t *testing.T) {
	for name, body := range map[string]string{
		"html page": "<html><body>502 Bad Gateway from nginx</body></html>",
		"empty":     "",
		"truncated": `{"id":"j","status":"act`,
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = w.Write([]byte(body))
			}))
			defer srv.Close()
			_, err := newClient(t, srv.URL, "k").GetJob(context.Background(), "p", "j")
			var decode *mintlify.DecodeError
			if !errors.As(err, &decode) || decode.StatusCode != 200 || !strings.Contains(err.Error(), "HTTP 200") {
				t.Fatalf("err = %v; want a DecodeError quoting the status", err)
			}
			if want := body[:min(len(body), 10)]; !strings.Contains(decode.Snippet, want) {
				t.Errorf("snippet %q does not quote the body's start %q", decode.Snippet, want)
			}
		})
	}
}

func TestRedirectToAnotherHostDropsTheKey(t *testing.T) {
	var leaked atomic.Value
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Store(r.Header.Get("Authorization"))
		_, _ = w.Write([]byte(`{"id":"j","status":"active"}`))
	}))
	defer other.Close()
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusFound)
	}))
	defer origin.Close()
	if _, err := newClient(t, origin.URL, "mint_secret").GetJob(context.Background(), "p", "j"); err != nil {
		t.Fatal(err)
	}
	if got, _ := leaked.Load().(string); got != "" {
		t.Errorf("the other host received Authorization %q", got)
	}
}

func TestValidateBaseURL(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://api.mintlify.com":    true,
		"https://api.mintlify.com/":   true,
		"http://127.0.0.1:8080":       true,
		"http://127.5.6.7":            true,
		"http://[::1]:9000":           true,
		"http://localhost:1234":       true,
		"http://api.mintlify.com":     false,
		"http://10.0.0.1":             false,
		"ftp://api.mintlify.com":      false,
		"api.mintlify.com":            false,
		"::not a url":                 false,
		"https://user:pw@example.com": false,
	} {
		if _, err := mintlify.ValidateBaseURL(raw); (err == nil) != ok {
			t.Errorf("ValidateBaseURL(%q) = %v, want ok=%v", raw, err, ok)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := map[string]time.Duration{
		"120":                           2 * time.Minute,
		"Thu, 01 Jan 2026 00:00:30 GMT": 30 * time.Second,
	}
	for in, want := range cases {
		if got, ok := mintlify.ParseRetryAfter(in, now); !ok || got != want {
			t.Errorf("ParseRetryAfter(%q) = %s, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "soon", "-3"} {
		if _, ok := mintlify.ParseRetryAfter(in, now); ok {
			t.Errorf("ParseRetryAfter(%q) accepted", in)
		}
	}
}

func TestEmulatorRedirectKeepsKeyHome(t *testing.T) {
	elsewhere := emulator.Start(t, emulator.Options{})
	origin := emulator.Start(t, emulator.Options{})
	origin.SetFaults(emulator.Faults{RedirectTo: elsewhere.URL()})
	_, err := newClient(t, origin.URL(), origin.APIKey()).GetJob(context.Background(), origin.ProjectID(), "j")
	var unauthorized *mintlify.UnauthorizedError
	if !errors.As(err, &unauthorized) {
		t.Fatalf("err = %v; want the other host's 401 (it got no key)", err)
	}
	reqs := elsewhere.Requests()
	if len(reqs) != 1 || reqs[0].WithKey {
		t.Fatalf("the redirect target saw %d requests, with key: %v", len(reqs), len(reqs) == 1 && reqs[0].WithKey)
	}
}

// statusSequence answers with the given statuses in turn, then with a job.
func statusSequence(t *testing.T, statuses ...int) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(calls.Add(1))
		if n <= len(statuses) {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(statuses[n-1])
			_, _ = w.Write([]byte(`{"error":"try later"}`))
			return
		}
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"id":"j","status":"active"}`))
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func TestRetryPolicy(t *testing.T) {
	ctx := context.Background()
	t.Run("GET retries 429 and 5xx", func(t *testing.T) {
		srv, calls := statusSequence(t, 429, 500, 502, 503, 504)
		if _, err := newClient(t, srv.URL, "k").GetJob(ctx, "p", "j"); err != nil {
			t.Fatal(err)
		}
		if calls.Load() != 6 {
			t.Errorf("calls = %d, want 6", calls.Load())
		}
	})
	t.Run("GET does not retry 4xx", func(t *testing.T) {
		srv, calls := statusSequence(t, 400)
		if _, err := newClient(t, srv.URL, "k").GetJob(ctx, "p", "j"); err == nil || calls.Load() != 1 {
			t.Errorf("err %v after %d calls; want the 400 after 1", err, calls.Load())
		}
	})
	t.Run("POST retries 429", func(t *testing.T) {
		srv, calls := statusSequence(t, 429, 429)
		if _, err := newClient(t, srv.URL, "k").CreateJob(ctx, "p", "x"); err != nil || calls.Load() != 3 {
			t.Errorf("err %v after %d calls; want success after 3", err, calls.Load())
		}
	})
	for _, status := range []int{500, 502, 503, 504} {
		t.Run("POST never retries "+http.StatusText(status), func(t *testing.T) {
			srv, calls := statusSequence(t, status)
			_, err := newClient(t, srv.URL, "k").CreateJob(ctx, "p", "x")
			if err == nil || calls.Load() != 1 || !mintlify.MayHaveActed(err) {
				t.Errorf("err %v after %d calls; want one call and an error that says the job may exist", err, calls.Load())
			}
		})
	}
	t.Run("POST retries a refused connection", func(t *testing.T) {
		var attempts atomic.Int32
		c, err := mintlify.New(mintlify.Config{BaseURL: "http://127.0.0.1:1", APIKey: "k", MaxRetries: 2,
			RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond,
			Transport: countingTransport{&attempts, http.DefaultTransport}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.CreateJob(ctx, "p", "x")
		if err == nil || attempts.Load() != 3 || mintlify.MayHaveActed(err) {
			t.Errorf("err %v after %d attempts; want 3 attempts and an error that says nothing was sent", err, attempts.Load())
		}
	})
	t.Run("POST over https to a server without TLS sends nothing", func(t *testing.T) {
		srv, calls := statusSequence(t, 201)
		_, err := newClient(t, strings.Replace(srv.URL, "http://", "https://", 1), "k").CreateJob(ctx, "p", "x")
		var notSent *mintlify.NotSentError
		if !errors.As(err, &notSent) || mintlify.MayHaveActed(err) || calls.Load() != 0 {
			t.Errorf("err %v after %d calls; want a NotSentError: a failed TLS handshake sends nothing", err, calls.Load())
		}
	})
	t.Run("POST with its deadline already past sends nothing", func(t *testing.T) {
		srv, calls := statusSequence(t, 201)
		expired, cancel := context.WithTimeout(ctx, -time.Second)
		defer cancel()
		_, err := newClient(t, srv.URL, "k").CreateJob(expired, "p", "x")
		if err == nil || mintlify.MayHaveActed(err) || calls.Load() != 0 {
			t.Errorf("err %v after %d calls; want an error that says nothing was sent", err, calls.Load())
		}
	})
	t.Run("POST does not retry a timeout after sending", func(t *testing.T) {
		var calls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			time.Sleep(300 * time.Millisecond)
		}))
		defer srv.Close()
		c, err := mintlify.New(mintlify.Config{BaseURL: srv.URL, APIKey: "k", RequestTimeout: 50 * time.Millisecond,
			RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.CreateJob(ctx, "p", "x")
		if err == nil || calls.Load() != 1 || !mintlify.MayHaveActed(err) {
			t.Errorf("err %v after %d calls; want one call and an error that says the job may exist", err, calls.Load())
		}
	})
	// Many calls sharing one limit may each be refused several times before
	// their turn: a deadline, not the retry budget, bounds those waits.
	t.Run("429s with a Retry-After that fits the deadline spend no retries", func(t *testing.T) {
		var calls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if calls.Add(1) <= 2 {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			w.WriteHeader(http.StatusAccepted)
			_, _ = w.Write([]byte(`{"schemaId":"a","instanceId":"i","jobId":"j"}`))
		}))
		defer srv.Close()
		c, err := mintlify.New(mintlify.Config{BaseURL: srv.URL, APIKey: "k", MaxRetries: -1})
		if err != nil {
			t.Fatal(err)
		}
		bounded, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if _, err := c.TriggerAutomation(bounded, "p", "a"); err != nil || calls.Load() != 3 {
			t.Errorf("err %v after %d calls; want success after 3 with no retry budget", err, calls.Load())
		}
		calls.Store(0)
		var limited *mintlify.RateLimitedError
		if _, err := c.TriggerAutomation(ctx, "p", "a"); !errors.As(err, &limited) || calls.Load() != 1 {
			t.Errorf("err %v after %d calls; want the 429 after 1: without a deadline every retry spends the budget", err, calls.Load())
		}
	})
	t.Run("429 past the deadline fails at once", func(t *testing.T) {
		var calls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		}))
		defer srv.Close()
		ctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		_, err := newClient(t, srv.URL, "k").CreateJob(ctx, "p", "x")
		var limited *mintlify.RateLimitedError
		if !errors.As(err, &limited) || limited.RetryAfter != time.Hour || calls.Load() != 1 {
			t.Errorf("err %v after %d calls; want RateLimitedError{RetryAfter: 1h} after 1", err, calls.Load())
		}
	})
}

type countingTransport struct {
	n    *atomic.Int32
	next http.RoundTripper
}

func (c countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(r)
}

// BenchmarkGetJob reads a job from the emulator over loopback HTTP, through
// the pooled connection: the client's cost per poll.
func BenchmarkGetJob(b *testing.B) {
	emu := emulator.Start(b, emulator.Options{})
	c, err := mintlify.New(mintlify.Config{BaseURL: emu.URL(), APIKey: emu.APIKey()})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	job, err := c.CreateJob(ctx, emu.ProjectID(), "bench")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := c.GetJob(ctx, emu.ProjectID(), job.ID); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSendMessageReportsTheJobActive(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// An acknowledgement that still carries the previous run's status.
		_, _ = w.Write([]byte(`{"id":"j","status":"completed"}`))
	}))
	defer srv.Close()
	job, err := newClient(t, srv.URL, "k").SendMessage(context.Background(), "p", "j", "more")
	if err != nil || job.Status != mintlify.StatusActive {
		t.Fatalf("job %+v, err %v; want it active until the follow-up is answered", job, err)
	}
}

func TestRateLimitNamesTheLimit(t *testing.T) {
	srv, _ := statusSequence(t, 429, 429, 429, 429, 429, 429, 429)
	c, err := mintlify.New(mintlify.Config{BaseURL: srv.URL, APIKey: "k", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for name, tc := range map[string]struct {
		call func() error
		want *mintlify.RateLimit
	}{
		"job create":     {func() error { _, err := c.CreateJob(ctx, "p", "x"); return err }, mintlify.AgentLimit},
		"message":        {func() error { _, err := c.SendMessage(ctx, "p", "j", "x"); return err }, mintlify.AgentLimit},
		"deployment":     {func() error { _, err := c.TriggerDeployment(ctx, "p"); return err }, mintlify.TriggerLimit},
		"automation run": {func() error { _, err := c.TriggerAutomation(ctx, "p", "a"); return err }, mintlify.TriggerLimit},
		"preview":        {func() error { _, err := c.TriggerPreview(ctx, "p", "b"); return err }, mintlify.PreviewLimit},
		"status read":    {func() error { _, err := c.GetJob(ctx, "p", "j"); return err }, nil},
	} {
		var limited *mintlify.RateLimitedError
		if err := tc.call(); !errors.As(err, &limited) || limited.Limit != tc.want {
			t.Errorf("%s: %v names limit %+v; want %+v", name, err, limited, tc.want)
		}
	}
}

// A write that ends while it waits to be sent again after a 429 did
// nothing: the last thing Mintlify said was that it refused it.
func TestWriteEndedDuringARateLimitWaitDidNotAct(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte("Too many requests, please try again later."))
	}))
	defer srv.Close()
	var waits []mintlify.RetryWait
	c, err := mintlify.New(mintlify.Config{BaseURL: srv.URL, APIKey: "k", RetryWaitMin: time.Hour, RetryWaitMax: time.Hour,
		OnRetryWait: func(_ context.Context, w mintlify.RetryWait) { waits = append(waits, w) }})
	if err != nil {
		t.Fatal(err)
	}
	for _, end := range []error{context.Canceled, context.DeadlineExceeded} {
		waits = nil
		ctx, cancel := context.WithCancel(context.Background())
		if end == context.DeadlineExceeded {
			ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
		} else {
			time.AfterFunc(200*time.Millisecond, cancel)
		}
		_, err := c.TriggerDeployment(ctx, "p")
		cancel()
		var limited *mintlify.RateLimitedError
		if !errors.Is(err, end) || !errors.As(err, &limited) || mintlify.MayHaveActed(err) ||
			limited.Message != "Too many requests, please try again later." {
			t.Errorf("%v: err %v; want the context's end, the 429 with its text, and not 'may have acted'", end, err)
		}
		if len(waits) != 1 || waits[0].StatusCode != 429 || waits[0].Limit != mintlify.TriggerLimit || waits[0].Wait < 30*time.Minute {
			t.Errorf("%v: retry waits told %+v; want one after the 429, naming the trigger limit", end, waits)
		}
	}
}

// TestTransient: a request that outlived its own time limit is worth
// another poll; a cancellation is not.
func TestTransient(t *testing.T) {
	for err, want := range map[error]bool{
		fmt.Errorf("GET /x: %w (Client.Timeout exceeded)", context.DeadlineExceeded): true,
		context.Canceled:                    false,
		&mintlify.APIError{StatusCode: 503}: true,
		&mintlify.UnauthorizedError{APIError: &mintlify.APIError{StatusCode: 401}}: false,
	} {
		if got := mintlify.IsTransient(err); got != want {
			t.Errorf("IsTransient(%v) = %v, want %v", err, got, want)
		}
	}
}
