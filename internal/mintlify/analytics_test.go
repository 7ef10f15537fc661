package mintlify_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// analyticsQueries are the query strings of the requests to an analytics
// endpoint, parsed, oldest first.
func analyticsQueries(t *testing.T, emu *emulator.Server, endpoint string) []url.Values {
	t.Helper()
	var out []url.Values
	for _, r := range emu.Requests() {
		if strings.HasSuffix(r.Path, "/analytics/"+emu.ProjectID()+"/"+endpoint) {
			q, err := url.ParseQuery(r.Query)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, q)
		}
	}
	return out
}

func TestListFeedbackFollowsEveryPage(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{})
	emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: 250})
	c := newClient(t, emu.URL(), emu.APIKey())
	items, err := c.ListFeedback(context.Background(), emu.ProjectID(), mintlify.FeedbackFilter{}, mintlify.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	queries := analyticsQueries(t, emu, "feedback")
	if len(items) != 250 || len(queries) != 3 {
		t.Fatalf("%d entries in %d calls, want 250 in 3 pages of 100", len(items), len(queries))
	}
	for i, q := range queries {
		if q.Get("limit") != "100" || (q.Get("cursor") == "") != (i == 0) {
			t.Errorf("call %d asked %v; want the largest page, and the cursor after the first", i, q)
		}
	}
	ids := map[string]bool{}
	for _, f := range items {
		ids[f.ID] = true
		if (f.Helpful != nil) != (f.Source == mintlify.FeedbackSourceContextual) || (f.Code != nil) != (f.Source == mintlify.FeedbackSourceCodeSnippet) ||
			f.CreatedAt == nil || f.Path == "" || f.Status == "" {
			t.Errorf("entry %+v: fields not those of its source", f)
		}
	}
	if len(ids) != 250 {
		t.Errorf("%d distinct entries, want 250", len(ids))
	}
}

