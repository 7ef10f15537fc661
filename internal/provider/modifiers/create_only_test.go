package modifiers

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var testSchema = schema.Schema{Attributes: map[string]schema.Attribute{"v": schema.StringAttribute{Optional: true, Computed: true}}}

// states are a resource being created (no state) and one that exists.
func states(ctx context.Context) (creating, existing tfsdk.State) {
	typ := testSchema.Type().TerraformType(ctx)
	creating = tfsdk.State{Schema: testSchema, Raw: tftypes.NewValue(typ, nil)}
	existing = tfsdk.State{Schema: testSchema, Raw: tftypes.NewValue(typ, map[string]tftypes.Value{"v": tftypes.NewValue(tftypes.String, "x")})}
	return creating, existing
}

// TestCreateOnly plans each case of an argument sent once.
func TestCreateOnly(t *testing.T) {
	ctx := context.Background()
	creating, existing := states(ctx)
	initial := func(v attr.Value) string {
		s, _ := v.(types.String)
		return s.ValueString()[:1]
	}
	family := func(config, state attr.Value) bool { return initial(config) == initial(state) }
	for name, tc := range map[string]struct {
		m              CreateOnly
		state          tfsdk.State
		destroying     bool
		config, prior  types.String
		planned        types.String
		replace, fails bool
	}{
		"destroying changes nothing": {state: existing, destroying: true, config: types.StringNull(), prior: types.StringValue("a"),
			planned: types.StringValue("a")},
		"unknown config on a created one replaces it": {state: existing, config: types.StringUnknown(), prior: types.StringValue("a"),
			planned: types.StringUnknown(), replace: true},
		"unknown config on an imported one is recorded": {state: existing, config: types.StringUnknown(), prior: types.StringNull(),
			planned: types.StringUnknown()},
		"unknown config at create": {state: creating, config: types.StringUnknown(), prior: types.StringNull(), planned: types.StringUnknown()},
		"required and missing at create fails": {m: CreateOnly{Required: `v = "..."`}, state: creating, config: types.StringNull(),
			prior: types.StringNull(), planned: types.StringUnknown(), fails: true},
		"optional and missing at create is null": {state: creating, config: types.StringNull(), prior: types.StringNull(),
			planned: types.StringNull()},
		"reported and missing at create stays unknown": {m: CreateOnly{Reported: true}, state: creating, config: types.StringNull(),
			prior: types.StringNull(), planned: types.StringUnknown()},
		"left out later keeps the state's": {state: existing, config: types.StringNull(), prior: types.StringValue("a"),
			planned: types.StringValue("a")},
		"changed replaces": {state: existing, config: types.StringValue("b"), prior: types.StringValue("a"),
			planned: types.StringValue("b"), replace: true},
		"the same keeps": {state: existing, config: types.StringValue("a"), prior: types.StringValue("a"), planned: types.StringValue("a")},
		"the same by Same keeps": {m: CreateOnly{Same: family}, state: existing, config: types.StringValue("ab"),
			prior: types.StringValue("ac"), planned: types.StringValue("ab")},
		"set on an imported one is recorded": {state: existing, config: types.StringValue("b"), prior: types.StringNull(),
			planned: types.StringValue("b")},
	} {
		t.Run(name, func(t *testing.T) {
			typ := testSchema.Type().TerraformType(ctx)
			plan := tfsdk.Plan{Schema: testSchema, Raw: tftypes.NewValue(typ, map[string]tftypes.Value{"v": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)})}
			if tc.destroying {
				plan.Raw = tftypes.NewValue(typ, nil)
			}
			planValue := tc.config
			if tc.config.IsNull() {
				planValue = types.StringUnknown()
			}
			if tc.destroying {
				planValue = tc.prior
			}
			req := planmodifier.StringRequest{Path: path.Root("v"), State: tc.state, Plan: plan, ConfigValue: tc.config, StateValue: tc.prior, PlanValue: planValue}
			resp := planmodifier.StringResponse{PlanValue: planValue}
			tc.m.PlanModifyString(ctx, req, &resp)
			if resp.Diagnostics.HasError() != tc.fails || resp.RequiresReplace != tc.replace || (!tc.fails && !resp.PlanValue.Equal(tc.planned)) {
				t.Errorf("planned %v, replace %v, diagnostics %v; want %v, replace %v, fails %v", resp.PlanValue, resp.RequiresReplace,
					resp.Diagnostics, tc.planned, tc.replace, tc.fails)
			}
		})
	}
}

// TestReplaceUnlessImported: a change replaces, except a first value set
// on an imported resource.
func TestReplaceUnlessImported(t *testing.T) {
	some := types.MapValueMust(types.StringType, map[string]attr.Value{"k": types.StringValue("1")})
	other := types.MapValueMust(types.StringType, map[string]attr.Value{"k": types.StringValue("2")})
	null := types.MapNull(types.StringType)
	for name, tc := range map[string]struct {
		creating, destroying, imported bool
		prior, planned                 types.Map
		replacing                      bool
	}{
		"create":                          {creating: true, prior: null, planned: some},
		"destroy":                         {destroying: true, prior: some, planned: null},
		"unchanged":                       {prior: some, planned: some},
		"changed":                         {prior: some, planned: other, replacing: true},
		"removed":                         {prior: some, planned: null, replacing: true},
		"first set on a created one":      {prior: null, planned: some, replacing: true},
		"first set on an imported one":    {prior: null, planned: some, imported: true},
		"changed on an imported one, too": {prior: some, planned: other, imported: true, replacing: true},
	} {
		if got := replaces(tc.creating, tc.destroying, tc.prior, tc.planned, tc.imported); got != tc.replacing {
			t.Errorf("%s: replaces %v, want %v", name, got, tc.replacing)
		}
	}
}
