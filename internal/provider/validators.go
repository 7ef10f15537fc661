package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

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

// durationValidator requires a Go duration string of at least min.
type durationValidator struct {
	min time.Duration
	// want says what is required; example is a valid value.
	want, example string
}

// minDuration requires a duration of at least d.
func minDuration(d time.Duration) validator.String {
	return durationValidator{min: d, want: "at least " + d.String(), example: (2 * d).String()}
}

// positiveDuration requires a duration above zero, such as example.
func positiveDuration(example string) validator.String {
	return durationValidator{min: time.Nanosecond, want: "a positive duration", example: example}
}

func (v durationValidator) Description(context.Context) string {
	return "must be " + v.want
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	switch {
	case err != nil:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%s is %q, which is not a duration: write numbers with units, such as %q or \"1h30m\" (units: ms, s, m, h).",
				req.Path, req.ConfigValue.ValueString(), v.example))
	case d < v.min:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%s is %q; it must be %s, for example %q.", req.Path, req.ConfigValue.ValueString(), v.want, v.example))
	}
}

// durationOr is the duration configured at attribute, or def when it is
// unset. Validators have checked it at plan time.
func durationOr(v types.String, def time.Duration, attribute string) (time.Duration, diag.Diagnostics) {
	var diags diag.Diagnostics
	if v.IsNull() || v.IsUnknown() {
		return def, diags
	}
	d, err := time.ParseDuration(v.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root(attribute), "Invalid duration", fmt.Sprintf("%s: %s.", attribute, err))
	}
	return d, diags
}

// durationText writes d as users write durations: "30m", not Go's "30m0s".
func durationText(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// stringOf is the text of a string value ("" when null or unknown).
func stringOf(v attr.Value) string {
	if s, ok := v.(interface{ ValueString() string }); ok {
		return s.ValueString()
	}
	return ""
}
