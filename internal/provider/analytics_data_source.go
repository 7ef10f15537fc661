package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// analyticsSource is one data source over Mintlify's analytics: what it
// reads and what it reports. Each is declared in a file of its own (such as
// feedback_data_source.go); analyticsDataSource serves them all the same
// way: a project (the provider's by default), a date range, its filters,
// and its fields, built as raw values so that listings of thousands of
// items cost no reflection.
type analyticsSource[T any] struct {
	// name is the type's name after the provider's, such as "feedback".
	name, doc string
	// undated sources take no date range (a thread).
	undated bool
	// filters are its arguments besides project_id, date_from and date_to.
	filters map[string]schema.Attribute
	fields  fields[T]
	// read asks the API, with the configured arguments by name.
	read func(ctx context.Context, c *mintlify.Client, project string, args map[string]string) (T, error)
}

// analyticsWait bounds a read, all its pages and a 429's wait included: a
// Retry-After that fits is waited out, one asking for longer fails at once,
// saying when to try again (the analytics limit is hourly, and a plan
// should not hang on it).
const analyticsWait = 5 * time.Minute

// analyticsNote says what every analytics data source shares.
var analyticsNote = "Every analytics data source counts against one limit for the whole organization (" +
	mintlify.AnalyticsLimit.Allowance + "), at every plan and refresh; a listing follows every page, at the largest " +
	"page size the API allows, within `" + durationText(analyticsWait) + "`."

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
	resp.Schema = schema.Schema{MarkdownDescription: d.source.doc + "\n\n" + analyticsNote, Attributes: attrs}
}

func (d *analyticsDataSource[T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	config, diags := newRawState(req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	args := map[string]string{}
	for name := range config.attrs {
		args[name] = config.string(name)
	}
	client, project, diags := d.data.clientFor(types.StringValue(args["project_id"]))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, analyticsWait)
	defer cancel()
	v, err := d.source.read(ctx, client, project, args)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Mintlify analytics ("+d.source.name+")",
			d.data.explain(ctx, err, situation{kind: &kind{noun: d.source.name}, project: project, id: args["id"],
				timeout: "the read's time limit of " + durationText(analyticsWait)}))
		return
	}
	values := d.source.fields.values(v)
	values["project_id"] = tfString(project)
	config.set(values)
	resp.State.Raw = config.value()
}

// dates is the date range configured.
func dates(args map[string]string) mintlify.DateRange {
	return mintlify.DateRange{DateFrom: args["date_from"], DateTo: args["date_to"]}
}

// count is an API number that counts, as a whole number.
func count(n float64) int64 { return int64(n) }
