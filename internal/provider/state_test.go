package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var testObject = tftypes.Object{AttributeTypes: map[string]tftypes.Type{"a": tftypes.String, "b": tftypes.String}}

// TestRawStateLeavesItsValueAlone writes to the state read from a value:
// the value, the framework's plan or prior state, is unchanged (the
// framework compares the result with it).
func TestRawStateLeavesItsValueAlone(t *testing.T) {
	v := tftypes.NewValue(testObject, map[string]tftypes.Value{"a": tfString("x"), "b": tfString("y")})
	s, diags := newRawState(v)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !s.set(map[string]tftypes.Value{"a": tfString("changed")}) || s.string("a") != "changed" {
		t.Errorf("set did not change a: %v", s.value())
	}
	if s.set(map[string]tftypes.Value{"b": tfString("y")}) {
		t.Error("set of the same value reported a change")
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil || !attrs["a"].Equal(tfString("x")) {
		t.Errorf("the value read changed: %v", v)
	}
}

// TestRawStateApplied: what nothing reported, still unknown, is null in
// the state an apply leaves; known values stay.
func TestRawStateApplied(t *testing.T) {
	v := tftypes.NewValue(testObject, map[string]tftypes.Value{"a": tftypes.NewValue(tftypes.String, tftypes.UnknownValue), "b": tfString("y")})
	s, _ := newRawState(v)
	var attrs map[string]tftypes.Value
	if err := s.applied().As(&attrs); err != nil || !attrs["a"].IsNull() || !attrs["b"].Equal(tfString("y")) {
		t.Errorf("applied %v; want a null and b kept", attrs)
	}
}

// TestFieldsWrite writes each mode over each kind of state value.
func TestFieldsWrite(t *testing.T) {
	unknown := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	null := tftypes.NewValue(tftypes.String, nil)
	for name, tc := range map[string]struct {
		mode      fieldMode
		reported  string
		was, want tftypes.Value
	}{
		"reported: the API's value":        {reported, "api", tfString("old"), tfString("api")},
		"reported: nothing is null":        {reported, "", tfString("old"), null},
		"sticky: the API's value":          {sticky, "api", tfString("configured"), tfString("api")},
		"sticky: nothing keeps the state":  {sticky, "", tfString("configured"), tfString("configured")},
		"sticky: nothing, unknown is null": {sticky, "", unknown, null},
		"adopted: the state's value":       {adopted, "api", tfString("configured"), tfString("configured")},
		"adopted: fills a null":            {adopted, "api", null, tfString("api")},
		"adopted: fills an unknown":        {adopted, "api", unknown, tfString("api")},
	} {
		t.Run(name, func(t *testing.T) {
			fs := fields[string]{text("a", "", func(s string) string { return s }).as(tc.mode)}
			s := &rawState{typ: testObject, attrs: map[string]tftypes.Value{"a": tc.was, "b": tfString("other")}}
			changed := fs.write(s, tc.reported)
			if !s.attrs["a"].Equal(tc.want) || changed != !tc.want.Equal(tc.was) || !s.attrs["b"].Equal(tfString("other")) {
				t.Errorf("wrote %v (changed %v) over %v; want %v, and b untouched", s.attrs["a"], changed, tc.was, tc.want)
			}
		})
	}
}

// TestModelsFitTheirSchemas reads a value of every resource's and action's
// schema into its model: a model must have exactly the arguments, so a
// field missing from one, or one too many, fails here, not at apply.
func TestModelsFitTheirSchemas(t *testing.T) {
	ctx := context.Background()
	for name, tc := range map[string]struct {
		resource func() resource.Resource
		action   func() action.Action
		model    any
	}{
		"mintlify_agent_job":             {resource: NewAgentJobResource, model: &agentJobArgs{}},
		"mintlify_deployment":            {resource: NewDeploymentResource, model: &deploymentArgs{}},
		"mintlify_preview_deployment":    {resource: NewPreviewDeploymentResource, model: &previewArgs{}},
		"mintlify_static_export":         {resource: NewStaticExportResource, model: &staticExportArgs{}},
		"mintlify_automation_run":        {resource: NewAutomationRunResource, model: &automationRunArgs{}},
		"action mintlify_agent_job":      {action: NewAgentJobAction, model: &agentJobActionArgs{}},
		"action mintlify_deployment":     {action: NewDeploymentAction, model: &deploymentActionArgs{}},
		"action mintlify_static_export":  {action: NewStaticExportAction, model: &staticExportActionArgs{}},
		"action mintlify_automation_run": {action: NewAutomationRunAction, model: &automationRunActionModel{}},
	} {
		t.Run(name, func(t *testing.T) {
			if tc.resource != nil {
				var resp resource.SchemaResponse
				tc.resource().Schema(ctx, resource.SchemaRequest{}, &resp)
				whole := tftypes.NewValue(resp.Schema.Type().TerraformType(ctx), nil)
				if diags := resourceSchemaArgs(ctx, resp.Schema).read(ctx, nullObject(whole.Type()), tc.model); diags.HasError() {
					t.Errorf("the model does not fit the schema: %v", diags)
				}
				return
			}
			var resp action.SchemaResponse
			tc.action().Schema(ctx, action.SchemaRequest{}, &resp)
			config := tfsdk.Config{Schema: resp.Schema, Raw: nullObject(resp.Schema.Type().TerraformType(ctx))}
			if diags := config.Get(ctx, tc.model); diags.HasError() {
				t.Errorf("the model does not fit the schema: %v", diags)
			}
		})
	}
}

// nullObject is an object of typ whose attributes are all null.
func nullObject(typ tftypes.Type) tftypes.Value {
	obj, _ := typ.(tftypes.Object)
	attrs := map[string]tftypes.Value{}
	for name, t := range obj.AttributeTypes {
		attrs[name] = tftypes.NewValue(t, nil)
	}
	return tftypes.NewValue(typ, attrs)
}
