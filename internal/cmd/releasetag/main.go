// Command releasetag fails unless a tag releases CHANGELOG.md's newest
// heading: the tag is "v" and its version, and the heading has its date,
// not "Unreleased". It prints that heading's notes, for the release's
// description. The release workflow runs it before it builds anything:
//
//	go run ./internal/cmd/releasetag v0.2.0 > notes.md
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/mintlify/terraform-provider-mintlify/internal/release"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: releasetag TAG (run in the repository, beside CHANGELOG.md)")
		os.Exit(2)
	}
	if err := run(os.Args[1], "CHANGELOG.md", os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "releasetag: %v\n", err)
		os.Exit(1)
	}
}

func run(tag, changelog string, notes io.Writer) error {
	b, err := os.ReadFile(changelog)
	if err != nil {
		return err
	}
	h, err := release.NewestHeading(b)
	if err != nil {
		return err
	}
	if err := h.CheckTag(tag); err != nil {
		return err
	}
	_, err = io.WriteString(notes, h.Notes)
	return err
}
