package emulator

import (
	"cmp"
	crand "crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// AnalyticsOptions limit analytics reads.
type AnalyticsOptions struct {
	// Limit caps analytics requests, every endpoint's together, per API key
	// (Mintlify counts per organization) per Window; over it the answer is
	// 429. Zero means DefaultAnalyticsLimit per DefaultAnalyticsWindow;
	// negative, no limit.
	Limit  int
	Window time.Duration
}

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

// analyticsRoutes serves the analytics endpoints, under their shared limit.
func (s *Server) analyticsRoutes() {
	for path, h := range map[string]http.HandlerFunc{
		"feedback":                     s.listFeedback,
		"feedback/by-page":             s.feedbackByPage,
		"assistant":                    s.listConversations,
		"assistant/threads/{threadId}": s.getThread,
		"assistant/caller-stats":       s.callerStats,
		"searches":                     s.listSearches,
		"views":                        s.listViews,
		"visitors":                     s.listVisitors,
	} {
		s.mux.HandleFunc("GET /v1/analytics/{projectId}/"+path, s.authorized(s.analyticsLimited(h)))
	}
}

// analyticsLimited counts a request against the analytics limit, which
// every analytics endpoint shares, before next answers it.
func (s *Server) analyticsLimited(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key, _ := bearerKey(r)
		s.mu.Lock()
		refused := s.overLimit(w, &s.analyticsLimit, key, s.opts.Now())
		s.mu.Unlock()
		if !refused {
			next(w, r)
		}
	}
}

// params reads an analytics request's query and gathers what is wrong with
// it, for one 400 that lists it all.
type params struct {
	q        url.Values
	problems []string
}

func newParams(r *http.Request) *params { return &params{q: r.URL.Query()} }

func (p *params) problem(format string, args ...any) {
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

// dates is the range dateFrom (inclusive) to dateTo (exclusive); a zero
// end is open.
func (p *params) dates() (from, to time.Time) {
	parse := func(name string) time.Time {
		raw := p.q.Get(name)
		if raw == "" {
			return time.Time{}
		}
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, raw); err == nil {
				return t
			}
		}
		p.problem("%s must be a date in ISO 8601 or YYYY-MM-DD format, not %q", name, raw)
		return time.Time{}
	}
	from, to = parse("dateFrom"), parse("dateTo")
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		p.problem("dateFrom must be before dateTo (dateTo is exclusive)")
	}
	return from, to
}

// limit is the page size asked for: def when absent, 1 to most.
func (p *params) limit(def, most int) int {
	raw := p.q.Get("limit")
	if raw == "" {
		return def
	}
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil || n != math.Trunc(n) || n < 1 || n > float64(most) {
		p.problem("limit must be a whole number from 1 to %d, not %q", most, raw)
		return def
	}
	return int(n)
}

// offset is the rows to skip.
func (p *params) offset() int {
	raw := p.q.Get("offset")
	if raw == "" {
		return 0
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 {
		p.problem("offset must be a whole number of 0 or more, not %q", raw)
	}
	return max(n, 0)
}

// cursor is the decoded position an opaque cursor names: a number and a
// string, and whether there was one.
func (p *params) cursor() (int64, string, bool) {
	raw := p.q.Get("cursor")
	if raw == "" {
		return 0, "", false
	}
	b, err := base64.RawURLEncoding.DecodeString(raw)
	num, text, found := strings.Cut(string(b), ":")
	n, perr := strconv.ParseInt(num, 10, 64)
	if err != nil || !found || perr != nil {
		p.problem("cursor %q is not a cursor this endpoint returned", raw)
		return 0, "", false
	}
	return n, text, true
}

// oneOf checks an enumerated value of name, one or more comma-separated
// when list.
func (p *params) oneOf(name string, allowed []string, list bool) []string {
	raw := p.q.Get(name)
	if raw == "" {
		return nil
	}
	values := []string{raw}
	if list {
		values = strings.Split(raw, ",")
	}
	for _, v := range values {
		if !slices.Contains(allowed, v) {
			p.problem("%s %q is not one of %s", name, v, strings.Join(allowed, ", "))
		}
	}
	return values
}

// ok answers 400 with the problems, if any, and says whether there were
// none.
func (p *params) ok(w http.ResponseWriter) bool {
	if len(p.problems) == 0 {
		return true
	}
	details := make([]map[string]string, len(p.problems))
	for i, msg := range p.problems {
		details[i] = map[string]string{"message": msg}
	}
	writeJSON(w, http.StatusBadRequest, map[string]any{"error": "Invalid query parameters", "details": details})
	return false
}

func encodeCursor(n int64, text string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(n, 10) + ":" + text))
}

