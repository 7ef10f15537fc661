// Package validators checks the provider's string arguments at plan time,
// each with one error that names the attribute, the value and what it must
// be.
package validators

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
)

var (
	// ProjectID is a Mintlify project ID: one path segment.
	ProjectID = stringvalidator.RegexMatches(regexp.MustCompile(`^[^/\s]+$`),
		"must be a Mintlify project ID: not empty, without '/' or spaces")
	// NotBlank is any text but white space.
	NotBlank = stringvalidator.RegexMatches(regexp.MustCompile(`\S`),
		"must contain at least one character that is not white space")
)

// check is a validator from a description and a test that says why a value
// fails it, as the end of a sentence that names the value ("" when it
// passes).
type check struct {
	description string
	test        func(value string) string
	// title is the error's summary; "Invalid <attribute>" when empty.
	title string
}

func (c check) Description(context.Context) string { return c.description }

func (c check) MarkdownDescription(ctx context.Context) string { return c.Description(ctx) }

func (c check) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if why := c.test(req.ConfigValue.ValueString()); why != "" {
		title := c.title
		if title == "" {
			title = "Invalid " + req.Path.String()
		}
		resp.Diagnostics.AddAttributeError(req.Path, title,
			fmt.Sprintf("%s is %q%s.", req.Path, req.ConfigValue.ValueString(), why))
	}
}

// BaseURL checks base_url with the client's own rule.
func BaseURL() validator.String {
	return check{title: "Invalid Mintlify base URL", description: "must be an https URL, or an http URL on a loopback host", test: func(v string) string {
		if _, err := mintlify.ValidateBaseURL(v); err != nil {
			return ": " + err.Error()
		}
		return ""
	}}
}

// AtLeast requires a duration of at least d. A value that is not a
// duration is left to its type (timetypes.GoDuration), so it gets one error.
func AtLeast(d time.Duration) validator.String {
	return durationCheck("at least "+d.String(), d, (2 * d).String(), false)
}

// Positive requires a duration above zero, such as example; a value that is
// not a duration is left to its type.
func Positive(example string) validator.String {
	return durationCheck("a positive duration", time.Nanosecond, example, false)
}

// PositiveDuration requires a positive Go duration, such as example, of a
// plain string attribute (the timeouts module's): one error whether the
// value is no duration or not positive.
func PositiveDuration(example string) validator.String {
	return durationCheck("a positive duration", time.Nanosecond, example, true)
}

func durationCheck(want string, least time.Duration, example string, parse bool) validator.String {
	return check{description: "must be " + want, test: func(v string) string {
		d, err := time.ParseDuration(v)
		switch {
		case err != nil && parse:
			return fmt.Sprintf(", which is not a duration: write numbers with units, such as %q or \"1h30m\" (units: ms, s, m, h)", example)
		case err == nil && d < least:
			return fmt.Sprintf("; it must be %s, for example %q", want, example)
		}
		return ""
	}}
}

// Model requires a model name the API knows: a family, or a full name.
func Model() validator.String {
	return check{title: "Invalid model", description: customtypes.ModelRule, test: func(v string) string {
		if !customtypes.IsModelName(v) {
			return "; it " + customtypes.ModelRule
		}
		return ""
	}}
}

// Date requires a date (2026-12-01) or an RFC 3339 time, as Mintlify's
// analytics take them.
func Date() validator.String {
	return check{description: "must be a date such as 2026-12-01, or an RFC 3339 time", test: func(v string) string {
		if _, err := time.Parse(time.DateOnly, v); err == nil {
			return ""
		}
		if _, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return ""
		}
		return `, which is neither a date such as "2026-12-01" nor an RFC 3339 time such as "2026-12-01T08:00:00Z"`
	}}
}

// OneOrMoreOf requires one of values, or several separated by commas.
func OneOrMoreOf(values ...string) validator.String {
	return check{description: "must be one or more of " + strings.Join(values, ", ") + ", separated by commas", test: func(v string) string {
		for _, part := range strings.Split(v, ",") {
			if !slices.Contains(values, strings.TrimSpace(part)) {
				return fmt.Sprintf(": %q is not one of %s (give one, or several separated by commas)", strings.TrimSpace(part),
					strings.Join(values, ", "))
			}
		}
		return ""
	}}
}

// GitBranch requires a name git accepts for a branch (git check-ref-format
// --branch), so a bad one is refused at plan time, not by Mintlify half-way
// through an apply.
func GitBranch() validator.String {
	return check{description: "must be a valid Git branch name", test: branchProblem}
}

var badBranchChars = regexp.MustCompile(`[\x00-\x20\x7f~^:?*\[\\]`)

func branchProblem(name string) string {
	if why := branchRule(name); why != "" {
		return ": " + why
	}
	return ""
}

func branchRule(name string) string {
	switch {
	case strings.TrimSpace(name) == "":
		return "a branch name must not be empty"
	case strings.HasPrefix(name, "-"):
		return "a branch name must not start with '-'"
	case name == "@":
		return "\"@\" is not a branch name"
	case badBranchChars.MatchString(name):
		return "a branch name must not contain spaces, control characters, or any of ~ ^ : ? * [ \\"
	case strings.Contains(name, ".."), strings.Contains(name, "@{"):
		return "a branch name must not contain \"..\" or \"@{\""
	case strings.HasPrefix(name, "/"), strings.HasSuffix(name, "/"), strings.Contains(name, "//"):
		return "a branch name must not start or end with '/', or contain \"//\""
	case strings.HasSuffix(name, "."):
		return "a branch name must not end with '.'"
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || strings.HasSuffix(part, ".lock") {
			return fmt.Sprintf("no part of a branch name may start with '.' or end with \".lock\" (%q does)", part)
		}
	}
	return ""
}

var hostname = regexp.MustCompile(`^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`)

// Hostname requires a bare host name such as docs.example.com: no scheme,
// no port, no path, no trailing slash or dot.
func Hostname() validator.String {
	return check{description: "must be a host name such as docs.example.com", test: hostnameProblem}
}

// hostnameProblem says what keeps v from being a bare host name, naming the
// first thing wrong ("" when nothing is).
func hostnameProblem(v string) string {
	switch {
	case strings.Contains(v, "://"):
		return ": give the host name alone, without a scheme such as https://"
	case strings.Contains(v, "/"):
		return ": give the host name alone, without a path or a trailing '/'"
	case strings.Contains(v, ":"):
		return ": give the host name alone, without a port"
	case strings.IndexFunc(v, unicode.IsSpace) >= 0:
		return ": a host name has no spaces"
	case strings.Contains(v, "_"):
		return ": a host name has no '_' (use '-')"
	case strings.HasSuffix(v, "."):
		return ": give the host name without a trailing '.'"
	case strings.IndexFunc(v, func(r rune) bool { return r > unicode.MaxASCII }) >= 0:
		return ": it has characters outside ASCII: give an internationalized name in its punycode form (xn--...), " +
			"as DNS holds it"
	case strings.Contains(v, ".."), strings.HasPrefix(v, "."):
		return ": it has an empty label (two dots together, or a leading '.')"
	case len(v) > 253 || !hostname.MatchString(v):
		return ": it must be a host name with a dot, such as docs.example.com or acme.mintlify.app, of letters, digits " +
			"and '-' between the dots, no label starting or ending with '-'"
	}
	return ""
}
