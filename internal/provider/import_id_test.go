package provider

import (
	"strings"
	"testing"
)

func TestParseImportID(t *testing.T) {
	cases := map[string][2]string{
		"job123":        {"", "job123"},
		"proj/job123":   {"proj", "job123"},
		"p-1_x/j.2~abc": {"p-1_x", "j.2~abc"},
	}
	for in, want := range cases {
		p, j, err := parseImportID(jobs.kind, "mintlify_agent_job", in)
		if err != nil || p != want[0] || j != want[1] {
			t.Errorf("parseImportID(%q) = %q, %q, %v; want %q, %q", in, p, j, err, want[0], want[1])
		}
	}
	for _, bad := range []string{"", "/", "/job", "proj/", "a/b/c", "a//b", "job 1", "proj/job\n", "\t"} {
		if _, _, err := parseImportID(jobs.kind, "mintlify_agent_job", bad); err == nil {
			t.Errorf("parseImportID(%q) accepted", bad)
		}
	}
}

// FuzzParseImportID: any accepted ID has non-empty parts without '/' or
// white space, and joins back to the input.
func FuzzParseImportID(f *testing.F) {
	for _, seed := range []string{"job", "p/j", "", "/", "a/b/c", " x", "p/ j", "ü/ß", "\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, j, err := parseImportID(jobs.kind, "mintlify_agent_job", in)
		if err != nil {
			return
		}
		if j == "" || strings.ContainsAny(j+p, "/ \t\n") {
			t.Fatalf("parseImportID(%q) = %q, %q", in, p, j)
		}
		joined := j
		if p != "" {
			joined = p + "/" + j
		}
		if joined != in {
			t.Fatalf("parseImportID(%q) = %q, %q: does not join back", in, p, j)
		}
	})
}
