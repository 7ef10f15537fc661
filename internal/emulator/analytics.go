package emulator

import (
	"cmp"
	crand "crypto/rand"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Feedback sources and statuses the analytics document lists.
const (
	FeedbackCodeSnippet = "code_snippet"
	FeedbackContextual  = "contextual"
	FeedbackAgent       = "agent"
	FeedbackThumbsOnly  = "thumbs_only"

	FeedbackPending    = "pending"
	FeedbackInProgress = "in_progress"
	FeedbackResolved   = "resolved"
	FeedbackDismissed  = "dismissed"
)

var (
	feedbackSources  = []string{FeedbackCodeSnippet, FeedbackContextual, FeedbackAgent, FeedbackThumbsOnly}
	feedbackStatuses = []string{FeedbackPending, FeedbackInProgress, FeedbackResolved, FeedbackDismissed}
)

// Callers of the assistant, as caller stats count them.
const (
	CallerWeb   = "web"
	CallerAPI   = "api"
	CallerOther = "other"
)

// Feedback is one feedback entry a reader left. Empty strings of the
// fields the API may answer null (Comment, Contact, Filename, Lang) are
// answered null.
type Feedback struct {
	// ID is made up when empty; ProjectID is Options.ProjectID when empty.
	ID        string
	ProjectID string
	Path      string
	Comment   string
	// CreatedAt is the server's now when zero.
	CreatedAt time.Time
	// Source is FeedbackContextual when empty; Status FeedbackPending.
	Source string
	Status string
	// Helpful and Contact are a contextual entry's.
	Helpful bool
	Contact string
	// Code, Filename and Lang are a code snippet entry's.
	Code, Filename, Lang string
}

// Conversation is one assistant conversation: its first exchange, and the
// thread it starts.
type Conversation struct {
	// ID is the thread's ULID, made from Timestamp: AddConversations sets it.
	ID        string
	ProjectID string
	// Timestamp is when the reader asked (the server's now when zero).
	Timestamp time.Time
	Query     string
	Response  string
	// ResponseType is "answer" (when empty) or "clarifying_question".
	ResponseType string
	Sources      []ConversationSource
	// Unanswered marks a question the docs do not cover.
	Unanswered bool
	Category   string
	PageURL    string
	// Caller is CallerWeb (when empty), CallerAPI or CallerOther.
	Caller string
	// FollowUps are the thread's messages after the first exchange.
	FollowUps []ThreadMessage
}

// ConversationSource is a page an answer cites.
type ConversationSource struct{ Title, URL string }

// ThreadMessage is a message of a thread after its first exchange.
type ThreadMessage struct {
	// Role is "user" or "assistant".
	Role    string
	Content string
	At      time.Time
}

// Search is one search a reader made, and the result clicked ("" for none).
type Search struct {
	ProjectID   string
	Query       string
	At          time.Time
	ClickedPage string
}

// PageView is one view of a page by a visitor, human or AI. Views count
// them; visitors count their distinct VisitorIDs.
type PageView struct {
	ProjectID string
	Path      string
	At        time.Time
	VisitorID string
	AI        bool
}

// projectAnalytics is one project's analytics. Feedback and conversations
// are kept newest first, as they are listed.
type projectAnalytics struct {
	feedback      []*Feedback
	conversations []*Conversation
	threads       map[string]*Conversation
	searches      []Search
	views         []PageView
	// version counts the changes, for the memos of aggregates.
	version int
	// The aggregates the last listing of each kind served its pages from.
	searchMemo  memo[searchAggregate]
	viewMemo    memo[trafficAggregate]
	visitorMemo memo[trafficAggregate]
}

// memo keeps one aggregate until its key (the data's version and the
// request's filters) changes, so that the pages of a listing are cut from
// one aggregate instead of each making it again.
type memo[T any] struct {
	key   string
	value T
}

func (m *memo[T]) get(key string, compute func() T) T {
	if m.key != key {
		m.key, m.value = key, compute()
	}
	return m.value
}

// analyticsOf is a project's analytics, made when first needed. Called with
// s.mu held.
func (s *Server) analyticsOf(project string) *projectAnalytics {
	if project == "" {
		project = s.opts.ProjectID
	}
	a := s.analytics[project]
	if a == nil {
		a = &projectAnalytics{threads: map[string]*Conversation{}}
		s.analytics[project] = a
	}
	return a
}

// newestFeedbackFirst is the order feedback is listed in.
func newestFeedbackFirst(a, b *Feedback) int {
	return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), strings.Compare(b.ID, a.ID))
}