func TestFeedbackFiltersReachTheAPI(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{})
	emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: 400})
	c := newClient(t, emu.URL(), emu.APIKey())
	ctx := context.Background()
	from := time.Now().Add(-20 * 24 * time.Hour).UTC().Format(time.RFC3339)
	f := mintlify.FeedbackFilter{DateFrom: from, DateTo: "2999-01-01", Source: mintlify.FeedbackSourceContextual,
		Status: []string{mintlify.FeedbackStatusPending, mintlify.FeedbackStatusResolved}}
	filtered, err := c.ListFeedback(ctx, emu.ProjectID(), f, mintlify.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{"dateFrom": {from}, "dateTo": {"2999-01-01"}, "source": {"contextual"}, "status": {"pending,resolved"}, "limit": {"100"}}
	if q := analyticsQueries(t, emu, "feedback"); len(q) != 1 || q[0].Encode() != want.Encode() {
		t.Fatalf("queries %v, want one with %v: every filter sent to the API", q, want)
	}
	all, err := c.ListFeedback(ctx, emu.ProjectID(), mintlify.FeedbackFilter{}, mintlify.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range all {
		if e.Source == f.Source && (e.Status == f.Status[0] || e.Status == f.Status[1]) && *e.CreatedAt >= from {
			n++
		}
	}
	if n == 0 || len(filtered) != n {
		t.Errorf("%d filtered entries, want the %d of the %d that match", len(filtered), n, len(all))
	}

	byPage, err := c.FeedbackByPage(ctx, emu.ProjectID(), mintlify.FeedbackFilter{Source: mintlify.FeedbackSourceCodeSnippet})
	if err != nil || len(byPage.Pages) != 25 || byPage.HasMore || byPage.Pages[0].Code != byPage.Pages[0].Total || byPage.Pages[0].ThumbsUp != 0 {
		t.Errorf("feedback by page = %+v, %v; want the 25 pages with code snippets (every other one)", byPage, err)
	}
	if q := analyticsQueries(t, emu, "feedback/by-page"); len(q) != 1 || q[0].Get("source") != "code_snippet" || q[0].Get("limit") != "100" {
		t.Errorf("by-page queries %v", q)
	}
}

func TestAssistantAnalytics(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{})
	emu.GenerateAnalytics("", emulator.AnalyticsVolume{Conversations: 1001})
	stored := emu.AddConversations(emulator.Conversation{Query: "q", Response: "r", Category: "setup", PageURL: "https://docs.example.com/a",
		FollowUps: []emulator.ThreadMessage{{Role: "user", Content: "more?", At: time.Now()}}})
	c := newClient(t, emu.URL(), emu.APIKey())
	ctx := context.Background()
	conversations, err := c.ListConversations(ctx, emu.ProjectID(), mintlify.DateRange{}, mintlify.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	first := conversations[0]
	if len(conversations) != 1002 || len(analyticsQueries(t, emu, "assistant")) != 2 || first.ID != stored[0].ID ||
		*first.QueryCategory != "setup" || *first.PageURL != "https://docs.example.com/a" || first.ResponseType != "answer" || first.ResolutionStatus != "answered" {
		t.Fatalf("%d conversations in %d calls, first %+v; want 1002 in 2 pages of 1000", len(conversations), len(analyticsQueries(t, emu, "assistant")), first)
	}
	thread, err := c.GetThread(ctx, emu.ProjectID(), first.ID)
	if err != nil || thread.ThreadID != first.ID || len(thread.Messages) != 3 || thread.Messages[2].Content != "more?" {
		t.Errorf("thread = %+v, %v", thread, err)
	}
	var notFound *mintlify.NotFoundError
	if _, err := c.GetThread(ctx, emu.ProjectID(), "01ARZ3NDEKTSV4RRFFQ69G5FAV"); !errors.As(err, &notFound) {
		t.Errorf("unknown thread: %v; want NotFoundError", err)
	}
	day := time.Now().UTC().Add(-24 * time.Hour).Format("2006-01-02")
	stats, err := c.CallerStats(ctx, emu.ProjectID(), mintlify.DateRange{DateTo: day})
	if err != nil || stats.Total == 0 || stats.Total != stats.Web+stats.API+stats.Other || stats.Total >= 1002 {
		t.Errorf("caller stats before %s = %+v, %v", day, stats, err)
	}
	if q := analyticsQueries(t, emu, "assistant/caller-stats"); len(q) != 1 || q[0].Encode() != "dateTo="+day {
		t.Errorf("caller stats queries %v", q)
	}
}

func TestSearchesAndTraffic(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{})
	emu.GenerateAnalytics("", emulator.AnalyticsVolume{Searches: 102 * 102}) // 102 terms
	var views []emulator.PageView
	for i := range 260 {
		views = append(views, emulator.PageView{Path: fmt.Sprintf("/p%03d", i), VisitorID: "v", AI: i%2 == 0})
	}
	emu.AddPageViews(views...)
	c := newClient(t, emu.URL(), emu.APIKey())
	ctx := context.Background()
	searches, err := c.ListSearches(ctx, emu.ProjectID(), mintlify.DateRange{DateFrom: "2000-01-01"}, mintlify.ListOptions{})
	if err != nil || len(searches.Terms) != 102 || searches.TotalSearches != 102*102 || searches.Terms[0].Hits != 203 || searches.Terms[0].TopClickedPage == nil {
		t.Fatalf("searches = %d terms of %d searches, %v", len(searches.Terms), searches.TotalSearches, err)
	}
	if q := analyticsQueries(t, emu, "searches"); len(q) != 2 || q[0].Get("dateFrom") != "2000-01-01" || q[1].Get("cursor") == "" || q[1].Get("limit") != "100" {
		t.Errorf("search queries %v; want 2 pages of 100, the range on each", q)
	}
	for endpoint, list := range map[string]func(context.Context, string, mintlify.DateRange, mintlify.ListOptions) (*mintlify.TrafficReport, error){
		"views": c.ListViews, "visitors": c.ListVisitors,
	} {
		report, err := list(ctx, emu.ProjectID(), mintlify.DateRange{DateTo: "2999-12-31"}, mintlify.ListOptions{})
		if err != nil || len(report.Pages) != 260 || report.Pages[0].Path != "/p000" || report.Pages[0].AI != 1 {
			t.Fatalf("%s = %+v, %v", endpoint, report, err)
		}
		queries := analyticsQueries(t, emu, endpoint)
		if len(queries) != 2 || queries[1].Get("offset") != "250" || queries[1].Get("limit") != "250" || queries[1].Get("dateTo") != "2999-12-31" {
			t.Errorf("%s queries %v; want 2 pages of 250", endpoint, queries)
		}
	}
	views2, _ := c.ListViews(ctx, emu.ProjectID(), mintlify.DateRange{}, mintlify.ListOptions{})
	visitors, _ := c.ListVisitors(ctx, emu.ProjectID(), mintlify.DateRange{}, mintlify.ListOptions{})
	if views2.Totals != (mintlify.Traffic{Human: 130, AI: 130, Total: 260}) || visitors.Totals != (mintlify.Traffic{Human: 1, AI: 1, Total: 1}) {
		t.Errorf("totals: views %+v, visitors %+v; want 260 views by one visitor", views2.Totals, visitors.Totals)
	}
}

