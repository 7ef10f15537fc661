// Package emulator is an in-memory Mintlify API for tests and demos.
//
// It follows Mintlify's OpenAPI documents (vendored in openapi/): the admin
// API's agent job endpoints, the external API's deployments, previews and
// automations under /v1, static export, and analytics (which tests seed:
// AddFeedback, AddConversations, AddSearches, AddPageViews,
// GenerateAnalytics, and LoadSeed from JSON). Bearer auth, JSON errors as
// {"error": "..."}. Jobs stay "active" for a set time and then end
// "completed" with a pull-request link, or "failed". Deployments are
// "queued", then "in_progress", then end "success" or "failure". Static
// exports are "queued", then "running" with their progress rising, then
// end "completed", with a bundle to download, or "failed".
//
// Every request and every answer is checked against the documents (see
// Violation): a test that makes the client break the contract fails.
//
// It also behaves as Mintlify's pages say beyond the documents: rate limits
// (agent uses, previews, production deployment and automation triggers,
// analytics) answer 429 with Retry-After, in JSON or, if asked, in plain text; keys may
// be read-only, expired or limited to an IP allowlist; a body that is not
// JSON answers 400.
//
// A prompt can steer its own job with markers, so one server serves many
// test cases:
//
//	[emulator:fail]          the job ends "failed"
//	[emulator:duration=90s]  the job stays active that long
//	[emulator:no-pr]         the job completes without a pull request
//	[emulator:archive]       the job is archived when it would end
//	[emulator:status=NAME]   the job ends with that status (one the API may add)
//
// A preview's branch name can steer its deployment the same way:
//
//	[emulator:fail]          the deployment ends "failure"
//	[emulator:queued=5s]     it stays "queued" that long
//	[emulator:duration=10s]  it stays "in_progress" that long
//
// And a static export's version label its job:
//
//	[emulator:fail]          the job ends "failed"
//	[emulator:queued=2s]     it stays "queued" that long
//	[emulator:duration=20s]  it stays "running" that long
package emulator

import (
	"cmp"
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"regexp"
	"sync"
	"time"
)

// Defaults of a server started with zero Options.
const (
	DefaultAPIKey      = "mint_emulator_key"
	DefaultProjectID   = "emulator-project"
	DefaultModel       = "claude-sonnet-4-5"
	DefaultRepository  = "https://github.com/acme/docs"
	DefaultJobDuration = 3 * time.Second

	DefaultDeploymentQueued     = time.Second
	DefaultDeploymentInProgress = 2 * time.Second
	// DefaultAutomationID is an active automation with a custom schedule in
	// the default project.
	DefaultAutomationID = "66a1f0c2e4b5d6a7b8c9d0e1"
	// DefaultPreviewLimit per DefaultPreviewWindow is Mintlify's limit of
	// preview deployments per organization.
	DefaultPreviewLimit  = 5
	DefaultPreviewWindow = time.Minute
	// DefaultTriggerLimit per DefaultTriggerWindow is Mintlify's limit of
	// production deployment and automation triggers, which share it, per
	// organization.
	DefaultTriggerLimit  = 10
	DefaultTriggerWindow = 10 * time.Second
	// DefaultAnalyticsLimit per DefaultAnalyticsWindow is Mintlify's limit
	// of analytics requests per organization, every endpoint's together.
	DefaultAnalyticsLimit  = 100
	DefaultAnalyticsWindow = time.Hour
)

// Options configure a Server: its keys and clock, and each kind's options
// (beside each kind, in its file). The zero value serves with defaults.
type Options struct {
	// APIKey is accepted for ProjectID. More keys and projects: Keys.
	APIKey    string
	ProjectID string
	// Keys maps further API keys to the projects each may use.
	Keys map[string][]string
	// ReadOnlyKeys have the read scope only: every method but GET and HEAD
	// answers 403. ExpiredKeys answer 401 on every request. IPAllowlists
	// limit keys to callers from the given ranges; others get 403. A key
	// named here and nowhere else may use ProjectID.
	ReadOnlyKeys []string
	ExpiredKeys  []string
	IPAllowlists map[string][]netip.Prefix
	// Now is the server's clock; time.Now when nil.
	Now func() time.Time
	// PlainTextRateLimits answers every rate limit's 429 with a text/plain
	// body, as Mintlify sometimes does, instead of JSON.
	PlainTextRateLimits bool

	Jobs          JobOptions
	Deployments   DeploymentOptions
	StaticExports StaticExportOptions
	Analytics     AnalyticsOptions
	// Automations the server knows besides DefaultAutomationID.
	Automations []Automation

	// AllowUnknownPaths is for a test that points the client at a wrong base
	// URL on purpose: requests to paths no OpenAPI document has are answered
	// 404 without counting as contract violations.
	AllowUnknownPaths bool
	// SkipContractCheck serves without checking the OpenAPI documents: for
	// benchmarks, where the check's cost is the harness's, not the API's.
	// Start ignores it.
	SkipContractCheck bool
	// OnContractViolation, when set, is called with each violation as it is
	// found (the command logs them; Start fails the test instead).
	OnContractViolation func(Violation)
}

// Server is the emulated API. Use New, then Listen or ServeHTTP.
type Server struct {
	opts     Options
	mux      *http.ServeMux
	listener net.Listener
	http     *http.Server

	// keys are fixed by New.
	keys map[string]*apiKey

	mu       sync.Mutex
	jobs     records[Job]
	requests []Request
	faults   Faults
	rng      *rand.Rand
	// The rate limits: the agent's by project, the others by API key.
	agentLimit, previewLimit, triggerLimit, analyticsLimit rateLimit
	// analytics is each project's, seeded by tests.
	analytics map[string]*projectAnalytics

	deployments records[Deployment]
	plans       []DeploymentPlan // for the next deployments, in order
	automations map[string]Automation
	runs        []AutomationRun

	staticExports records[StaticExport]

	violations []Violation
	checks     int
}

