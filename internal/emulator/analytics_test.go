package emulator

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

const analyticsPath = "/v1/analytics/" + DefaultProjectID + "/"

// listAll follows a cursor-paged analytics list (its items under field) to
// its end and returns the items and the pages' count; bounded.
func listAll(t *testing.T, s *Server, endpoint, field string, query url.Values) ([]map[string]any, int) {
	t.Helper()
	var all []map[string]any
	for pages := 1; pages <= 100; pages++ {
		code, out := call(t, s, "GET", analyticsPath+endpoint+"?"+query.Encode(), DefaultAPIKey, "")
		if code != http.StatusOK {
			t.Fatalf("%s?%s: HTTP %d %v", endpoint, query.Encode(), code, out)
		}
		items, _ := out[field].([]any)
		for _, it := range items {
			all = append(all, object(it))
		}
		next, _ := out["nextCursor"].(string)
		if more, has := out["hasMore"]; has && more != (next != "") {
			t.Fatalf("hasMore %v with nextCursor %v", more, out["nextCursor"])
		}
		if next == "" {
			return all, pages
		}
		query.Set("cursor", next)
	}
	t.Fatal("more than 100 pages")
	return nil, 0
}

func TestFeedbackPagesAndFilters(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, Analytics: AnalyticsOptions{Limit: -1}})
	const n = 250
	s.GenerateAnalytics("", AnalyticsVolume{Feedback: n})
	at := func(i int) time.Time { return clock.t.Add(-time.Duration(i+1) * (AnalyticsSpan / n)) }

	all, pages := listAll(t, s, "feedback", "feedback", url.Values{"limit": {"100"}})
	if len(all) != n || pages != 3 {
		t.Fatalf("%d entries in %d pages, want %d in 3", len(all), pages, n)
	}
	ids := map[string]bool{}
	for i, f := range all {
		ids[str(f["id"])] = true
		if f["createdAt"] != at(i).Format(timeLayout) {
			t.Fatalf("entry %d at %v, want %s: newest first", i, f["createdAt"], at(i).Format(timeLayout))
		}
		_, helpful := f["helpful"]
		_, code := f["code"]
		if helpful != (f["source"] == FeedbackContextual) || code != (f["source"] == FeedbackCodeSnippet) {
			t.Errorf("entry %v: fields not those of its source", f)
		}
	}
	if len(ids) != n {
		t.Errorf("%d distinct ids, want %d", len(ids), n)
	}
	if _, pages := listAll(t, s, "feedback", "feedback", url.Values{}); pages != 5 {
		t.Errorf("%d pages at the default limit, want 5 of 50", pages)
	}

	from, to := at(200), at(20) // dateTo is exclusive
	cases := map[string]struct {
		query url.Values
		keep  func(i int) bool
	}{
		"source": {url.Values{"source": {FeedbackContextual}}, func(i int) bool { return i%4 == 1 }},
		"statuses": {url.Values{"status": {FeedbackPending + "," + FeedbackDismissed}},
			func(i int) bool { return (i/4)%4 == 0 || (i/4)%4 == 3 }},
		"dates": {url.Values{"dateFrom": {from.Format(time.RFC3339Nano)}, "dateTo": {to.Format(time.RFC3339Nano)}},
			func(i int) bool { return i > 20 && i <= 200 }},
		"all of them": {url.Values{"source": {FeedbackCodeSnippet}, "status": {FeedbackResolved}, "dateFrom": {from.Format(time.RFC3339)}},
			func(i int) bool { return i%4 == 0 && (i/4)%4 == 2 && i <= 200 }},
	}
	for name, tc := range cases {
		var want []string
		for i := range n {
			if tc.keep(i) {
				want = append(want, at(i).Format(timeLayout))
			}
		}
		tc.query.Set("limit", "7")
		got, _ := listAll(t, s, "feedback", "feedback", tc.query)
		var times []string
		for _, f := range got {
			times = append(times, str(f["createdAt"]))
		}
		if !slices.Equal(times, want) {
			t.Errorf("%s: %d entries, want %d", name, len(times), len(want))
		}
	}
	day := url.Values{"dateFrom": {clock.t.Add(-24 * time.Hour).Format("2006-01-02")}}
	if got, _ := listAll(t, s, "feedback", "feedback", day); len(got) == 0 || len(got) >= n {
		t.Errorf("dateFrom as YYYY-MM-DD: %d entries", len(got))
	}
}