func TestAnalyticsLimit(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{Analytics: emulator.AnalyticsOptions{Limit: 2}})
	emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: 250}) // 3 pages
	c := newClient(t, emu.URL(), emu.APIKey())
	// Mintlify asks to wait far past the deadline: the 429 is returned at
	// once.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.ListFeedback(ctx, emu.ProjectID(), mintlify.FeedbackFilter{}, mintlify.ListOptions{})
	var limited *mintlify.RateLimitedError
	if !errors.As(err, &limited) || limited.Limit != mintlify.AnalyticsLimit || limited.RetryAfter < 59*time.Minute {
		t.Fatalf("err = %v; want a RateLimitedError naming the analytics limit", err)
	}
	for name, call := range map[string]func() error{
		"searches": func() error {
			_, err := c.ListSearches(ctx, emu.ProjectID(), mintlify.DateRange{}, mintlify.ListOptions{})
			return err
		},
		"thread": func() error { _, err := c.GetThread(ctx, emu.ProjectID(), "01ARZ3NDEKTSV4RRFFQ69G5FAV"); return err },
		"visitors": func() error {
			_, err := c.ListVisitors(ctx, emu.ProjectID(), mintlify.DateRange{}, mintlify.ListOptions{})
			return err
		},
	} {
		if err := call(); !errors.As(err, &limited) || limited.Limit != mintlify.AnalyticsLimit {
			t.Errorf("%s: %v; want the shared analytics limit", name, err)
		}
	}
}

