package release

import (
	"strings"
	"testing"
)

const releasedChangelog = `## 0.2.0 (December 3, 2026)

FEATURES:

* Something new.

## 0.1.0 (July 1, 2026)

* The first release.
`

func TestChangelogReleasesTag(t *testing.T) {
	h, err := NewestHeading([]byte(releasedChangelog))
	if err != nil {
		t.Fatal(err)
	}
	if err := h.CheckTag("v0.2.0"); err != nil {
		t.Errorf("tag v0.2.0 of '## 0.2.0 (December 3, 2026)': %v", err)
	}
	if want := "FEATURES:\n\n* Something new.\n"; h.Notes != want {
		t.Errorf("notes %q, want %q: the lines under the newest heading only", h.Notes, want)
	}
}

func TestChangelogRefusesTag(t *testing.T) {
	for _, tc := range []struct {
		name, changelog, tag, want string
	}{
		{"an older version", releasedChangelog, "v0.1.0", "tag v0.1.0 is not CHANGELOG.md's newest version 0.2.0"},
		{"a version with no heading", releasedChangelog, "v0.3.0", "give CHANGELOG.md a heading '## 0.3.0 (Month D, YYYY)'"},
		{"no v", releasedChangelog, "0.2.0", "tag 0.2.0 is not CHANGELOG.md's newest version 0.2.0: tag v0.2.0"},
		{"an unreleased heading", strings.Replace(releasedChangelog, "December 3, 2026", "Unreleased", 1), "v0.2.0",
			`CHANGELOG.md's heading of 0.2.0 says "Unreleased", not the release date`},
		{"a date in another form", strings.Replace(releasedChangelog, "December 3, 2026", "2026-12-03", 1), "v0.2.0",
			`says "2026-12-03", not the release date`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := NewestHeading([]byte(tc.changelog))
			if err != nil {
				t.Fatal(err)
			}
			err = h.CheckTag(tc.tag)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("tag %s: got %v, want an error with %q", tc.tag, err, tc.want)
			}
		})
	}
}

func TestChangelogWithoutVersionHeading(t *testing.T) {
	for name, changelog := range map[string]string{
		"no version":  "## Unreleased\n\n* Something new.\n",
		"no heading":  "# Changelog\n\n* Something new.\n",
		"no brackets": "## 0.2.0\n",
	} {
		t.Run(name, func(t *testing.T) {
			if h, err := NewestHeading([]byte(changelog)); err == nil || !strings.Contains(err.Error(), "'## MAJOR.MINOR.PATCH (Month D, YYYY)'") {
				t.Errorf("got %+v, %v; want an error that shows the heading's form", h, err)
			}
		})
	}
}
