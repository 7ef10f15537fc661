package provider

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// analyticsSource is one data source over Mintlify's analytics: what it
// reads and what it reports. Each is declared in a file of its own (such as
// feedback_data_source.go); analyticsDataSource serves them all the same
// way: a project (the provider's by default), a date range, its filters,
// max_items when it pages, and its fields, built as raw values so that
// listings of thousands of items cost no reflection.
type analyticsSource[T any] struct {
	// name is the type's name after the provider's, such as "feedback".
	name, doc string
	// undated sources take no date range (a thread).
	undated bool
	// filters are its arguments besides project_id, date_from, date_to and
	// max_items.
	filters map[string]schema.Attribute
	// paged is a source read in pages, which max_items caps; nil for one
	// read in a single call.
	paged  *paging
	fields fields[T]
	// read asks the API, with the configured arguments.
	read func(ctx context.Context, c *mintlify.Client, project string, args analyticsArgs) (T, error)
}

// paging is how a paged source lists its items: what they are, in which
// order the API lists them (which decides those max_items keeps), and the
// largest page it serves.
type paging struct {
	items, order string
	page         int
}

// analyticsArgs are a read's configured arguments.
type analyticsArgs struct {
	// strings are the string arguments by name, "" when null.
	strings map[string]string
	// list is max_items, for a paged source.
	list mintlify.ListOptions
}

// analyticsWait bounds a read, all its pages and a 429's wait included: a
// Retry-After that fits is waited out, one asking for longer fails at once,
// saying when to try again (the analytics limit is hourly, and a plan
// should not hang on it).
const analyticsWait = 5 * time.Minute

// note says what the source shares with every analytics data source, and
// how it reads.
func (s analyticsSource[T]) note() string {
	how := "this one reads in one call"
	if s.paged != nil {
		how = "this one follows every page, at the largest page size the API allows, unless `max_items` caps it"
	}
	return "Every analytics data source counts against one limit for the whole organization (" + mintlify.AnalyticsLimit.Allowance +
		"), at every plan and refresh; " + how + ", within `" + durationText(analyticsWait) + "`."
}

type analyticsDataSource[T any] struct {
	dataSourceBase
	source analyticsSource[T]
}

// newAnalyticsDataSource serves source.
func newAnalyticsDataSource[T any](source analyticsSource[T]) datasource.DataSource {
	return &analyticsDataSource[T]{dataSourceBase: dataSourceBase{name: source.name}, source: source}
}

func (d *analyticsDataSource[T]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.source.fields.dataSourceAttributes()
	for name, a := range d.source.filters {
		attrs[name] = a
	}
	attrs["project_id"] = schema.StringAttribute{
		MarkdownDescription: "The project whose analytics to read. Defaults to the provider's `project_id`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{validators.ProjectID},
	}
	if p := d.source.paged; p != nil {
		attrs["max_items"] = schema.Int64Attribute{MarkdownDescription: p.maxItemsDoc(), Optional: true, Validators: maxItemsValidators}
	}
	if !d.source.undated {
		attrs["date_from"] = schema.StringAttribute{
			MarkdownDescription: "The start of the date range, included: a date (`2026-11-24`) or an RFC 3339 time. Unset, the API's own.",
			Optional:            true,
			Validators:          []validator.String{validators.Date()},
		}
		attrs["date_to"] = schema.StringAttribute{
			MarkdownDescription: "The end of the date range, excluded: a date (`2026-12-01`) or an RFC 3339 time. Unset, the API's own.",
			Optional:            true,
			Validators:          []validator.String{validators.Date()},
		}
	}
	resp.Schema = schema.Schema{MarkdownDescription: d.source.doc + "\n\n" + d.source.note(), Attributes: attrs}
}

// Read reads what the configuration asks for. The ephemeral twins read
// through it too, max_items included.
func (d *analyticsDataSource[T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	config, diags := newRawState(req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	args := analyticsArgs{strings: map[string]string{}}
	for name := range config.attrs {
		args.strings[name] = config.string(name)
	}
	if d.source.paged != nil {
		args.list.MaxItems = rawInt(config.attrs["max_items"])
	}
	client, project, diags := d.data.clientFor(types.StringValue(args.strings["project_id"]))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, analyticsWait)
	defer cancel()
	v, err := d.source.read(ctx, client, project, args)
	if err != nil {
		s := situation{kind: &kind{noun: d.source.name}, project: project, id: args.strings["id"],
			timeout: "the read's time limit of " + durationText(analyticsWait)}
		if listing := (*mintlify.ListingError)(nil); errors.As(err, &listing) {
			s.calls = listing.Calls
		}
		resp.Diagnostics.AddError("Could not read the Mintlify analytics ("+d.source.name+")", d.data.explain(ctx, err, s))
		return
	}
	values := d.source.fields.values(v)
	values["project_id"] = tfString(project)
	config.set(values)
	resp.State.Raw = config.value()
}

// maxItemsValidators check max_items when the configuration is validated.
var maxItemsValidators = []validator.Int64{int64validator.AtLeast(1)}

// maxItemsDoc is max_items's description for a source that pages this way.
func (p *paging) maxItemsDoc() string {
	return fmt.Sprintf("Read at most this many %s: %s. They take the fewest calls: each asks for `max_items`, or for %d (the "+
		"most the API serves in one call) when it is more, and none is made once they are read. Unset, every one is read, %d "+
		"per call. Set it to keep a plan's share of the organization's analytics limit small.", p.items, p.order, p.page, p.page)
}

// rawInt is a whole number attribute's value, 0 when null or unknown.
func rawInt(v tftypes.Value) int {
	var f big.Float
	if !v.IsKnown() || v.IsNull() || v.As(&f) != nil {
		return 0
	}
	n, _ := f.Int64()
	return int(n)
}

// dates is the date range configured.
func dates(args analyticsArgs) mintlify.DateRange {
	return mintlify.DateRange{DateFrom: args.strings["date_from"], DateTo: args.strings["date_to"]}
}

// count is an API number that counts, as a whole number.
func count(n float64) int64 { return int64(n) }
