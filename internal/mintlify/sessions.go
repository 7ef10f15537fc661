package mintlify

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Session is a job in the shape of the deprecated v1 endpoints, which the
// jobs listing still uses.
type Session struct {
	SessionID       string  `json:"sessionId"`
	Subdomain       string  `json:"subdomain"`
	Branch          *string `json:"branch"`
	Haulted         bool    `json:"haulted"`
	HaultReason     string  `json:"haultReason"`
	PullRequestLink string  `json:"pullRequestLink"`
	MessageToUser   string  `json:"messageToUser"`
	Todos           []Todo  `json:"todos"`
	Title           string  `json:"title"`
	CreatedAt       Time    `json:"createdAt"`
}

// Todo is one step of an agent's plan.
type Todo struct {
	ID       string `json:"id"`
	Content  string `json:"content"`
	Status   string `json:"status"`
	Priority string `json:"priority"`
}

// Status maps the v1 halt fields onto the v2 statuses: running is active,
// halted "completed" is completed, "error" and "github_missconfigured" (the
// API's spelling) are failed. Other reasons are returned as they are.
func (s Session) Status() string {
	switch {
	case !s.Haulted || s.HaultReason == "processing":
		return StatusActive
	case s.HaultReason == "completed":
		return StatusCompleted
	case s.HaultReason == "error" || s.HaultReason == "github_missconfigured":
		return StatusFailed
	default:
		return s.HaultReason
	}
}

// maxListPageSize is the largest page the list endpoint serves.
const maxListPageSize = 100

// maxListPages bounds a listing: 1,000 pages of 100 jobs.
const maxListPages = 1000

// ListJobs reads every job of a project, following the skip/take paging
// until a page comes back short. pageSize 0 means the largest, 100.
func (c *Client) ListJobs(ctx context.Context, projectID string, pageSize int) ([]Session, error) {
	var all []Session
	for s, err := range c.Jobs(ctx, projectID, pageSize) {
		if err != nil {
			return nil, err
		}
		all = append(all, s)
	}
	return all, nil
}

// Jobs yields the jobs of a project, newest first, reading each page only
// when the caller asks past the last: one who stops early (a limit) reads
// no more pages than it needs. pageSize 0 means the largest, 100. A failed
// read is yielded once, as the last.
func (c *Client) Jobs(ctx context.Context, projectID string, pageSize int) iter.Seq2[Session, error] {
	if pageSize <= 0 || pageSize > maxListPageSize {
		pageSize = maxListPageSize
	}
	return func(yield func(Session, error) bool) {
		read := 0
		for page := 0; page < maxListPages; page++ {
			var out struct {
				AllSessions []Session `json:"allSessions"`
			}
			query := url.Values{"skip": {strconv.Itoa(read)}, "take": {strconv.Itoa(pageSize)}}
			if err := c.do(ctx, call{method: http.MethodGet, path: []string{"v1", "agent", projectID, "jobs"}, query: query}, &out); err != nil {
				yield(Session{}, err)
				return
			}
			for _, s := range out.AllSessions {
				if !yield(s, nil) {
					return
				}
			}
			read += len(out.AllSessions)
			if len(out.AllSessions) < pageSize {
				return
			}
		}
		yield(Session{}, fmt.Errorf("listing the jobs of project %s: more than %d pages", projectID, maxListPages))
	}
}

// V1JobRequest is the body of the deprecated v1 create: it alone takes the
// model, the branch, draft pull requests and a system message.
type V1JobRequest struct {
	Prompt       string
	SystemPrompt string
	Branch       string
	AsDraft      bool
	Model        string
}

// V1JobStream is a v1 job just created: its id and branch, from the
// headers, and the event stream the agent writes while it works.
type V1JobStream struct {
	JobID  string
	Branch string
	body   io.ReadCloser
}

// CreateJobV1 starts a job with the deprecated v1 endpoint. It returns as
// soon as the headers name the job; read the stream with Wait, or Close it.
func (c *Client) CreateJobV1(ctx context.Context, projectID string, r V1JobRequest) (*V1JobStream, error) {
	if strings.TrimSpace(r.Prompt) == "" {
		return nil, errors.New("the prompt must not be empty")
	}
	type message struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	}
	body := struct {
		Messages []message `json:"messages"`
		Branch   string    `json:"branch,omitempty"`
		AsDraft  bool      `json:"asDraft,omitempty"`
		Model    string    `json:"model,omitempty"`
	}{Branch: r.Branch, AsDraft: r.AsDraft, Model: r.Model}
	if r.SystemPrompt != "" {
		body.Messages = append(body.Messages, message{"system", r.SystemPrompt})
	}
	body.Messages = append(body.Messages, message{"user", r.Prompt})

	create := call{method: http.MethodPost, path: []string{"v1", "agent", projectID, "job"}, body: body, limit: AgentLimit}
	u, err := c.endpoint(create.path, nil)
	if err != nil {
		return nil, err
	}
	path := u.Path
	resp, err := c.send(ctx, c.streams, &create, u, nil)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		return nil, c.statusError(resp, &create, path, readBody(resp))
	}
	id := resp.Header.Get("X-Session-Id")
	if id == "" {
		raw := readBody(resp)
		resp.Body.Close()
		return nil, &DecodeError{StatusCode: resp.StatusCode, Method: http.MethodPost, Path: path, Snippet: snippet(raw),
			Err: errors.New("the answer has no X-Session-Id header")}
	}
	return &V1JobStream{JobID: id, Branch: resp.Header.Get("X-Branch-Name"), body: resp.Body}, nil
}

// Wait reads the event stream until the server ends it or ctx ends, and
// returns the number of events read.
func (s *V1JobStream) Wait(ctx context.Context) (int, error) {
	defer s.body.Close()
	stop := context.AfterFunc(ctx, func() { s.body.Close() })
	defer stop()
	events := 0
	scanner := bufio.NewScanner(s.body)
	scanner.Buffer(make([]byte, 64<<10), 1<<20)
	for scanner.Scan() {
		if strings.HasPrefix(scanner.Text(), "event:") {
			events++
		}
	}
	if ctx.Err() != nil {
		return events, ctx.Err()
	}
	return events, scanner.Err()
}

// Close stops reading the stream; the job goes on.
func (s *V1JobStream) Close() error { return s.body.Close() }
