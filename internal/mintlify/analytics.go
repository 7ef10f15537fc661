package mintlify

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Feedback sources and statuses the analytics API documents.
const (
	FeedbackSourceCodeSnippet = "code_snippet"
	FeedbackSourceContextual  = "contextual"
	FeedbackSourceAgent       = "agent"
	FeedbackSourceThumbsOnly  = "thumbs_only"

	FeedbackStatusPending    = "pending"
	FeedbackStatusInProgress = "in_progress"
	FeedbackStatusResolved   = "resolved"
	FeedbackStatusDismissed  = "dismissed"
)

// The largest pages the analytics endpoints serve: listings ask for them,
// to take the fewest calls from the shared analytics limit.
const (
	MaxFeedbackPage     = 100
	MaxConversationPage = 1000
	MaxSearchPage       = 100
	MaxTrafficPage      = 250
)

// maxAnalyticsPages bounds a listing, so that an answer that never ends is
// an error and not a loop.
const maxAnalyticsPages = 1000

// ListOptions bound a paged listing.
type ListOptions struct {
	// MaxItems > 0 reads at most that many items, the first the API lists,
	// in the fewest calls: pages of MaxItems, or of the largest the
	// endpoint serves when that is fewer, and no call once MaxItems are
	// read. 0 reads every item.
	MaxItems int
}

// pageSize is the page to ask for, when the largest the endpoint serves is
// largest.
func (o ListOptions) pageSize(largest int) int {
	if o.MaxItems > 0 {
		return min(o.MaxItems, largest)
	}
	return largest
}

// enough says whether n items are all the listing wants.
func (o ListOptions) enough(n int) bool { return o.MaxItems > 0 && n >= o.MaxItems }

// capped is items cut to MaxItems.
func capped[T any](items []T, o ListOptions) []T {
	if o.enough(len(items)) {
		return items[:o.MaxItems]
	}
	return items
}

// ListingError is a paged listing that failed: Calls is how many calls it
// sent, the failed one included, so a caller can say what the listing cost
// before it was refused. Err is the failure, such as a RateLimitedError.
type ListingError struct {
	Calls int
	Err   error
}

func (e *ListingError) Error() string {
	if e.Calls <= 1 {
		return e.Err.Error()
	}
	return fmt.Sprintf("%v (call %d of the listing)", e.Err, e.Calls)
}

func (e *ListingError) Unwrap() error { return e.Err }

// DateRange bounds analytics: DateFrom inclusive, DateTo exclusive. Each is
// empty (open), a date (YYYY-MM-DD) or an ISO 8601 time, sent as it is.
type DateRange struct {
	DateFrom string
	DateTo   string
}

func (d DateRange) query() url.Values {
	q := url.Values{}
	if d.DateFrom != "" {
		q.Set("dateFrom", d.DateFrom)
	}
	if d.DateTo != "" {
		q.Set("dateTo", d.DateTo)
	}
	return q
}

// FeedbackFilter selects feedback; the API applies it.
type FeedbackFilter struct {
	DateFrom, DateTo string
	// Source is one of the FeedbackSource constants, or empty for all.
	Source string
	// Status keeps the entries in any of these statuses; empty, all.
	Status []string
}

func (f FeedbackFilter) query() url.Values {
	q := DateRange{f.DateFrom, f.DateTo}.query()
	if f.Source != "" {
		q.Set("source", f.Source)
	}
	if len(f.Status) > 0 {
		q.Set("status", strings.Join(f.Status, ","))
	}
	return q
}

// Feedback is one feedback entry. Which optional fields it has depends on
// its source. The document gives its times no format: they are the API's
// text.
type Feedback struct {
	ID        string  `json:"id"`
	Path      string  `json:"path"`
	Comment   *string `json:"comment"`
	CreatedAt *string `json:"createdAt"`
	Source    string  `json:"source"`
	Status    string  `json:"status"`
	// Helpful and Contact are a contextual entry's.
	Helpful *bool   `json:"helpful"`
	Contact *string `json:"contact"`
	// Code, Filename and Lang are a code snippet entry's.
	Code     *string `json:"code"`
	Filename *string `json:"filename"`
	Lang     *string `json:"lang"`
}

// PageFeedback is the feedback of one documentation page.
type PageFeedback struct {
	Path       string  `json:"path"`
	ThumbsUp   float64 `json:"thumbsUp"`
	ThumbsDown float64 `json:"thumbsDown"`
	Code       float64 `json:"code"`
	Total      float64 `json:"total"`
}

// FeedbackByPage is the pages with the most feedback. HasMore says there
// are more pages than the API returns: it offers no way to page on.
type FeedbackByPage struct {
	Pages   []PageFeedback `json:"feedback"`
	HasMore bool           `json:"hasMore"`
}

// Conversation is one assistant conversation; its ID is the thread's.
type Conversation struct {
	ID        string `json:"id"`
	Timestamp string `json:"timestamp"`
	Query     string `json:"query"`
	Response  string `json:"response"`
	// ResponseType is "answer" or "clarifying_question".
	ResponseType string               `json:"responseType"`
	Sources      []ConversationSource `json:"sources"`
	// ResolutionStatus is "answered" or "unanswered".
	ResolutionStatus string  `json:"resolutionStatus"`
	QueryCategory    *string `json:"queryCategory"`
	PageURL          *string `json:"pageUrl"`
}

