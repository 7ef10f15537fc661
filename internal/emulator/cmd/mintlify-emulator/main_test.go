package main

import (
	"errors"
	"flag"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

func TestFlagsSetTheLimitsAndKeys(t *testing.T) {
	var out strings.Builder
	cfg, err := parseFlags([]string{
		"-preview-limit", "2", "-preview-window", "30s", "-trigger-limit", "-1", "-trigger-window", "1m",
		"-plain-text-rate-limits", "-read-only-key", "mint_a", "-read-only-key", "mint_b", "-expired-key", "mint_old",
		"-ip-allowlist", "mint_office=203.0.113.0/24,2001:db8::/32", "-analytics-limit", "5", "-analytics-window", "1m", "-analytics", "30",
		"-bundle-link-lifetime", "90s", "-seed", "seed.json", "-rate-limit", "7",
	}, &out)
	if err != nil {
		t.Fatal(err, out.String())
	}
	o := cfg.opts
	if o.Deployments.PreviewLimit != 2 || o.Deployments.PreviewWindow != 30*time.Second || o.Deployments.TriggerLimit != -1 || o.Deployments.TriggerWindow != time.Minute || !o.PlainTextRateLimits ||
		o.Analytics.Limit != 5 || o.Analytics.Window != time.Minute || cfg.analytics != 30 || o.StaticExports.BundleLinkLifetime != 90*time.Second ||
		cfg.seed != "seed.json" || cfg.faults.RateLimit != 7 {
		t.Errorf("limits: %+v", o)
	}
	want := []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24"), netip.MustParsePrefix("2001:db8::/32")}
	if !slices.Equal(o.ReadOnlyKeys, []string{"mint_a", "mint_b"}) || !slices.Equal(o.ExpiredKeys, []string{"mint_old"}) ||
		!slices.Equal(o.IPAllowlists["mint_office"], want) {
		t.Errorf("keys: read-only %q, expired %q, allowlists %v", o.ReadOnlyKeys, o.ExpiredKeys, o.IPAllowlists)
	}
	for _, bad := range [][]string{{"-ip-allowlist", "mint_office"}, {"-ip-allowlist", "k=10.0.0.1"}, {"-deployment-outcome", "done"},
		{"-bundle-link-lifetime", "0s"}} {
		if _, err := parseFlags(bad, &out); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestNoLimitIsMinusOneForEveryLimit: -1 turns each limit off, the same
// way for all; 0 and other values below 1 are refused, naming -1.
func TestNoLimitIsMinusOneForEveryLimit(t *testing.T) {
	for flagName, none := range map[string]func(config) bool{
		"-rate-limit":      func(c config) bool { return c.faults.RateLimit == 0 },
		"-preview-limit":   func(c config) bool { return c.opts.Deployments.PreviewLimit < 0 },
		"-trigger-limit":   func(c config) bool { return c.opts.Deployments.TriggerLimit < 0 },
		"-analytics-limit": func(c config) bool { return c.opts.Analytics.Limit < 0 },
	} {
		var out strings.Builder
		cfg, err := parseFlags(nil, &out)
		if err != nil || none(cfg) {
			t.Errorf("%s: by default %+v, %v; want Mintlify's limit", flagName, cfg, err)
		}
		if cfg, err := parseFlags([]string{flagName, "-1"}, &out); err != nil || !none(cfg) {
			t.Errorf("%s -1: %+v, %v; want no limit", flagName, cfg, err)
		}
		for _, bad := range []string{"0", "-2", "none"} {
			if _, err := parseFlags([]string{flagName, bad}, &out); err == nil || !strings.Contains(err.Error(), "or -1 for no limit") {
				t.Errorf("%s %s: %v; want an error that says -1 is no limit", flagName, bad, err)
			}
		}
	}
}

func TestSeedFile(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.json"), filepath.Join(dir, "bad.json")
	if err := os.WriteFile(good, []byte(`{"feedback": [{"path": "/a", "comment": "Unclear"}], "searches": [{"query": "q", "times": 3}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(`{"feedback": [{"page": "/a"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := emulator.New(emulator.Options{})
	if err := loadSeed(srv, good); err != nil {
		t.Fatal(err)
	}
	if err := loadSeed(srv, bad); err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), `unknown field "page"`) {
		t.Errorf("a bad seed: %v; want an error naming the file and what is wrong", err)
	}
	if err := loadSeed(srv, filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing seed file: no error")
	}
}

func TestHelpListsMarkersAndLimits(t *testing.T) {
	var out strings.Builder
	if _, err := parseFlags([]string{"-help"}, &out); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-help: %v", err)
	}
	for _, want := range []string{
		"[emulator:fail]", "[emulator:duration=90s]", "[emulator:no-pr]", "[emulator:archive]", "[emulator:status=NAME]",
		"[emulator:queued=5s]", "version label", "[emulator:duration=20s]", "-no-static-export", "per project per hour (default 100)", "(default 5 per 1m0s)", "shared (default 10 per 10s)", "shared (default 100 per 1h0m0s)", "-analytics",
		"-preview-window", "-trigger-limit", "-read-only-key", "-expired-key", "-ip-allowlist", "-plain-text-rate-limits",
		"-1 turns any of them off", "-seed file", `"searches": [`, "-bundle-link-lifetime duration",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("-help does not say %q:\n%s", want, out.String())
		}
	}
}
