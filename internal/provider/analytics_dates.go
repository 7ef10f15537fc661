package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ConfigValidators checks the date range at validate time: Mintlify would
// answer 400 to a range that ends before it starts, and the call would count
// against the hourly limit.
func (d *analyticsDataSource[T]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	if d.source.undated {
		return nil
	}
	return []datasource.ConfigValidator{dateRange{}}
}

// dateRange requires date_from not to be after date_to.
type dateRange struct{}

func (dateRange) Description(context.Context) string { return "date_from must not be after date_to" }

func (r dateRange) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (dateRange) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var from, to types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("date_from"), &from)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("date_to"), &to)...)
	start, startOK := dateOf(from)
	end, endOK := dateOf(to)
	if startOK && endOK && start.After(end) {
		resp.Diagnostics.AddAttributeError(path.Root("date_from"), "Invalid date range", fmt.Sprintf(
			"date_from (%s) is after date_to (%s): the range starts at date_from, included, and ends at date_to, excluded. "+
				"Swap them, or move one.", from.ValueString(), to.ValueString()))
	}
}

// dateOf is a date argument's time: a date is its midnight in UTC. It
// reports false when the value is unset, unknown or not a date (its own
// validator says so).
func dateOf(v types.String) (time.Time, bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.DateOnly, v.ValueString()); err == nil {
		return t, true
	}
	t, err := time.Parse(time.RFC3339Nano, v.ValueString())
	return t, err == nil
}
