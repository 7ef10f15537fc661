package customtypes

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// DurationType is timetypes.GoDurationType, which parses Go durations and
// treats "90s" and "1m30s" as the same value, with an error for a value
// that is not a duration that names the value and how to write one.
type DurationType struct{ timetypes.GoDurationType }

var (
	_ basetypes.StringTypable                    = DurationType{}
	_ basetypes.StringValuableWithSemanticEquals = Duration{}
	_ xattr.ValidateableAttribute                = Duration{}
)

// Equal reports whether o is a DurationType.
func (t DurationType) Equal(o attr.Type) bool {
	_, ok := o.(DurationType)
	return ok
}

func (t DurationType) String() string { return "customtypes.DurationType" }

// ValueFromString wraps a string value as a Duration.
func (t DurationType) ValueFromString(ctx context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return Duration{GoDuration: timetypes.GoDuration{StringValue: in}}, nil
}

// ValueFromTerraform reads a Terraform string as a Duration.
func (t DurationType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	return stringFromTerraform(ctx, in, func(s basetypes.StringValue) attr.Value {
		return Duration{GoDuration: timetypes.GoDuration{StringValue: s}}
	})
}

// ValueType is Duration.
func (t DurationType) ValueType(context.Context) attr.Value { return Duration{} }

// Duration is a Go duration such as "30s" or "1h30m".
type Duration struct{ timetypes.GoDuration }

// Type is DurationType.
func (v Duration) Type(context.Context) attr.Type { return DurationType{} }

// Equal compares the text of two durations; StringSemanticEquals compares what they mean.
func (v Duration) Equal(o attr.Value) bool {
	other, ok := o.(Duration)
	return ok && v.GoDuration.Equal(other.GoDuration)
}

// StringSemanticEquals reports whether two durations are as long ("90s" and "1m30s").
func (v Duration) StringSemanticEquals(ctx context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := newValuable.(Duration)
	if !ok {
		return false, nil
	}
	return v.GoDuration.StringSemanticEquals(ctx, other.GoDuration)
}

// ValidateAttribute reports a value that is not a duration, once.
func (v Duration) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	if _, err := time.ParseDuration(v.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration", fmt.Sprintf("%s is %q, which is not a duration: write "+
			`numbers with units, such as "30s" or "1h30m" (units: ms, s, m, h).`, req.Path, v.ValueString()))
	}
}
