package release

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The release workflow publishes with the goreleaser that make
// test-release checks, pinned in the GNUmakefile only, and never with one
// that rewrites SHA256SUMS after signing it.
func TestGoreleaserPin(t *testing.T) {
	root := filepath.Join("..", "..")
	read := func(path string) string {
		b, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	makefile := read("GNUmakefile")
	m := regexp.MustCompile(`(?m)^GORELEASER_VERSION := (\S+)$`).FindStringSubmatch(makefile)
	if m == nil {
		t.Fatal("GNUmakefile sets no GORELEASER_VERSION")
	}
	if pin := m[1]; pin == "v2.15.0" || pin == "v2.15.1" {
		t.Errorf("GORELEASER_VERSION %s rewrites SHA256SUMS after signing it", pin)
	}
	if !regexp.MustCompile(`(?m)^release-dist:.*\n\t\$\(GORELEASER\) release `).MatchString(makefile) {
		t.Error("make release-dist does not run $(GORELEASER) release")
	}
	workflows, err := fs.Glob(os.DirFS(root), ".github/workflows/*.yml")
	if err != nil || len(workflows) == 0 {
		t.Fatalf("no workflows: %v", err)
	}
	for _, path := range workflows {
		if strings.Contains(read(path), "goreleaser/goreleaser") {
			t.Errorf("%s runs a goreleaser of its own: run it through make, at GORELEASER_VERSION", path)
		}
	}
	if !regexp.MustCompile(`(?m)^\s+run: make release-dist$`).MatchString(read(".github/workflows/release.yml")) {
		t.Error("release.yml does not build the release with make release-dist")
	}
}