func inRange(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || t.Before(to))
}

// nullable is s, or null when empty.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// feedbackFilter is the source and status filters of a feedback request.
func (p *params) feedbackFilter() func(*Feedback) bool {
	sources := p.oneOf("source", feedbackSources, false)
	statuses := p.oneOf("status", feedbackStatuses, true)
	return func(f *Feedback) bool {
		return (sources == nil || slices.Contains(sources, f.Source)) && (statuses == nil || slices.Contains(statuses, f.Status))
	}
}

// listFeedback is GET /v1/analytics/{projectId}/feedback, newest first,
// paged by a cursor that names the next entry. A page reads each entry at
// most once, from the cursor's place found by binary search, so a listing
// of n entries costs O(n) whatever its pages.
func (s *Server) listFeedback(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	from, to := p.dates()
	limit := p.limit(50, 100)
	match := p.feedbackFilter()
	at, id, resume := p.cursor()
	if !p.ok(w) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	items := s.analyticsOf(r.PathValue("projectId")).feedback
	var i int
	switch key := (&Feedback{CreatedAt: time.Unix(0, at), ID: id}); {
	case resume:
		i = sort.Search(len(items), func(i int) bool { return newestFeedbackFirst(items[i], key) >= 0 })
	case !to.IsZero():
		i = sort.Search(len(items), func(i int) bool { return items[i].CreatedAt.Before(to) })
	}
	page := make([]map[string]any, 0, limit)
	var next any // the cursor, null on the last page
	for ; i < len(items); i++ {
		f := items[i]
		if !from.IsZero() && f.CreatedAt.Before(from) {
			break
		}
		if !inRange(f.CreatedAt, from, to) || !match(f) {
			continue
		}
		if len(page) == limit {
			next = encodeCursor(f.CreatedAt.UnixNano(), f.ID)
			break
		}
		page = append(page, f.view())
	}
	writeJSON(w, http.StatusOK, map[string]any{"feedback": page, "nextCursor": next, "hasMore": next != nil})
}

// view is the entry as the API shows it: the fields of its source.
func (f *Feedback) view() map[string]any {
	out := map[string]any{
		"id": f.ID, "path": f.Path, "comment": nullable(f.Comment), "createdAt": f.CreatedAt.UTC().Format(timeLayout),
		"source": f.Source, "status": f.Status,
	}
	switch f.Source {
	case FeedbackContextual:
		out["helpful"], out["contact"] = f.Helpful, nullable(f.Contact)
	case FeedbackCodeSnippet:
		out["code"], out["filename"], out["lang"] = f.Code, nullable(f.Filename), nullable(f.Lang)
	}
	return out
}