// ConversationSource is a documentation page an answer cites.
type ConversationSource struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Thread is an assistant conversation's whole transcript.
type Thread struct {
	ThreadID  string          `json:"threadId"`
	CreatedAt string          `json:"createdAt"`
	Messages  []ThreadMessage `json:"messages"`
}

// ThreadMessage is one message of a thread; Role is "user" or "assistant".
type ThreadMessage struct {
	ID        string `json:"id"`
	Role      string `json:"role"`
	Content   string `json:"content"`
	CreatedAt string `json:"createdAt"`
}

// CallerStats counts assistant queries by where they came from.
type CallerStats struct {
	Web   float64 `json:"web"`
	API   float64 `json:"api"`
	Other float64 `json:"other"`
	Total float64 `json:"total"`
}

// SearchTerm is one search term and how readers fared with it.
type SearchTerm struct {
	SearchQuery    string  `json:"searchQuery"`
	Hits           float64 `json:"hits"`
	CTR            float64 `json:"ctr"`
	TopClickedPage *string `json:"topClickedPage"`
	LastSearchedAt string  `json:"lastSearchedAt"`
}

// Searches is every search term of a date range, most searched first, and
// the number of searches they add up to.
type Searches struct {
	Terms         []SearchTerm
	TotalSearches int
}

// Traffic counts views, or visitors, from humans and AI. A visitor total is
// deduplicated across the two.
type Traffic struct {
	Human float64 `json:"human"`
	AI    float64 `json:"ai"`
	Total float64 `json:"total"`
}

// PageTraffic is one page's traffic.
type PageTraffic struct {
	Path string `json:"path"`
	Traffic
}

// TrafficReport is a date range's traffic, site-wide and by page.
type TrafficReport struct {
	Totals Traffic
	Pages  []PageTraffic
}

func analyticsPath(projectID string, endpoint ...string) []string {
	return append([]string{"v1", "analytics", projectID}, endpoint...)
}