// AddFeedback adds feedback entries, defaults filled in, and returns them as
// stored.
func (s *Server) AddFeedback(items ...Feedback) []Feedback {
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Feedback, len(items))
	touched := map[*projectAnalytics]bool{}
	for i, f := range items {
		f.ID = cmp.Or(f.ID, newID())
		f.ProjectID = cmp.Or(f.ProjectID, s.opts.ProjectID)
		f.Source = cmp.Or(f.Source, FeedbackContextual)
		f.Status = cmp.Or(f.Status, FeedbackPending)
		if f.CreatedAt.IsZero() {
			f.CreatedAt = now
		}
		a := s.analyticsOf(f.ProjectID)
		a.feedback = append(a.feedback, &f)
		touched[a] = true
		out[i] = f
	}
	for a := range touched {
		slices.SortFunc(a.feedback, newestFeedbackFirst)
		a.version++
	}
	return out
}

// AddConversations adds assistant conversations, each with its thread,
// defaults filled in, and returns them as stored (with their IDs).
func (s *Server) AddConversations(cs ...Conversation) []Conversation {
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Conversation, len(cs))
	touched := map[*projectAnalytics]bool{}
	for i, c := range cs {
		if c.Timestamp.IsZero() {
			c.Timestamp = now
		}
		// A ULID keeps milliseconds: so does the conversation, so that ids
		// and timestamps sort alike.
		c.Timestamp = c.Timestamp.UTC().Truncate(time.Millisecond)
		c.ID = newULID(c.Timestamp)
		c.ProjectID = cmp.Or(c.ProjectID, s.opts.ProjectID)
		c.ResponseType = cmp.Or(c.ResponseType, "answer")
		c.Caller = cmp.Or(c.Caller, CallerWeb)
		c.Sources, c.FollowUps = slices.Clone(c.Sources), slices.Clone(c.FollowUps)
		a := s.analyticsOf(c.ProjectID)
		a.conversations = append(a.conversations, &c)
		a.threads[c.ID] = &c
		touched[a] = true
		out[i] = c
	}
	for a := range touched {
		// Newest first: ULIDs sort by time.
		slices.SortFunc(a.conversations, func(x, y *Conversation) int { return strings.Compare(y.ID, x.ID) })
		a.version++
	}
	return out
}

// AddSearches adds searches (at the server's now when At is zero).
func (s *Server) AddSearches(searches ...Search) {
	addEvents(s, searches, func(a *projectAnalytics) *[]Search { return &a.searches })
}

// AddPageViews adds page views (at the server's now when At is zero).
func (s *Server) AddPageViews(views ...PageView) {
	addEvents(s, views, func(a *projectAnalytics) *[]PageView { return &a.views })
}

// event is a search or a page view: placed in its project's analytics, at
// now when it has no time.
type event[T any] interface {
	*T
	place(now time.Time) (project string)
}

func (q *Search) place(now time.Time) string {
	q.At = cmp.Or(q.At, now)
	return q.ProjectID
}

func (v *PageView) place(now time.Time) string {
	v.At = cmp.Or(v.At, now)
	return v.ProjectID
}

// addEvents adds events to the list of each one's project.
func addEvents[T any, E event[T]](s *Server, events []T, list func(*projectAnalytics) *[]T) {
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range events {
		a := s.analyticsOf(E(&e).place(now))
		*list(a) = append(*list(a), e)
		a.version++
	}
}