// feedbackByPage is GET /v1/analytics/{projectId}/feedback/by-page: the
// pages with the most feedback first. Its document pages with a limit and
// hasMore alone: there is no way to the rest.
func (s *Server) feedbackByPage(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	from, to := p.dates()
	limit := p.limit(10, 100)
	match := p.feedbackFilter()
	if !p.ok(w) {
		return
	}
	type tally struct {
		Path                          string
		ThumbsUp, ThumbsDown, Code, N int
	}
	s.mu.Lock()
	byPath := map[string]*tally{}
	for _, f := range s.analyticsOf(r.PathValue("projectId")).feedback {
		if !inRange(f.CreatedAt, from, to) || !match(f) {
			continue
		}
		t := byPath[f.Path]
		if t == nil {
			t = &tally{Path: f.Path}
			byPath[f.Path] = t
		}
		t.N++
		switch {
		case f.Source == FeedbackCodeSnippet:
			t.Code++
		case f.Source == FeedbackContextual && f.Helpful:
			t.ThumbsUp++
		case f.Source == FeedbackContextual:
			t.ThumbsDown++
		}
	}
	s.mu.Unlock()
	pages := make([]*tally, 0, len(byPath))
	for _, t := range byPath {
		pages = append(pages, t)
	}
	slices.SortFunc(pages, func(a, b *tally) int { return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Path, b.Path)) })
	out := make([]map[string]any, 0, limit)
	for _, t := range pages[:min(limit, len(pages))] {
		out = append(out, map[string]any{"path": t.Path, "thumbsUp": t.ThumbsUp, "thumbsDown": t.ThumbsDown, "code": t.Code, "total": t.N})
	}
	writeJSON(w, http.StatusOK, map[string]any{"feedback": out, "hasMore": len(pages) > limit})
}

// listConversations is GET /v1/analytics/{projectId}/assistant, newest
// first. Its cursor is a ULID, as the document says: the id of the last
// conversation of the page before.
func (s *Server) listConversations(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	from, to := p.dates()
	limit := p.limit(100, 1000)
	cursor := p.q.Get("cursor")
	if cursor != "" && !isULID(cursor) {
		p.problem("cursor %q is not a ULID", cursor)
	}
	if !p.ok(w) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	items := s.analyticsOf(r.PathValue("projectId")).conversations
	// Newest first, so the ids after the cursor, and the times before
	// dateTo, come after a point binary search finds.
	i := 0
	if cursor != "" {
		i = sort.Search(len(items), func(i int) bool { return items[i].ID < cursor })
	}
	if !to.IsZero() {
		i = max(i, sort.Search(len(items), func(i int) bool { return items[i].Timestamp.Before(to) }))
	}
	page := make([]map[string]any, 0, min(limit, len(items)))
	more := false
	for ; i < len(items) && (from.IsZero() || !items[i].Timestamp.Before(from)); i++ {
		if len(page) == limit {
			more = true
			break
		}
		page = append(page, items[i].view())
	}
	var next any
	if more {
		next = page[len(page)-1]["id"]
	}
	writeJSON(w, http.StatusOK, map[string]any{"conversations": page, "nextCursor": next, "hasMore": more})
}

func (c *Conversation) view() map[string]any {
	sources := make([]map[string]string, len(c.Sources))
	for i, src := range c.Sources {
		sources[i] = map[string]string{"title": src.Title, "url": src.URL}
	}
	resolution := "answered"
	if c.Unanswered {
		resolution = "unanswered"
	}
	return map[string]any{
		"id": c.ID, "timestamp": c.Timestamp.Format(timeLayout), "query": c.Query, "response": c.Response,
		"responseType": c.ResponseType, "sources": sources, "resolutionStatus": resolution,
		"queryCategory": nullable(c.Category), "pageUrl": nullable(c.PageURL),
	}
}

// getThread is GET /v1/analytics/{projectId}/assistant/threads/{threadId}:
// the conversation's whole transcript.
func (s *Server) getThread(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("threadId")
	if !isULID(id) {
		writeError(w, http.StatusBadRequest, "Invalid thread ID: expected a ULID")
		return
	}
	s.mu.Lock()
	c := s.analyticsOf(r.PathValue("projectId")).threads[id]
	s.mu.Unlock()
	if c == nil {
		writeError(w, http.StatusNotFound, "Thread not found")
		return
	}
	messages := append([]ThreadMessage{
		{Role: "user", Content: c.Query, At: c.Timestamp},
		{Role: "assistant", Content: c.Response, At: c.Timestamp},
	}, c.FollowUps...)
	out := make([]map[string]string, len(messages))
	for i, m := range messages {
		out[i] = map[string]string{"id": fmt.Sprintf("%s-%d", c.ID, i), "role": m.Role, "content": m.Content, "createdAt": m.At.UTC().Format(timeLayout)}
	}
	writeJSON(w, http.StatusOK, map[string]any{"threadId": c.ID, "createdAt": c.Timestamp.Format(timeLayout), "messages": out})
}