// TestListingsStopAtMaxItems reads at most MaxItems items, the first the
// API lists, in pages of MaxItems or of the largest the endpoint serves,
// and sends no call once it has them.
func TestListingsStopAtMaxItems(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{Analytics: emulator.AnalyticsOptions{Limit: -1}})
	emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: 20_000, Conversations: 1500, Searches: 150 * 150, PageViews: 300 * 300})
	c := newClient(t, emu.URL(), emu.APIKey())
	ctx := context.Background()
	all, err := c.ListFeedback(ctx, emu.ProjectID(), mintlify.FeedbackFilter{}, mintlify.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Each case lists with MaxItems and returns the ids of what it read.
	type listing func(mintlify.ListOptions) ([]string, error)
	feedback := func(o mintlify.ListOptions) ([]string, error) {
		items, err := c.ListFeedback(ctx, emu.ProjectID(), mintlify.FeedbackFilter{}, o)
		return ids(items, func(f mintlify.Feedback) string { return f.ID }), err
	}
	conversations := func(o mintlify.ListOptions) ([]string, error) {
		items, err := c.ListConversations(ctx, emu.ProjectID(), mintlify.DateRange{}, o)
		return ids(items, func(c mintlify.Conversation) string { return c.ID }), err
	}
	searches := func(o mintlify.ListOptions) ([]string, error) {
		s, err := c.ListSearches(ctx, emu.ProjectID(), mintlify.DateRange{}, o)
		if err != nil {
			return nil, err
		}
		if s.TotalSearches != 150*150 {
			t.Errorf("total searches %d, want every search of the range, capped or not", s.TotalSearches)
		}
		return ids(s.Terms, func(term mintlify.SearchTerm) string { return term.SearchQuery }), nil
	}
	views := func(o mintlify.ListOptions) ([]string, error) {
		r, err := c.ListViews(ctx, emu.ProjectID(), mintlify.DateRange{}, o)
		if err != nil {
			return nil, err
		}
		if r.Totals.Total != 300*300 {
			t.Errorf("site-wide views %v, want every view, capped or not", r.Totals.Total)
		}
		return ids(r.Pages, func(p mintlify.PageTraffic) string { return p.Path }), nil
	}
	for _, tc := range []struct {
		name, endpoint string
		list           listing
		max            int
		want, calls    int
		limit          string
		first          string
	}{
		{"250 of 20,000 feedback entries", "feedback", feedback, 250, 250, 3, "100", all[0].ID},
		{"30 feedback entries", "feedback", feedback, 30, 30, 1, "30", all[0].ID},
		{"two full pages, no third call", "feedback", feedback, 200, 200, 2, "100", all[0].ID},
		{"conversations", "assistant", conversations, 1200, 1200, 2, "1000", ""},
		{"more than there are", "assistant", conversations, 5000, 1500, 2, "1000", ""},
		{"the most searched terms", "searches", searches, 5, 5, 1, "5", "term 149"},
		{"the pages of views", "views", views, 260, 260, 2, "250", "/page-299"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(analyticsQueries(t, emu, tc.endpoint))
			ids, err := tc.list(mintlify.ListOptions{MaxItems: tc.max})
			queries := analyticsQueries(t, emu, tc.endpoint)[before:]
			if err != nil || len(ids) != tc.want || len(queries) != tc.calls {
				t.Fatalf("%d items in %d calls, %v; want %d in %d", len(ids), len(queries), err, tc.want, tc.calls)
			}
			for _, q := range queries {
				if q.Get("limit") != tc.limit {
					t.Errorf("a call asked for pages of %s, want %s", q.Get("limit"), tc.limit)
				}
			}
			if tc.first != "" && ids[0] != tc.first {
				t.Errorf("first item %s, want %s: the cap keeps the first the API lists", ids[0], tc.first)
			}
		})
	}
	got, _ := feedback(mintlify.ListOptions{MaxItems: 250})
	for i := range got {
		if got[i] != all[i].ID {
			t.Fatalf("entry %d of the capped listing is %s, want %s: the newest, in order", i, got[i], all[i].ID)
		}
	}
}

// ids are what id says of each item.
func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = id(item)
	}
	return out
}

// TestListingErrorCountsCalls: a listing refused part way says how many
// calls it sent.
func TestListingErrorCountsCalls(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{Analytics: emulator.AnalyticsOptions{Limit: 2}})
	emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: 250})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := newClient(t, emu.URL(), emu.APIKey()).ListFeedback(ctx, emu.ProjectID(), mintlify.FeedbackFilter{}, mintlify.ListOptions{})
	var listing *mintlify.ListingError
	var limited *mintlify.RateLimitedError
	if !errors.As(err, &listing) || listing.Calls != 3 || !errors.As(err, &limited) || !strings.Contains(err.Error(), "call 3 of the listing") {
		t.Errorf("err = %v; want a ListingError of 3 calls around the RateLimitedError", err)
	}
}

// pagesAnswering serves a listing whose pages answer page(n) for the n-th
// call.
func pagesAnswering(t *testing.T, page func(n int32) string) (*mintlify.Client, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(page(calls.Add(1))))
	}))
	t.Cleanup(srv.Close)
	return newClient(t, srv.URL, "k"), &calls
}

