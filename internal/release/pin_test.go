package release

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// The release workflow publishes with the goreleaser that make
// test-release checks, and never with one that rewrites SHA256SUMS after
// signing it.
func TestGoreleaserPin(t *testing.T) {
	read := func(path string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", path))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	m := regexp.MustCompile(`(?m)^GORELEASER_VERSION := (\S+)$`).FindStringSubmatch(read("GNUmakefile"))
	if m == nil {
		t.Fatal("GNUmakefile sets no GORELEASER_VERSION")
	}
	pin := m[1]
	if pin == "v2.15.0" || pin == "v2.15.1" {
		t.Errorf("GORELEASER_VERSION %s rewrites SHA256SUMS after signing it", pin)
	}
	workflow := read(".github/workflows/release.yml")
	uses := regexp.MustCompile(`(?m)^\s+version: (\S+)\s*# goreleaser`).FindAllStringSubmatch(workflow, -1)
	if len(uses) != 1 || uses[0][1] != pin {
		t.Errorf("release.yml runs goreleaser %v, want exactly GORELEASER_VERSION %s (with its '# goreleaser' comment)", uses, pin)
	}
}