func TestAnalyticsQueryProblems(t *testing.T) {
	s := New(Options{Analytics: AnalyticsOptions{Limit: -1}})
	for query, says := range map[string]string{
		"feedback?limit=0":                            "limit must be a whole number from 1 to 100",
		"feedback?limit=2.5":                          "limit must be a whole number",
		"feedback?status=pending,open":                `status "open"`,
		"feedback?dateFrom=yesterday":                 "dateFrom must be a date",
		"feedback?cursor=xyz":                         "cursor",
		"searches?cursor=!!":                          "cursor",
		"assistant?cursor=" + newID():                 "is not a ULID",
		"views?offset=-1":                             "offset",
		"visitors?limit=251":                          "from 1 to 250",
		"views?dateFrom=2026-02-01&dateTo=2026-01-01": "dateFrom must be before dateTo",
	} {
		code, out := call(t, s, "GET", analyticsPath+query, DefaultAPIKey, "")
		details := fmt.Sprint(out["details"])
		if code != http.StatusBadRequest || out["error"] != "Invalid query parameters" || !strings.Contains(details, says) {
			t.Errorf("%s: HTTP %d %v; want 400 whose details say %q", query, code, out, says)
		}
	}
	// Only the requests the document refuses break it: the limits and the
	// offset out of its bounds.
	if v := s.ContractViolations(); len(v) != 3 {
		t.Errorf("violations %v; want the 3 requests out of the document's bounds", v)
	}
}

func TestFeedbackByPage(t *testing.T) {
	s := newServer(t, Options{})
	s.AddFeedback(
		Feedback{Path: "/a", Helpful: true}, Feedback{Path: "/a", Helpful: true}, Feedback{Path: "/a"},
		Feedback{Path: "/a", Source: FeedbackCodeSnippet, Code: "x"}, Feedback{Path: "/b", Source: FeedbackAgent},
		Feedback{Path: "/c", Status: FeedbackResolved}, Feedback{Path: "/c", Status: FeedbackResolved},
	)
	code, out := call(t, s, "GET", analyticsPath+"feedback/by-page?limit=2", DefaultAPIKey, "")
	want := `[map[code:1 path:/a thumbsDown:1 thumbsUp:2 total:4] map[code:0 path:/c thumbsDown:2 thumbsUp:0 total:2]]`
	if code != http.StatusOK || fmt.Sprint(out["feedback"]) != want || out["hasMore"] != true {
		t.Errorf("by page: HTTP %d %v; want %s and more", code, out, want)
	}
	if _, out := call(t, s, "GET", analyticsPath+"feedback/by-page?status=resolved", DefaultAPIKey, ""); fmt.Sprint(out["feedback"]) !=
		`[map[code:0 path:/c thumbsDown:2 thumbsUp:0 total:2]]` || out["hasMore"] != false {
		t.Errorf("by page, resolved: %v", out)
	}
}