// callerStats is GET /v1/analytics/{projectId}/assistant/caller-stats.
func (s *Server) callerStats(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	from, to := p.dates()
	if !p.ok(w) {
		return
	}
	counts := map[string]int{CallerWeb: 0, CallerAPI: 0, CallerOther: 0}
	s.mu.Lock()
	for _, c := range s.analyticsOf(r.PathValue("projectId")).conversations {
		if inRange(c.Timestamp, from, to) {
			counts[c.Caller]++
		}
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]int{
		"web": counts[CallerWeb], "api": counts[CallerAPI], "other": counts[CallerOther],
		"total": counts[CallerWeb] + counts[CallerAPI] + counts[CallerOther],
	})
}

// searchAggregate is the search terms of a date range, most searched
// first, and the searches they add up to.
type searchAggregate struct {
	terms []searchTerm
	total int
}

type searchTerm struct {
	query      string
	hits       int
	clicks     map[string]int
	lastSearch time.Time
}

func aggregateSearches(searches []Search, from, to time.Time) searchAggregate {
	byQuery := map[string]*searchTerm{}
	var agg searchAggregate
	for _, q := range searches {
		if !inRange(q.At, from, to) {
			continue
		}
		agg.total++
		t := byQuery[q.Query]
		if t == nil {
			t = &searchTerm{query: q.Query, clicks: map[string]int{}}
			byQuery[q.Query] = t
		}
		t.hits++
		if q.ClickedPage != "" {
			t.clicks[q.ClickedPage]++
		}
		if q.At.After(t.lastSearch) {
			t.lastSearch = q.At
		}
	}
	for _, t := range byQuery {
		agg.terms = append(agg.terms, *t)
	}
	slices.SortFunc(agg.terms, mostSearchedFirst)
	return agg
}

func mostSearchedFirst(a, b searchTerm) int {
	return cmp.Or(cmp.Compare(b.hits, a.hits), strings.Compare(a.query, b.query))
}

func (t searchTerm) view() map[string]any {
	clicked, top := 0, ""
	for page, n := range t.clicks {
		clicked += n
		if n > t.clicks[top] || n == t.clicks[top] && (top == "" || page < top) {
			top = page
		}
	}
	return map[string]any{
		"searchQuery": t.query, "hits": t.hits, "ctr": float64(clicked) / float64(t.hits),
		"topClickedPage": nullable(top), "lastSearchedAt": t.lastSearch.UTC().Format(timeLayout),
	}
}

// listSearches is GET /v1/analytics/{projectId}/searches, the most searched
// terms first, paged by a cursor that names the next term. Its document
// has no hasMore: the last page's nextCursor is null.
func (s *Server) listSearches(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	from, to := p.dates()
	limit := p.limit(50, 100)
	hits, query, resume := p.cursor()
	if !p.ok(w) {
		return
	}
	s.mu.Lock()
	a := s.analyticsOf(r.PathValue("projectId"))
	agg := a.searchMemo.get(memoKey(a, from, to), func() searchAggregate { return aggregateSearches(a.searches, from, to) })
	s.mu.Unlock()
	i := 0
	if key := (searchTerm{hits: int(hits), query: query}); resume {
		i = sort.Search(len(agg.terms), func(i int) bool { return mostSearchedFirst(agg.terms[i], key) >= 0 })
	}
	end := min(i+limit, len(agg.terms))
	page := make([]map[string]any, 0, end-i)
	for _, t := range agg.terms[i:end] {
		page = append(page, t.view())
	}
	var next any
	if end < len(agg.terms) {
		next = encodeCursor(int64(agg.terms[end].hits), agg.terms[end].query)
	}
	writeJSON(w, http.StatusOK, map[string]any{"searches": page, "totalSearches": agg.total, "nextCursor": next})
}