// analyticsGet reads one analytics answer, counted against the analytics
// limit.
func analyticsGet[T any](ctx context.Context, c *Client, path []string, q url.Values) (*T, error) {
	var out T
	if err := c.do(ctx, call{method: http.MethodGet, path: path, query: q, limit: AnalyticsLimit}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListFeedback reads the feedback entries the filter selects, newest
// first, following the cursor to the last page or to o.MaxItems.
func (c *Client) ListFeedback(ctx context.Context, projectID string, f FeedbackFilter, o ListOptions) ([]Feedback, error) {
	items, _, err := followCursor[Feedback, feedbackPage](ctx, c, analyticsPath(projectID, "feedback"), f.query(), MaxFeedbackPage, o)
	return items, err
}

// FeedbackByPage reads the pages with the most feedback, as many as the
// API returns in one answer.
func (c *Client) FeedbackByPage(ctx context.Context, projectID string, f FeedbackFilter) (*FeedbackByPage, error) {
	q := f.query()
	q.Set("limit", strconv.Itoa(MaxFeedbackPage))
	return analyticsGet[FeedbackByPage](ctx, c, analyticsPath(projectID, "feedback", "by-page"), q)
}

// ListConversations reads the assistant conversations of the range, newest
// first, every one or o.MaxItems.
func (c *Client) ListConversations(ctx context.Context, projectID string, r DateRange, o ListOptions) ([]Conversation, error) {
	items, _, err := followCursor[Conversation, conversationPage](ctx, c, analyticsPath(projectID, "assistant"), r.query(), MaxConversationPage, o)
	if err != nil {
		return nil, err
	}
	for i := range items {
		// The document's default when the field is absent.
		if items[i].ResponseType == "" {
			items[i].ResponseType = "answer"
		}
	}
	return items, nil
}

// GetThread reads the transcript of an assistant conversation, by its id.
func (c *Client) GetThread(ctx context.Context, projectID, threadID string) (*Thread, error) {
	return analyticsGet[Thread](ctx, c, analyticsPath(projectID, "assistant", "threads", threadID), nil)
}

// CallerStats counts the assistant queries of the range by caller.
func (c *Client) CallerStats(ctx context.Context, projectID string, r DateRange) (*CallerStats, error) {
	return analyticsGet[CallerStats](ctx, c, analyticsPath(projectID, "assistant", "caller-stats"), r.query())
}

// ListSearches reads the search terms of the range, most searched first,
// every one or o.MaxItems; TotalSearches counts every search of the range.
func (c *Client) ListSearches(ctx context.Context, projectID string, r DateRange, o ListOptions) (*Searches, error) {
	terms, last, err := followCursor[SearchTerm, searchPage](ctx, c, analyticsPath(projectID, "searches"), r.query(), MaxSearchPage, o)
	if err != nil {
		return nil, err
	}
	return &Searches{Terms: terms, TotalSearches: last.TotalSearches}, nil
}

// ListViews reads the range's page views, site-wide and for every page in
// the order the API lists them (or the first o.MaxItems pages).
func (c *Client) ListViews(ctx context.Context, projectID string, r DateRange, o ListOptions) (*TrafficReport, error) {
	return c.listTraffic(ctx, projectID, "views", r, o)
}

// ListVisitors reads the range's distinct visitors, site-wide and for every
// page in the order the API lists them (or the first o.MaxItems pages).
func (c *Client) ListVisitors(ctx context.Context, projectID string, r DateRange, o ListOptions) (*TrafficReport, error) {
	return c.listTraffic(ctx, projectID, "visitors", r, o)
}

// listTraffic follows the offset paging of views or visitors (endpoint)
// while the API says there is more, and o wants more.
func (c *Client) listTraffic(ctx context.Context, projectID, endpoint string, r DateRange, o ListOptions) (*TrafficReport, error) {
	var report TrafficReport
	q := r.query()
	size := o.pageSize(MaxTrafficPage)
	q.Set("limit", strconv.Itoa(size))
	for page := range maxAnalyticsPages {
		q.Set("offset", strconv.Itoa(page*size))
		out, err := analyticsGet[trafficPage](ctx, c, analyticsPath(projectID, endpoint), q)
		if err != nil {
			return nil, &ListingError{Calls: page + 1, Err: err}
		}
		// Site-wide, the same on every page.
		report.Totals = out.Totals
		report.Pages = append(append(report.Pages, out.Views...), out.Visitors...)
		if !out.HasMore || o.enough(len(report.Pages)) {
			report.Pages = capped(report.Pages, o)
			return &report, nil
		}
	}
	return nil, &ListingError{Calls: maxAnalyticsPages,
		Err: fmt.Errorf("listing the %s of project %s: more than %d pages", endpoint, projectID, maxAnalyticsPages)}
}

// trafficPage is a page of views or of visitors.
type trafficPage struct {
	Totals   Traffic       `json:"totals"`
	Views    []PageTraffic `json:"views"`
	Visitors []PageTraffic `json:"visitors"`
	HasMore  bool          `json:"hasMore"`
}

// cursorPage is the answer of a cursor-paged listing: its items, and where
// the next page starts, if there is one.
type cursorPage[T any] interface {
	page() (items []T, next *string, more bool)
}

type feedbackPage struct {
	Feedback   []Feedback `json:"feedback"`
	NextCursor *string    `json:"nextCursor"`
	HasMore    bool       `json:"hasMore"`
}

func (p *feedbackPage) page() ([]Feedback, *string, bool) { return p.Feedback, p.NextCursor, p.HasMore }

type conversationPage struct {
	Conversations []Conversation `json:"conversations"`
	NextCursor    *string        `json:"nextCursor"`
	HasMore       bool           `json:"hasMore"`
}

func (p *conversationPage) page() ([]Conversation, *string, bool) {
	return p.Conversations, p.NextCursor, p.HasMore
}

// searchPage has no hasMore: the last page's nextCursor is null.
type searchPage struct {
	Searches      []SearchTerm `json:"searches"`
	TotalSearches int          `json:"totalSearches"`
	NextCursor    *string      `json:"nextCursor"`
}

func (p *searchPage) page() ([]SearchTerm, *string, bool) {
	return p.Searches, p.NextCursor, p.NextCursor != nil
}

// followCursor reads the pages of a cursor-paged analytics listing, whose
// largest page is largest, until the answer says there is no more or o
// has enough, and returns the items and the last page.
func followCursor[T any, P any, PP interface {
	*P
	cursorPage[T]
}](ctx context.Context, c *Client, path []string, q url.Values, largest int, o ListOptions) ([]T, *P, error) {
	q.Set("limit", strconv.Itoa(o.pageSize(largest)))
	var all []T
	for calls := 1; calls <= maxAnalyticsPages; calls++ {
		out, err := analyticsGet[P](ctx, c, path, q)
		if err != nil {
			return nil, nil, &ListingError{Calls: calls, Err: err}
		}
		items, next, more := PP(out).page()
		all = append(all, items...)
		switch {
		case !more || o.enough(len(all)):
			return capped(all, o), out, nil
		case next == nil || *next == "":
			return nil, nil, &ListingError{Calls: calls, Err: pagingError(path, "says there is more but gives no nextCursor")}
		case *next == q.Get("cursor"):
			return nil, nil, &ListingError{Calls: calls, Err: pagingError(path, "gives the cursor it was asked for as its nextCursor")}
		}
		q.Set("cursor", *next)
	}
	return nil, nil, &ListingError{Calls: maxAnalyticsPages,
		Err: fmt.Errorf("listing /%s: more than %d pages", strings.Join(path, "/"), maxAnalyticsPages)}
}

// pagingError is a page whose cursor fields contradict each other or lead
// nowhere.
func pagingError(path []string, what string) error {
	return &DecodeError{StatusCode: http.StatusOK, Method: http.MethodGet, Path: "/" + strings.Join(path, "/"), Err: errors.New("the answer " + what)}
}
