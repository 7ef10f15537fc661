// Command mintlify-emulator serves the in-memory Mintlify API (agent jobs,
// deployments, previews, automations, static exports, analytics) on a loopback address, for demos,
// benchmarks and trying the provider without an account. Requests and
// answers that break Mintlify's OpenAPI documents are logged.
//
//	go run ./internal/emulator/cmd/mintlify-emulator -addr 127.0.0.1:0 -url-file /tmp/url
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/netip"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// agentLimit is Mintlify's limit of agent uses per project per hour.
const agentLimit = 100

// noLimit is the value of every limit flag that turns its limit off.
const noLimit = -1

// config is what the command line asks for.
type config struct {
	addr, urlFile string
	opts          emulator.Options
	faults        emulator.Faults
	// analytics is how many analytics items of each kind to make up.
	analytics int
	// seed is a file of feedback and searches to serve.
	seed string
}

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		log.Fatalf("mintlify-emulator: %v", err)
	}
	cfg.opts.OnContractViolation = func(v emulator.Violation) { log.Printf("mintlify-emulator: %s", v) }
	srv := emulator.New(cfg.opts)
	srv.SetFaults(cfg.faults)
	n := cfg.analytics
	srv.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: n, Conversations: n, Searches: n, PageViews: n})
	if cfg.seed != "" {
		if err := loadSeed(srv, cfg.seed); err != nil {
			log.Fatalf("mintlify-emulator: %v", err)
		}
	}
	url, err := srv.Listen(cfg.addr)
	if err != nil {
		log.Fatalf("mintlify-emulator: %v", err)
	}
	if cfg.urlFile != "" {
		if err := os.WriteFile(cfg.urlFile, []byte(url+"\n"), 0o600); err != nil {
			log.Fatalf("mintlify-emulator: %v", err)
		}
	}
	opts := cfg.opts
	fmt.Printf("mintlify-emulator listening on %s (project %q, jobs take %s, deployments %s queued then %s, automation %s)\n",
		url, opts.ProjectID, opts.Jobs.Duration, opts.Deployments.Queued, opts.Deployments.InProgress, emulator.DefaultAutomationID)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	_ = srv.Close()
}

// parseFlags reads the command line; -help writes the usage to output and
// returns flag.ErrHelp.
func parseFlags(args []string, output io.Writer) (config, error) {
	var cfg config
	opts := &cfg.opts
	fs := flag.NewFlagSet("mintlify-emulator", flag.ContinueOnError)
	fs.SetOutput(output)
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:0", "loopback address to listen on (port 0 picks a free one)")
	fs.StringVar(&cfg.urlFile, "url-file", "", "write the base URL to this file once listening")
	fs.StringVar(&opts.APIKey, "api-key", emulator.DefaultAPIKey, "the API key the server accepts")
	fs.StringVar(&opts.ProjectID, "project-id", emulator.DefaultProjectID, "the project the key may use")
	fs.DurationVar(&opts.Jobs.Duration, "job-duration", emulator.DefaultJobDuration, "how long a job stays active")
	fs.BoolVar(&opts.Jobs.FailAll, "fail", false, "every job ends failed")
	fs.DurationVar(&opts.Deployments.Queued, "deployment-queued", emulator.DefaultDeploymentQueued, "how long a deployment stays queued")
	fs.DurationVar(&opts.Deployments.InProgress, "deployment-duration", emulator.DefaultDeploymentInProgress, "how long a deployment stays in progress")
	fs.StringVar(&opts.Deployments.Outcome, "deployment-outcome", emulator.DeploymentSuccess,
		fmt.Sprintf("how deployments end: %q or %q", emulator.DeploymentSuccess, emulator.DeploymentFailure))
	fs.BoolVar(&opts.Deployments.PreviewsDisabled, "no-previews", false, "refuse preview deployments (403), as on a plan without them")
	fs.BoolVar(&opts.StaticExports.Disabled, "no-static-export", false, "refuse static export jobs (403), as for an organization without them")
	fs.DurationVar(&opts.StaticExports.Queued, "static-export-queued", emulator.DefaultStaticExportQueued, "how long a static export stays queued")
	fs.DurationVar(&opts.StaticExports.Duration, "static-export-duration", emulator.DefaultStaticExportDuration, "how long a static export runs")
	fs.DurationVar(&opts.StaticExports.BundleLinkLifetime, "bundle-link-lifetime", emulator.DefaultBundleLinkLifetime, "how long a static export's bundle link lasts")
	agentUses := agentLimit
	fs.Var(limitValue{&agentUses}, "rate-limit", "agent uses per project per hour, as Mintlify allows (a `count`, or -1 for no limit)")
	opts.Deployments.PreviewLimit = emulator.DefaultPreviewLimit
	fs.Var(limitValue{&opts.Deployments.PreviewLimit}, "preview-limit", "preview triggers per API key per -preview-window (a `count`, or -1 for no limit)")
	fs.DurationVar(&opts.Deployments.PreviewWindow, "preview-window", emulator.DefaultPreviewWindow, "the window of -preview-limit")
	opts.Deployments.TriggerLimit = emulator.DefaultTriggerLimit
	fs.Var(limitValue{&opts.Deployments.TriggerLimit}, "trigger-limit",
		"production deployment and automation triggers, together, per API key per -trigger-window (a `count`, or -1 for no limit)")
	fs.DurationVar(&opts.Deployments.TriggerWindow, "trigger-window", emulator.DefaultTriggerWindow, "the window of -trigger-limit")
	opts.Analytics.Limit = emulator.DefaultAnalyticsLimit
	fs.Var(limitValue{&opts.Analytics.Limit}, "analytics-limit",
		"analytics requests, every endpoint's together, per API key per -analytics-window (a `count`, or -1 for no limit)")
	fs.DurationVar(&opts.Analytics.Window, "analytics-window", emulator.DefaultAnalyticsWindow, "the window of -analytics-limit")
	fs.IntVar(&cfg.analytics, "analytics", 0, "make up this many feedback entries, conversations, searches and page views")
	fs.StringVar(&cfg.seed, "seed", "", "serve the feedback entries and searches of this JSON `file` (format above)")
	fs.BoolVar(&opts.PlainTextRateLimits, "plain-text-rate-limits", false, "answer 429s in text/plain, as Mintlify sometimes does, instead of JSON")
	fs.Func("read-only-key", "a key with the read scope only: 403 on every write (repeatable)", func(key string) error {
		opts.ReadOnlyKeys = append(opts.ReadOnlyKeys, key)
		return nil
	})
	fs.Func("expired-key", "a key that has expired: 401 on every request (repeatable)", func(key string) error {
		opts.ExpiredKeys = append(opts.ExpiredKeys, key)
		return nil
	})
	fs.Func("ip-allowlist", "KEY=RANGE[,RANGE...]: the key answers 403 to callers outside these CIDR ranges (repeatable)", func(v string) error {
		return addAllowlist(opts, v)
	})
	fs.DurationVar(&cfg.faults.Latency, "latency", 0, "delay added to every answer")
	fs.Usage = func() { usage(fs) }
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if o := opts.Deployments.Outcome; o != emulator.DeploymentSuccess && o != emulator.DeploymentFailure {
		return cfg, fmt.Errorf("-deployment-outcome is %q, not %q or %q", o, emulator.DeploymentSuccess, emulator.DeploymentFailure)
	}
	if opts.StaticExports.BundleLinkLifetime <= 0 {
		return cfg, fmt.Errorf("-bundle-link-lifetime is %s; a link must last a while", opts.StaticExports.BundleLinkLifetime)
	}
	// Faults read no agent limit as zero; Options read it as negative.
	cfg.faults.RateLimit = max(agentUses, 0)
	return cfg, nil
}

