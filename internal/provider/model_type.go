package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The v1 API takes a model family ("sonnet" or "opus"); every API answer
// names the full model ("claude-sonnet-4-5"). modelType treats a family and
// a full name of that family as the same value, so a configured "opus" stays
// "opus" in state when Mintlify reports "claude-opus-4-1", and an imported
// job's full name is valid configuration.
type modelType struct{ basetypes.StringType }

var (
	_ basetypes.StringTypable                    = modelType{}
	_ basetypes.StringValuableWithSemanticEquals = modelValue{}
)

func (t modelType) Equal(o attr.Type) bool {
	other, ok := o.(modelType)
	return ok && t.StringType.Equal(other.StringType)
}

func (t modelType) String() string { return "modelType" }

func (t modelType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return modelValue{StringValue: in}, nil
}

func (t modelType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return modelValue{StringValue: s}, nil
}

func (t modelType) ValueType(context.Context) attr.Value { return modelValue{} }

type modelValue struct{ basetypes.StringValue }

func (v modelValue) Equal(o attr.Value) bool {
	other, ok := o.(modelValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

func (v modelValue) Type(context.Context) attr.Type { return modelType{} }

func (v modelValue) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := newValuable.(modelValue)
	if !ok {
		return false, nil
	}
	return modelFamily(v.ValueString()) != "" && modelFamily(v.ValueString()) == modelFamily(other.ValueString()), nil
}

func newModelValue(s string) modelValue {
	if s == "" {
		return modelValue{StringValue: basetypes.NewStringNull()}
	}
	return modelValue{StringValue: basetypes.NewStringValue(s)}
}

var fullModelName = regexp.MustCompile(`^claude-[a-z0-9][a-z0-9.-]*$`)

// modelFamily is "sonnet" or "opus" for a family or a full model name of
// it, and "" for anything else.
func modelFamily(name string) string {
	for _, family := range []string{"sonnet", "opus"} {
		if name == family || (fullModelName.MatchString(name) && strings.Contains(name, "-"+family)) {
			return family
		}
	}
	return ""
}

// modelValidator accepts a family, or a full model name as the API reports
// it (so the configuration generated for an imported job validates).
type modelValidator struct{}

func (modelValidator) Description(context.Context) string {
	return `must be "sonnet" or "opus" (or a full model name the API reports, such as "claude-sonnet-4-5")`
}

func (v modelValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v modelValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.ConfigValue.ValueString()
	if name != "sonnet" && name != "opus" && !fullModelName.MatchString(name) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid model",
			fmt.Sprintf("%s is %q; it %s.", req.Path, name, v.Description(ctx)))
	}
}