func TestConversationsAndThreads(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now})
	s.GenerateAnalytics("", AnalyticsVolume{Conversations: 5})
	added := s.AddConversations(Conversation{
		Timestamp: clock.t.Add(time.Hour), Query: "Where is the API key?", Response: "Under Settings.", Category: "setup",
		FollowUps: []ThreadMessage{{Role: "user", Content: "Thanks", At: clock.t.Add(time.Hour + time.Minute)}},
	})
	all, pages := listAll(t, s, "assistant", "conversations", url.Values{"limit": {"2"}})
	if len(all) != 6 || pages != 3 || all[0]["id"] != added[0].ID || all[0]["queryCategory"] != "setup" || all[1]["queryCategory"] != nil {
		t.Fatalf("%d conversations in %d pages: %v", len(all), pages, all)
	}
	for i := 1; i < len(all); i++ {
		if str(all[i]["id"]) >= str(all[i-1]["id"]) || str(all[i]["timestamp"]) > str(all[i-1]["timestamp"]) {
			t.Errorf("conversation %d is not older than the one before", i)
		}
	}
	code, thread := call(t, s, "GET", analyticsPath+"assistant/threads/"+added[0].ID, DefaultAPIKey, "")
	if messages, _ := thread["messages"].([]any); code != http.StatusOK || thread["threadId"] != added[0].ID || len(messages) != 3 {
		t.Errorf("thread: HTTP %d %v; want the first exchange and the follow-up", code, thread)
	}
	if code, _ := call(t, s, "GET", analyticsPath+"assistant/threads/not-a-ulid", DefaultAPIKey, ""); code != http.StatusBadRequest {
		t.Errorf("thread id that is no ULID: HTTP %d, want 400", code)
	}
	if code, _ := call(t, s, "GET", analyticsPath+"assistant/threads/"+newULID(clock.t), DefaultAPIKey, ""); code != http.StatusNotFound {
		t.Errorf("unknown thread: HTTP %d, want 404", code)
	}
	// The generator's callers go web, api, other; the added one is web.
	if _, stats := call(t, s, "GET", analyticsPath+"assistant/caller-stats", DefaultAPIKey, ""); fmt.Sprint(stats) != "map[api:2 other:1 total:6 web:3]" {
		t.Errorf("caller stats %v", stats)
	}
	to := url.Values{"dateTo": {clock.t.Format(time.RFC3339)}}
	if got, _ := listAll(t, s, "assistant", "conversations", to); len(got) != 5 {
		t.Errorf("before now: %d conversations, want the 5 generated", len(got))
	}
	if _, stats := call(t, s, "GET", analyticsPath+"assistant/caller-stats?"+to.Encode(), DefaultAPIKey, ""); stats["total"] != 5.0 {
		t.Errorf("caller stats before now: %v", stats)
	}
}

func TestSearches(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now})
	s.GenerateAnalytics("", AnalyticsVolume{Searches: 100}) // terms 0 to 9, term j 2j+1 times
	all, pages := listAll(t, s, "searches", "searches", url.Values{"limit": {"4"}})
	if len(all) != 10 || pages != 3 || all[0]["searchQuery"] != "term 9" || all[0]["hits"] != 19.0 || all[9]["hits"] != 1.0 {
		t.Fatalf("%d terms in %d pages: %v", len(all), pages, all)
	}
	if top := all[0]; top["topClickedPage"] != "/page-2" || num(top["ctr"]) <= 0 || num(top["ctr"]) >= 1 {
		t.Errorf("most searched term: %v", top)
	}
	if _, out := call(t, s, "GET", analyticsPath+"searches", DefaultAPIKey, ""); out["totalSearches"] != 100.0 || out["nextCursor"] != nil {
		t.Errorf("searches: %v; want 100 in all on one page", out)
	}
	s.AddSearches(Search{Query: "brand new"})
	if _, out := call(t, s, "GET", analyticsPath+"searches", DefaultAPIKey, ""); out["totalSearches"] != 101.0 {
		t.Errorf("after a new search: %v; want the aggregate made again", out["totalSearches"])
	}
}

