package release

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// changelogDate is how CHANGELOG.md dates a released heading, as Go
// layouts and as people write it.
const (
	changelogDate     = "January 2, 2006"
	changelogDateForm = "Month D, YYYY"
)

// headingPattern is CHANGELOG.md's heading of a version: "## 0.2.0
// (December 3, 2026)", or "## 0.2.0 (Unreleased)" until it is released.
var headingPattern = regexp.MustCompile(`^## (\d+\.\d+\.\d+) \((.+)\)$`)

// Heading is CHANGELOG.md's newest heading: the version the next release
// carries, and what it says of it.
type Heading struct {
	Version string
	// Date is the text in the heading's parentheses.
	Date string
	// Notes are the lines under the heading, up to the next one.
	Notes string
}

// NewestHeading reads CHANGELOG.md's first "## " heading and its notes.
func NewestHeading(changelog []byte) (*Heading, error) {
	var h *Heading
	var notes []string
	scanner := bufio.NewScanner(bytes.NewReader(changelog))
	for scanner.Scan() {
		line := scanner.Text()
		if strings.HasPrefix(line, "## ") {
			if h != nil {
				break
			}
			m := headingPattern.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("CHANGELOG.md's newest heading %q is not '## MAJOR.MINOR.PATCH (%s)'", line, changelogDateForm)
			}
			h = &Heading{Version: m[1], Date: m[2]}
			continue
		}
		if h != nil {
			notes = append(notes, line)
		}
	}
	if err := scanner.Err(); err != nil {
		return nil, err
	}
	if h == nil {
		return nil, fmt.Errorf("CHANGELOG.md has no heading '## MAJOR.MINOR.PATCH (%s)'", changelogDateForm)
	}
	h.Notes = strings.TrimSpace(strings.Join(notes, "\n")) + "\n"
	return h, nil
}

// CheckTag fails unless tag releases this heading: it is "v" and the
// heading's version, and the heading is dated, not "Unreleased".
func (h *Heading) CheckTag(tag string) error {
	if tag != "v"+h.Version {
		return fmt.Errorf("tag %s is not CHANGELOG.md's newest version %s: tag v%s, or give CHANGELOG.md a heading '## %s (%s)' for this release",
			tag, h.Version, h.Version, strings.TrimPrefix(tag, "v"), changelogDateForm)
	}
	if _, err := time.Parse(changelogDate, h.Date); err != nil {
		return fmt.Errorf("CHANGELOG.md's heading of %s says %q, not the release date: write '## %s (%s)', with the day of the release, commit, and tag that commit",
			h.Version, h.Date, h.Version, time.Now().UTC().Format(changelogDate))
	}
	return nil
}
