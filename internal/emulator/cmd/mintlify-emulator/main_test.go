package main

import (
	"errors"
	"flag"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestFlagsSetTheLimitsAndKeys(t *testing.T) {
	var out strings.Builder
	cfg, err := parseFlags([]string{
		"-preview-limit", "2", "-preview-window", "30s", "-trigger-limit", "-1", "-trigger-window", "1m",
		"-plain-text-rate-limits", "-read-only-key", "mint_a", "-read-only-key", "mint_b", "-expired-key", "mint_old",
		"-ip-allowlist", "mint_office=203.0.113.0/24,2001:db8::/32", "-analytics-limit", "5", "-analytics-window", "1m", "-analytics", "30",
	}, &out)
	if err != nil {
		t.Fatal(err, out.String())
	}
	o := cfg.opts
	if o.PreviewLimit != 2 || o.PreviewWindow != 30*time.Second || o.TriggerLimit != -1 || o.TriggerWindow != time.Minute || !o.PlainTextRateLimits ||
		o.AnalyticsLimit != 5 || o.AnalyticsWindow != time.Minute || cfg.analytics != 30 {
		t.Errorf("limits: %+v", o)
	}
	want := []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24"), netip.MustParsePrefix("2001:db8::/32")}
	if !slices.Equal(o.ReadOnlyKeys, []string{"mint_a", "mint_b"}) || !slices.Equal(o.ExpiredKeys, []string{"mint_old"}) ||
		!slices.Equal(o.IPAllowlists["mint_office"], want) {
		t.Errorf("keys: read-only %q, expired %q, allowlists %v", o.ReadOnlyKeys, o.ExpiredKeys, o.IPAllowlists)
	}
	for _, bad := range [][]string{{"-ip-allowlist", "mint_office"}, {"-ip-allowlist", "k=10.0.0.1"}, {"-deployment-outcome", "done"}} {
		if _, err := parseFlags(bad, &out); err == nil {
			t.Errorf("%q: no error", bad)
		}
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
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("-help does not say %q:\n%s", want, out.String())
		}
	}
}