func TestViewsAndVisitors(t *testing.T) {
	s := newServer(t, Options{})
	s.AddPageViews(
		PageView{Path: "/a", VisitorID: "v1"}, PageView{Path: "/a", VisitorID: "v1"}, PageView{Path: "/a", VisitorID: "bot", AI: true},
		PageView{Path: "/b", VisitorID: "v2"}, PageView{Path: "/b", VisitorID: "v1"}, PageView{Path: "/c", VisitorID: "v3"},
	)
	for endpoint, want := range map[string][2]string{
		"views":    {"map[ai:1 human:5 total:6]", "[map[ai:1 human:2 path:/a total:3] map[ai:0 human:2 path:/b total:2]]"},
		"visitors": {"map[ai:1 human:3 total:4]", "[map[ai:1 human:1 path:/a total:2] map[ai:0 human:2 path:/b total:2]]"},
	} {
		code, out := call(t, s, "GET", analyticsPath+endpoint+"?limit=2", DefaultAPIKey, "")
		if code != http.StatusOK || fmt.Sprint(out["totals"]) != want[0] || fmt.Sprint(out[endpoint]) != want[1] || out["hasMore"] != true {
			t.Errorf("%s: HTTP %d %v; want totals %s, rows %s, more", endpoint, code, out, want[0], want[1])
		}
		_, out = call(t, s, "GET", analyticsPath+endpoint+"?limit=2&offset=2", DefaultAPIKey, "")
		if rows, _ := out[endpoint].([]any); len(rows) != 1 || out["hasMore"] != false || fmt.Sprint(out["totals"]) != want[0] {
			t.Errorf("%s at offset 2: %v; want the last row and the same totals", endpoint, out)
		}
	}
}

func TestAnalyticsLimitIsSharedPerOrganization(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, Keys: map[string][]string{"mint_other_org": {DefaultProjectID}}, Analytics: AnalyticsOptions{Limit: 3}})
	for _, endpoint := range []string{"feedback", "views", "assistant/caller-stats"} {
		if code, _ := call(t, s, "GET", analyticsPath+endpoint, DefaultAPIKey, ""); code != http.StatusOK {
			t.Fatalf("%s within the limit: HTTP %d", endpoint, code)
		}
	}
	rec := do(s, "GET", analyticsPath+"searches", DefaultAPIKey, "")
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "3600" ||
		!strings.Contains(rec.Body.String(), "Rate limit exceeded: 3 analytics requests per organization per hour") {
		t.Errorf("fourth analytics request: HTTP %d, Retry-After %q, %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	if code, _ := call(t, s, "GET", analyticsPath+"searches", "mint_other_org", ""); code != http.StatusOK {
		t.Errorf("another organization: HTTP %d", code)
	}
	clock.advance(time.Hour)
	if code, _ := call(t, s, "GET", analyticsPath+"searches", DefaultAPIKey, ""); code != http.StatusOK {
		t.Errorf("an hour later: HTTP %d", code)
	}

	plain := newServer(t, Options{PlainTextRateLimits: true, Analytics: AnalyticsOptions{Limit: 1}})
	do(plain, "GET", analyticsPath+"visitors", DefaultAPIKey, "")
	if rec := do(plain, "GET", analyticsPath+"visitors", DefaultAPIKey, ""); rec.Code != http.StatusTooManyRequests || rec.Body.String() != plainRateLimitText {
		t.Errorf("plain-text analytics 429: HTTP %d %q", rec.Code, rec.Body)
	}
}

func TestFaultsOnAnalyticsReads(t *testing.T) {
	s := newServer(t, Options{})
	s.SetFaults(Faults{GetErrorRate: 1, GetErrorCodes: []int{503}})
	for _, endpoint := range []string{"feedback", "feedback/by-page", "assistant", "assistant/caller-stats", "searches", "views", "visitors"} {
		if rec := do(s, "GET", analyticsPath+endpoint, DefaultAPIKey, ""); rec.Code != http.StatusServiceUnavailable {
			t.Errorf("%s with GetErrorRate 1: HTTP %d", endpoint, rec.Code)
		}
	}
}

func TestULID(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 6e6, time.UTC)
	a, b := newULID(at), newULID(at.Add(time.Millisecond))
	if !isULID(a) || !isULID(b) || a >= b || a[:10] != "01KDYAK34E" || a == newULID(at) {
		t.Errorf("ULIDs %s and %s: want valid, sorted by time, the time in the first 10 characters, random after", a, b)
	}
	for _, bad := range []string{"", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ", "01KDYPNZE6ILOUILOUILOUILOU", newID()} {
		if isULID(bad) {
			t.Errorf("isULID(%q)", bad)
		}
	}
}
