package validators

import "testing"

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
