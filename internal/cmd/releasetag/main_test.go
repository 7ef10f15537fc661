package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The release's description is the newest heading's notes, and a refused
// tag describes nothing.
func TestRun(t *testing.T) {
	changelog := filepath.Join(t.TempDir(), "CHANGELOG.md")
	if err := os.WriteFile(changelog, []byte("## 0.2.0 (December 3, 2026)\n\n* New.\n\n## 0.1.0 (July 1, 2026)\n\n* Old.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var notes strings.Builder
	if err := run("v0.2.0", changelog, &notes); err != nil || notes.String() != "* New.\n" {
		t.Errorf("v0.2.0: notes %q, error %v; want the notes of 0.2.0 only", notes.String(), err)
	}
	notes.Reset()
	if err := run("v0.1.0", changelog, &notes); err == nil || notes.Len() != 0 {
		t.Errorf("v0.1.0: notes %q, error %v; want no notes and an error", notes.String(), err)
	}
}
