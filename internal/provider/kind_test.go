package provider

import (
	"strings"
	"testing"
)

// TestArticles: every noun gets its article, in every message that uses
// one.
func TestArticles(t *testing.T) {
	for noun, want := range map[string]string{"agent job": "an agent job", "automation run": "an automation run",
		"export": "an export", "deployment": "a deployment", "static export": "a static export", "preview deployment": "a preview deployment"} {
		if got := (&kind{noun: noun}).a(); got != want {
			t.Errorf("%q: %q, want %q", noun, got, want)
		}
	}
	if got := jobs.kind.forgets("j1"); !strings.Contains(got, "delete or undo an agent job") {
		t.Errorf("%q; want the article right", got)
	}
	if got := staticExportWaits.allowFailure("the apply", ""); !strings.HasPrefix(got, "Accept an export that ends") {
		t.Errorf("%q; want the article right", got)
	}
}

// TestPercent: progress in whole percent, as Mintlify shows it: 100 only
// once done.
func TestPercent(t *testing.T) {
	for in, want := range map[float64]float64{99.16666666666667: 99, 99.99: 99, 100: 100, 0: 0, 42.5: 42} {
		if got := percent(in); got != want {
			t.Errorf("percent(%v) = %v, want %v", in, got, want)
		}
	}
}