// limitValue is a limit flag: a count of 1 or more, or noLimit.
type limitValue struct{ n *int }

func (l limitValue) String() string {
	if l.n == nil {
		return ""
	}
	return strconv.Itoa(*l.n)
}

func (l limitValue) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 && n != noLimit {
		return fmt.Errorf("want a count of 1 or more, or %d for no limit", noLimit)
	}
	*l.n = n
	return nil
}

// loadSeed serves the feedback and searches of the seed file at path.
func loadSeed(srv *emulator.Server, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := srv.LoadSeed(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// addAllowlist reads an -ip-allowlist value into opts.
func addAllowlist(opts *emulator.Options, v string) error {
	key, ranges, ok := strings.Cut(v, "=")
	if !ok || key == "" || ranges == "" {
		return fmt.Errorf("%q is not KEY=RANGE[,RANGE...]", v)
	}
	if opts.IPAllowlists == nil {
		opts.IPAllowlists = map[string][]netip.Prefix{}
	}
	for _, r := range strings.Split(ranges, ",") {
		p, err := netip.ParsePrefix(r)
		if err != nil {
			return err
		}
		opts.IPAllowlists[key] = append(opts.IPAllowlists[key], p)
	}
	return nil
}

// usage says what the command does, how tests steer it and which limits it
// keeps, then lists the flags.
func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprintf(w, `Usage: mintlify-emulator [flags]

Serves Mintlify's API in memory on a loopback address.

A job's prompt steers the job with markers:
  [emulator:fail]          it ends "failed"
  [emulator:duration=90s]  it stays active that long
  [emulator:no-pr]         it completes without a pull request
  [emulator:archive]       it is archived when it would end
  [emulator:status=NAME]   it ends with that status

A preview's branch name steers its deployment:
  [emulator:fail]          it ends "failure"
  [emulator:queued=5s]     it stays queued that long
  [emulator:duration=10s]  it stays in progress that long

A static export's version label steers its job:
  [emulator:fail]          it ends "failed"
  [emulator:queued=2s]     it stays queued that long
  [emulator:duration=20s]  it stays running that long

Rate limits, as Mintlify documents them (429 with Retry-After past them);
%d turns any of them off:
  agent job creates and messages   -rate-limit per project per hour (default %d)
  preview triggers                 -preview-limit per -preview-window per key (default %d per %s)
  deployment and automation        -trigger-limit per -trigger-window per key, shared (default %d per %s)
  analytics, every endpoint        -analytics-limit per -analytics-window per key, shared (default %d per %s)

-seed reads feedback entries and searches from a JSON file such as:
%s
%s

Flags:
`, noLimit, agentLimit, emulator.DefaultPreviewLimit, emulator.DefaultPreviewWindow, emulator.DefaultTriggerLimit, emulator.DefaultTriggerWindow,
		emulator.DefaultAnalyticsLimit, emulator.DefaultAnalyticsWindow, emulator.SeedExample, emulator.SeedRules)
	fs.PrintDefaults()
}
