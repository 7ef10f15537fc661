package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewSearchesDataSource is mintlify_searches: what readers searched for.
func NewSearchesDataSource() datasource.DataSource {
	return newAnalyticsDataSource(analyticsSource[*mintlify.Searches]{
		name: "searches",
		doc: "Lists what readers searched the docs for, the most searched first, and how they fared: how often each term " +
			"was searched (`hits`), how often a result was clicked (`ctr`), and which result most. A term whose `ctr` is 0 " +
			"found nothing readers wanted.",
		paged: &paging{items: "search terms", order: "the API lists them the most searched first, so these are the most searched", page: mintlify.MaxSearchPage},
		fields: fields[*mintlify.Searches]{
			listOf("searches", "The search terms, the most searched first.", searchFields,
				func(s *mintlify.Searches) []mintlify.SearchTerm { return s.Terms }),
			integer("total_searches", "How many searches were made in the date range, all terms together (also those `max_items` leaves out).", func(s *mintlify.Searches) int64 { return int64(s.TotalSearches) }),
		},
		read: func(ctx context.Context, c *mintlify.Client, project string, args analyticsArgs) (*mintlify.Searches, error) {
			return c.ListSearches(ctx, project, dates(args), args.list)
		},
	})
}

var searchFields = fields[mintlify.SearchTerm]{
	text("query", "The search term.", func(s mintlify.SearchTerm) string { return s.SearchQuery }),
	integer("hits", "How many times readers searched for it.", func(s mintlify.SearchTerm) int64 { return count(s.Hits) }),
	number("ctr", "How often a search for it led to a click on a result, from 0 to 1.", func(s mintlify.SearchTerm) float64 { return s.CTR }),
	text("top_clicked_page", "The result clicked most; null when none was.", func(s mintlify.SearchTerm) string { return deref(s.TopClickedPage) }),
	text("last_searched_at", "When it was last searched for, as the API wrote it.", func(s mintlify.SearchTerm) string { return s.LastSearchedAt }),
}
