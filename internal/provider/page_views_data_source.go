package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewPageViewsDataSource is mintlify_page_views: views, site-wide and by page.
func NewPageViewsDataSource() datasource.DataSource {
	return trafficDataSource("page_views", "Counts the docs' page views, site-wide (`totals`) and for every page (`pages`), "+
		"from humans and from AI bots.", "views", (*mintlify.Client).ListViews)
}

// NewVisitorsDataSource is mintlify_visitors: distinct visitors, site-wide
// and by page.
func NewVisitorsDataSource() datasource.DataSource {
	return trafficDataSource("visitors", "Counts the docs' distinct visitors, site-wide (`totals`, human and AI counted once "+
		"in `total`) and for every page (`pages`), humans and AI bots apart.", "visitors", (*mintlify.Client).ListVisitors)
}

// trafficDataSource is a data source of page traffic: what counts (views,
// visitors), and the call that reads it.
func trafficDataSource(name, doc, what string,
	read func(*mintlify.Client, context.Context, string, mintlify.DateRange, mintlify.ListOptions) (*mintlify.TrafficReport, error)) datasource.DataSource {
	counts := fields[mintlify.Traffic]{
		integer("human", "The "+what+" from humans.", func(t mintlify.Traffic) int64 { return count(t.Human) }),
		integer("ai", "The "+what+" from AI bots.", func(t mintlify.Traffic) int64 { return count(t.AI) }),
		integer("total", "All the "+what+".", func(t mintlify.Traffic) int64 { return count(t.Total) }),
	}
	pages := append(fields[mintlify.PageTraffic]{text("path", "The page.", func(p mintlify.PageTraffic) string { return p.Path })},
		fieldsOf(counts, func(p mintlify.PageTraffic) mintlify.Traffic { return p.Traffic })...)
	return newAnalyticsDataSource(analyticsSource[*mintlify.TrafficReport]{
		name: name,
		doc:  doc,
		paged: &paging{items: "pages", page: mintlify.MaxTrafficPage,
			order: "the first the API lists, in its own order (its document states none); `totals` still count every page"},
		fields: fields[*mintlify.TrafficReport]{
			nested("totals", "The site-wide "+what+".", counts, func(r *mintlify.TrafficReport) mintlify.Traffic { return r.Totals }),
			listOf("pages", "The "+what+" of every page.", pages, func(r *mintlify.TrafficReport) []mintlify.PageTraffic { return r.Pages }),
		},
		read: func(ctx context.Context, c *mintlify.Client, project string, args analyticsArgs) (*mintlify.TrafficReport, error) {
			return read(c, ctx, project, dates(args), args.list)
		},
	})
}
