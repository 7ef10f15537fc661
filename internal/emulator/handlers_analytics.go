package emulator

import (
	"cmp"
	"encoding/base64"
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