// New returns a server with the given options, defaults filled in.
func New(opts Options) *Server {
	opts.APIKey = cmp.Or(opts.APIKey, DefaultAPIKey)
	opts.ProjectID = cmp.Or(opts.ProjectID, DefaultProjectID)
	opts.Jobs.Duration = cmp.Or(opts.Jobs.Duration, DefaultJobDuration)
	opts.Jobs.Model = cmp.Or(opts.Jobs.Model, DefaultModel)
	opts.Jobs.Repository = cmp.Or(opts.Jobs.Repository, DefaultRepository)
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.Deployments.Queued = cmp.Or(opts.Deployments.Queued, DefaultDeploymentQueued)
	opts.Deployments.InProgress = cmp.Or(opts.Deployments.InProgress, DefaultDeploymentInProgress)
	opts.Deployments.Outcome = cmp.Or(opts.Deployments.Outcome, DeploymentSuccess)
	opts.Deployments.PreviewLimit = cmp.Or(opts.Deployments.PreviewLimit, DefaultPreviewLimit)
	opts.Deployments.PreviewWindow = cmp.Or(opts.Deployments.PreviewWindow, DefaultPreviewWindow)
	opts.Deployments.TriggerLimit = cmp.Or(opts.Deployments.TriggerLimit, DefaultTriggerLimit)
	opts.Deployments.TriggerWindow = cmp.Or(opts.Deployments.TriggerWindow, DefaultTriggerWindow)
	opts.Analytics.Limit = cmp.Or(opts.Analytics.Limit, DefaultAnalyticsLimit)
	opts.Analytics.Window = cmp.Or(opts.Analytics.Window, DefaultAnalyticsWindow)
	opts.StaticExports.Queued = cmp.Or(opts.StaticExports.Queued, DefaultStaticExportQueued)
	opts.StaticExports.Duration = cmp.Or(opts.StaticExports.Duration, DefaultStaticExportDuration)
	if opts.StaticExports.Pages <= 0 {
		opts.StaticExports.Pages = DefaultStaticExportPages
	}
	opts.StaticExports.BundleLinkLifetime = cmp.Or(opts.StaticExports.BundleLinkLifetime, DefaultBundleLinkLifetime)
	s := &Server{
		opts:           opts,
		keys:           newKeys(opts),
		agentLimit:     newRateLimit(0, time.Hour, "agent uses per project"),
		previewLimit:   newRateLimit(opts.Deployments.PreviewLimit, opts.Deployments.PreviewWindow, "preview deployments per organization"),
		triggerLimit:   newRateLimit(opts.Deployments.TriggerLimit, opts.Deployments.TriggerWindow, "deployment and automation triggers per organization"),
		analyticsLimit: newRateLimit(opts.Analytics.Limit, opts.Analytics.Window, "analytics requests per organization"),
		analytics:      map[string]*projectAnalytics{},
		automations:    map[string]Automation{},
	}
	s.jobs = newRecords(&s.mu, func(j *Job) Job { return *j })
	s.deployments = newRecords(&s.mu, (*Deployment).clone)
	s.staticExports = newRecords(&s.mu, (*StaticExport).clone)
	for _, a := range append([]Automation{{ID: DefaultAutomationID}}, opts.Automations...) {
		if a.ProjectID == "" {
			a.ProjectID = opts.ProjectID
		}
		s.automations[a.ID] = a
	}
	s.routes()
	return s
}

// Listen serves on addr (use "127.0.0.1:0" for a free port) in the
// background and returns the base URL. Only loopback addresses are accepted.
func (s *Server) Listen(addr string) (string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return "", fmt.Errorf("the emulator binds to loopback only, not %q", host)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	s.listener = l
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.http.Serve(l) }()
	return "http://" + l.Addr().String(), nil
}

// URL is the base URL after Listen.
func (s *Server) URL() string { return "http://" + s.listener.Addr().String() }

// Close stops a server started with Listen.
func (s *Server) Close() error {
	if s.http == nil {
		return nil
	}
	return s.http.Close()
}

// APIKey is the default key the server accepts.
func (s *Server) APIKey() string { return s.opts.APIKey }

// ProjectID is the project the default key may use.
func (s *Server) ProjectID() string { return s.opts.ProjectID }

var markerPattern = regexp.MustCompile(`\[emulator:([a-z-]+)(?:=([^\]]*))?\]`)

// newID is a fresh id shaped like a MongoDB ObjectId, as the API's are: 24
// hex digits.
func newID() string { return randomHex(12) }

// randomHex is n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = crand.Read(b)
	return hex.EncodeToString(b)
}

// TB is the part of testing.TB that Start needs.
type TB interface {
	Helper()
	Fatal(args ...any)
	Errorf(format string, args ...any)
	Cleanup(func())
}

// Start serves a new emulator on a free loopback port for the length of a
// test or benchmark. Contract violations the test caused fail it when it
// ends.
func Start(tb TB, opts Options) *Server {
	tb.Helper()
	opts.SkipContractCheck = false
	s := New(opts)
	if _, err := s.Listen("127.0.0.1:0"); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		_ = s.Close()
		violations := s.ContractViolations()
		for _, v := range violations {
			tb.Errorf("emulator: %s", v)
		}
		// Every request is checked (or is a violation): prove it.
		if n, checked := len(s.Requests()), s.ContractChecks(); !opts.AllowUnknownPaths && checked+len(violations) < n {
			tb.Errorf("emulator: %d requests but %d contract checks: the OpenAPI check skipped requests", n, checked)
		}
	})
	return s
}
