package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"
)

// SeedExample is a seed as LoadSeed reads it, and SeedRules what it
// leaves unsaid; the command's -help shows both.
const (
	SeedExample = `{
  "feedback": [
    {"path": "/quickstart", "comment": "The install step fails on Windows", "createdAt": "-36h",
     "source": "contextual", "status": "pending", "helpful": false, "contact": "ada@example.com"},
    {"path": "/api/auth", "comment": "The token is wrong", "source": "code_snippet",
     "code": "curl ...", "filename": "auth.sh", "lang": "bash"}
  ],
  "searches": [
    {"query": "webhook retries", "at": "-2h", "times": 12},
    {"query": "rate limits", "clickedPage": "/api/rate-limits"}
  ]
}`
	SeedRules = `A time is RFC 3339 or a negative Go duration before the server's now ("-36h");
unset, now. Unset source and status are "contextual" and "pending"; "times"
repeats a search (1 when unset).`
)

// seed is what LoadSeed reads.
type seed struct {
	Feedback []struct {
		Path      string   `json:"path"`
		Comment   string   `json:"comment"`
		CreatedAt seedTime `json:"createdAt"`
		Source    string   `json:"source"`
		Status    string   `json:"status"`
		Helpful   bool     `json:"helpful"`
		Contact   string   `json:"contact"`
		Code      string   `json:"code"`
		Filename  string   `json:"filename"`
		Lang      string   `json:"lang"`
	} `json:"feedback"`
	Searches []struct {
		Query       string   `json:"query"`
		At          seedTime `json:"at"`
		ClickedPage string   `json:"clickedPage"`
		Times       int      `json:"times"`
	} `json:"searches"`
}

// seedTime is a time as a seed file writes it: RFC 3339, or a duration
// from the server's now.
type seedTime struct {
	at    time.Time
	since time.Duration
}

func (t *seedTime) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if d, err := time.ParseDuration(s); err == nil && d <= 0 {
		t.since = d
		return nil
	}
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("%q is neither an RFC 3339 time nor a negative duration such as \"-36h\"", s)
	}
	t.at = at
	return nil
}

// time is the time t names, from now; zero when unset.
func (t seedTime) time(now time.Time) time.Time {
	if t.since != 0 {
		return now.Add(t.since)
	}
	return t.at
}

// LoadSeed adds the feedback entries and searches of a JSON document such
// as SeedExample to the default project, all or, when the document is not
// valid, none.
func (s *Server) LoadSeed(r io.Reader) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var in seed
	if err := dec.Decode(&in); err != nil {
		return fmt.Errorf("reading the seed: %w", err)
	}
	now := s.opts.Now()
	var problems []error
	feedback := make([]Feedback, len(in.Feedback))
	for i, f := range in.Feedback {
		feedback[i] = Feedback{Path: f.Path, Comment: f.Comment, CreatedAt: f.CreatedAt.time(now), Source: f.Source, Status: f.Status,
			Helpful: f.Helpful, Contact: f.Contact, Code: f.Code, Filename: f.Filename, Lang: f.Lang}
		switch {
		case f.Path == "":
			problems = append(problems, fmt.Errorf("feedback %d has no path", i))
		case f.Source != "" && !slices.Contains(feedbackSources, f.Source):
			problems = append(problems, fmt.Errorf("feedback %d: source %q is not one of %q", i, f.Source, feedbackSources))
		case f.Status != "" && !slices.Contains(feedbackStatuses, f.Status):
			problems = append(problems, fmt.Errorf("feedback %d: status %q is not one of %q", i, f.Status, feedbackStatuses))
		}
	}
	var searches []Search
	for i, q := range in.Searches {
		if q.Query == "" || q.Times < 0 {
			problems = append(problems, fmt.Errorf("search %d: want a query, and times of 0 (once) or more", i))
		}
		for range max(q.Times, 1) {
			searches = append(searches, Search{Query: q.Query, At: q.At.time(now), ClickedPage: q.ClickedPage})
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("the seed is not valid: %w", errors.Join(problems...))
	}
	s.AddFeedback(feedback...)
	s.AddSearches(searches...)
	return nil
}