// memoKey is the key of an aggregate of a's data over a date range.
func memoKey(a *projectAnalytics, from, to time.Time) string {
	return fmt.Sprintf("%d|%s|%s", a.version, from, to)
}

// trafficAggregate is the traffic of a date range by page, busiest first,
// and site-wide.
type trafficAggregate struct {
	pages []traffic
	site  traffic
}

// traffic is what a page (or the site) had: the distinct things counted
// (views, or visitors) from humans and AI, and in all.
type traffic struct {
	path            string
	human, ai, both map[string]bool
}

func newTraffic(path string) traffic {
	return traffic{path: path, human: map[string]bool{}, ai: map[string]bool{}, both: map[string]bool{}}
}

func (t traffic) add(id string, ai bool) {
	if ai {
		t.ai[id] = true
	} else {
		t.human[id] = true
	}
	t.both[id] = true
}

func (t traffic) view() map[string]any {
	return map[string]any{"human": len(t.human), "ai": len(t.ai), "total": len(t.both)}
}

// aggregateTraffic counts, by page, what id names for each view: the view
// itself, or its visitor.
func aggregateTraffic(views []PageView, from, to time.Time, id func(i int, v PageView) string) trafficAggregate {
	agg := trafficAggregate{site: newTraffic("")}
	byPath := map[string]traffic{}
	for i, v := range views {
		if !inRange(v.At, from, to) {
			continue
		}
		t, ok := byPath[v.Path]
		if !ok {
			t = newTraffic(v.Path)
			byPath[v.Path] = t
		}
		t.add(id(i, v), v.AI)
		agg.site.add(id(i, v), v.AI)
	}
	for _, t := range byPath {
		agg.pages = append(agg.pages, t)
	}
	slices.SortFunc(agg.pages, func(a, b traffic) int {
		return cmp.Or(cmp.Compare(len(b.both), len(a.both)), strings.Compare(a.path, b.path))
	})
	return agg
}

// listViews is GET /v1/analytics/{projectId}/views: views by page, paged by
// offset.
func (s *Server) listViews(w http.ResponseWriter, r *http.Request) {
	s.listTraffic(w, r, "views", func(a *projectAnalytics) *memo[trafficAggregate] { return &a.viewMemo },
		func(i int, _ PageView) string { return strconv.Itoa(i) })
}

// listVisitors is GET /v1/analytics/{projectId}/visitors: distinct visitors
// by page, paged by offset.
func (s *Server) listVisitors(w http.ResponseWriter, r *http.Request) {
	s.listTraffic(w, r, "visitors", func(a *projectAnalytics) *memo[trafficAggregate] { return &a.visitorMemo },
		func(_ int, v PageView) string { return v.VisitorID })
}

// listTraffic answers views or visitors (the list's name), cut from the
// memo's aggregate.
func (s *Server) listTraffic(w http.ResponseWriter, r *http.Request, name string,
	memoOf func(*projectAnalytics) *memo[trafficAggregate], id func(int, PageView) string) {
	p := newParams(r)
	from, to := p.dates()
	limit := p.limit(50, 250)
	offset := p.offset()
	if !p.ok(w) {
		return
	}
	s.mu.Lock()
	a := s.analyticsOf(r.PathValue("projectId"))
	agg := memoOf(a).get(memoKey(a, from, to), func() trafficAggregate { return aggregateTraffic(a.views, from, to, id) })
	s.mu.Unlock()
	start, end := min(offset, len(agg.pages)), min(offset+limit, len(agg.pages))
	rows := make([]map[string]any, 0, end-start)
	for _, t := range agg.pages[start:end] {
		row := t.view()
		row["path"] = t.path
		rows = append(rows, row)
	}
	writeJSON(w, http.StatusOK, map[string]any{"totals": agg.site.view(), name: rows, "hasMore": end < len(agg.pages)})
}
