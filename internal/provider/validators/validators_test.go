package validators

import (
	"strings"
	"testing"
)

func TestBranchProblem(t *testing.T) {
	for _, ok := range []string{"main", "docs/widgets", "feature/v1.2", "a-b_c", "user@host", "x.y/z"} {
		if why := branchProblem(ok); why != "" {
			t.Errorf("%q: %s; want it accepted", ok, why)
		}
	}
	for _, bad := range []string{"", " ", "-x", "@", "a b", "a~b", "a^b", "a:b", "a?b", "a*b", "a[b", `a\b`, "a..b", "a@{b",
		"/a", "a/", "a//b", "a.", ".a", "a/.b", "a.lock", "a/b.lock", "tab\tbranch"} {
		if branchProblem(bad) == "" {
			t.Errorf("%q accepted; git refuses it", bad)
		}
	}
}

// TestHostnameProblem names the real problem of each bad domain, so the
// user knows what to change.
func TestHostnameProblem(t *testing.T) {
	for _, ok := range []string{"docs.example.com", "acme.mintlify.app", "xn--bcher-kva.example", "a-b.c0.io"} {
		if why := hostnameProblem(ok); why != "" {
			t.Errorf("%q: %s; want it accepted", ok, why)
		}
	}
	for bad, want := range map[string]string{
		"https://docs.example.com": "without a scheme",
		"docs.example.com/docs":    "without a path",
		"docs.example.com:443":     "without a port",
		"docs example.com":         "no spaces",
		" docs.example.com":        "no spaces",
		"my_docs.example.com":      "no '_'",
		"docs.example.com.":        "trailing '.'",
		"bücher.example":           "punycode",
		"docs..example.com":        "empty label",
		".example.com":             "empty label",
		"localhost":                "with a dot",
		"-docs.example.com":        "starting or ending with '-'",
		"":                         "with a dot",
	} {
		if why := hostnameProblem(bad); !strings.Contains(why, want) {
			t.Errorf("%q: %q; want it to say %q", bad, why, want)
		}
	}
}