func TestAnalyticsPagingEndsOnTheDocumentedSignal(t *testing.T) {
	ctx := context.Background()
	// A short page with hasMore goes on; hasMore false stops, whatever the
	// cursor.
	c, calls := pagesAnswering(t, func(n int32) string {
		return fmt.Sprintf(`{"feedback":[{"id":"f%d"}],"nextCursor":"c%d","hasMore":%v}`, n, n, n < 3)
	})
	if items, err := c.ListFeedback(ctx, "p", mintlify.FeedbackFilter{}, mintlify.ListOptions{}); err != nil || len(items) != 3 || calls.Load() != 3 {
		t.Errorf("%d entries after %d calls, %v; want 3 after 3", len(items), calls.Load(), err)
	}
	c, calls = pagesAnswering(t, func(n int32) string {
		if n < 2 {
			return `{"searches":[],"totalSearches":7,"nextCursor":"next"}`
		}
		return `{"searches":[{"searchQuery":"a"}],"totalSearches":7,"nextCursor":null}`
	})
	if s, err := c.ListSearches(ctx, "p", mintlify.DateRange{}, mintlify.ListOptions{}); err != nil || len(s.Terms) != 1 || s.TotalSearches != 7 || calls.Load() != 2 {
		t.Errorf("searches %+v after %d calls, %v; want an empty page followed, the end at a null cursor", s, calls.Load(), err)
	}
	var decode *mintlify.DecodeError
	for name, page := range map[string]func(int32) string{
		"more without a cursor": func(int32) string { return `{"feedback":[],"nextCursor":null,"hasMore":true}` },
		"the same cursor again": func(int32) string { return `{"feedback":[],"nextCursor":"same","hasMore":true}` },
	} {
		c, calls := pagesAnswering(t, page)
		if _, err := c.ListFeedback(ctx, "p", mintlify.FeedbackFilter{}, mintlify.ListOptions{}); !errors.As(err, &decode) || calls.Load() > 2 {
			t.Errorf("%s: %v after %d calls; want a DecodeError at once", name, err, calls.Load())
		}
	}
	c, calls = pagesAnswering(t, func(n int32) string { return fmt.Sprintf(`{"views":[],"totals":{},"hasMore":true,"n":%d}`, n) })
	if _, err := c.ListViews(ctx, "p", mintlify.DateRange{}, mintlify.ListOptions{}); err == nil || !strings.Contains(err.Error(), "more than 1000 pages") || calls.Load() != 1000 {
		t.Errorf("a listing that never ends: %v after %d calls; want an error after 1000", err, calls.Load())
	}
}

// TestListingTenThousandFeedbackEntries takes the fewest calls the paging
// allows: 100 pages of 100, the last one saying there is no more.
func TestListingTenThousandFeedbackEntries(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{})
	emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: 10_000})
	items, err := newClient(t, emu.URL(), emu.APIKey()).ListFeedback(context.Background(), emu.ProjectID(), mintlify.FeedbackFilter{}, mintlify.ListOptions{})
	if err != nil || len(items) != 10_000 || len(emu.Requests()) != 100 {
		t.Errorf("%d entries in %d calls, %v; want 10,000 in 100, within the hour's analytics limit", len(items), len(emu.Requests()), err)
	}
}

// BenchmarkListFeedback lists feedback entries from the emulator over
// loopback HTTP, its contract check included: all of 10,000, and 250 of
// 20,000 with MaxItems, and reports the calls per listing.
func BenchmarkListFeedback(b *testing.B) {
	for _, bc := range []struct {
		name         string
		entries, max int
	}{{"all of 10000", 10_000, 0}, {"250 of 20000", 20_000, 250}} {
		b.Run(bc.name, func(b *testing.B) {
			emu := emulator.Start(b, emulator.Options{Analytics: emulator.AnalyticsOptions{Limit: -1}})
			emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: bc.entries})
			c, err := mintlify.New(mintlify.Config{BaseURL: emu.URL(), APIKey: emu.APIKey()})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			want := cmp.Or(bc.max, bc.entries)
			for b.Loop() {
				items, err := c.ListFeedback(ctx, emu.ProjectID(), mintlify.FeedbackFilter{}, mintlify.ListOptions{MaxItems: bc.max})
				if err != nil || len(items) != want {
					b.Fatalf("%d entries, %v", len(items), err)
				}
			}
			b.ReportMetric(float64(len(emu.Requests()))/float64(b.N), "calls/op")
		})
	}
}