// AnalyticsVolume is how many items of each kind GenerateAnalytics makes.
type AnalyticsVolume struct {
	Feedback, Conversations, Searches, PageViews int
}

// AnalyticsSpan is the time GenerateAnalytics spreads its items over: the
// span before the server's now.
const AnalyticsSpan = 30 * 24 * time.Hour

// GenerateAnalytics fills a project ("" for Options.ProjectID) with made-up
// analytics, cheaply even for tens of thousands of items, and the same
// every time but for their ids. Item i of n is at now - (i+1)·AnalyticsSpan/n. Feedback i
// has source i mod 4 and status (i/4) mod 4 in the document's order, so
// each of the 16 pairs has n/16 entries; it is on page "/page-(i mod 50)".
// Searches and views spread unevenly over their terms and pages, so that
// some rank above others.
func (s *Server) GenerateAnalytics(projectID string, v AnalyticsVolume) {
	now := s.opts.Now()
	at := func(i, n int) time.Time { return now.Add(-time.Duration(i+1) * (AnalyticsSpan / time.Duration(n))) }
	feedback := make([]Feedback, v.Feedback)
	for i := range feedback {
		f := Feedback{
			ProjectID: projectID, Path: fmt.Sprintf("/page-%d", i%50), CreatedAt: at(i, v.Feedback),
			Source: feedbackSources[i%4], Status: feedbackStatuses[(i/4)%4],
		}
		if i%3 != 0 {
			f.Comment = fmt.Sprintf("Comment %d", i)
		}
		switch f.Source {
		case FeedbackContextual:
			f.Helpful = (i/16)%2 == 0
		case FeedbackCodeSnippet:
			f.Code, f.Filename, f.Lang = "npm i mint", "install.sh", "bash"
		}
		feedback[i] = f
	}
	s.AddFeedback(feedback...)
	conversations := make([]Conversation, v.Conversations)
	for i := range conversations {
		conversations[i] = Conversation{
			ProjectID: projectID, Timestamp: at(i, v.Conversations),
			Query: fmt.Sprintf("How do I set up feature %d?", i), Response: fmt.Sprintf("Open Settings and turn feature %d on.", i),
			Sources:    []ConversationSource{{Title: "Settings", URL: "https://docs.example.com/settings"}},
			Unanswered: i%5 == 0, Caller: []string{CallerWeb, CallerAPI, CallerOther}[i%3],
		}
	}
	s.AddConversations(conversations...)
	// Term j of the searches, and page j of the views, comes up 2j+1 times.
	searches := make([]Search, v.Searches)
	for i := range searches {
		j := int(math.Sqrt(float64(i)))
		searches[i] = Search{ProjectID: projectID, Query: fmt.Sprintf("term %d", j), At: at(i, v.Searches)}
		if i%3 != 0 {
			searches[i].ClickedPage = fmt.Sprintf("/page-%d", j%7)
		}
	}
	s.AddSearches(searches...)
	views := make([]PageView, v.PageViews)
	for i := range views {
		j := int(math.Sqrt(float64(i)))
		views[i] = PageView{ProjectID: projectID, Path: fmt.Sprintf("/page-%d", j), At: at(i, v.PageViews),
			VisitorID: fmt.Sprintf("visitor-%d", i%(v.PageViews/3+1)), AI: i%4 == 0}
	}
	s.AddPageViews(views...)
}

// crockford is the alphabet of ULIDs.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// newULID is a ULID of t: 48 bits of milliseconds, then 80 random bits, in
// 26 characters that sort as the times do.
func newULID(t time.Time) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(t.UnixMilli())<<16)
	_, _ = crand.Read(b[6:])
	hi, lo := binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
	// 128 bits as 26 characters of 5 bits, from the least significant (the
	// first character holds the top 3).
	out := make([]byte, 26)
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out)
}

// isULID says whether s is a ULID.
func isULID(s string) bool {
	if len(s) != 26 || s[0] > '7' {
		return false
	}
	for i := range len(s) {
		if !strings.ContainsRune(crockford, rune(s[i])) {
			return false
		}
	}
	return true
}
