package provider

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

var (
	projectIDValidator = stringvalidator.RegexMatches(regexp.MustCompile(`^[^/\s]+$`),
		"must be a Mintlify project ID: not empty, without '/' or spaces")
	notBlankValidator = stringvalidator.RegexMatches(regexp.MustCompile(`\S`),
		"must contain at least one character that is not white space")
)

// baseURLValidator checks base_url at plan time with the client's own rule.
type baseURLValidator struct{}

func (baseURLValidator) Description(context.Context) string {
	return "must be an https URL, or an http URL on a loopback host"
}

func (v baseURLValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (baseURLValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := mintlify.ValidateBaseURL(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Mintlify base URL", err.Error()+".")
	}
}

// minDurationValidator requires a Go duration string of at least a minimum.
// Strings that do not parse are left to the GoDuration type's own check.
type minDurationValidator struct{ min time.Duration }

func minDuration(d time.Duration) validator.String { return minDurationValidator{min: d} }

func (v minDurationValidator) Description(context.Context) string {
	return fmt.Sprintf("must be a duration of at least %s", v.min)
}

func (v minDurationValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v minDurationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d >= v.min {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Duration too short",
		fmt.Sprintf("%s is %q; it must be at least %s, for example \"%s\".", req.Path, req.ConfigValue.ValueString(), v.min, 2*v.min))
}

// durationOr is the configured duration, or def when it is unset.
func durationOr(v timetypes.GoDuration, def time.Duration) (time.Duration, diag.Diagnostics) {
	if v.IsNull() || v.IsUnknown() {
		return def, nil
	}
	return v.ValueGoDuration()
}

// stringOf is the text of a string value ("" when null or unknown).
func stringOf(v attr.Value) string {
	if s, ok := v.(interface{ ValueString() string }); ok {
		return s.ValueString()
	}
	return ""
}
