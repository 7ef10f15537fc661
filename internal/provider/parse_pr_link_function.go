package provider

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// NewParsePRLinkFunction is provider::mintlify::parse_pr_link: a job's
// pr_link in parts, as the GitHub provider takes them.
func NewParsePRLinkFunction() function.Function { return parsePRLinkFunction{} }

type parsePRLinkFunction struct{}

var pullRequestType = map[string]attr.Type{
	"host": types.StringType, "owner": types.StringType, "repository": types.StringType, "full_name": types.StringType,
	"number": types.Int64Type,
}

// pullRequest is a pull request's place, as its link names it.
type pullRequest struct {
	Host       string `tfsdk:"host"`
	Owner      string `tfsdk:"owner"`
	Repository string `tfsdk:"repository"`
	FullName   string `tfsdk:"full_name"`
	Number     int64  `tfsdk:"number"`
}

func (parsePRLinkFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "parse_pr_link"
}

func (parsePRLinkFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The host, owner, repository and number of a GitHub pull request link, such as an agent job's pr_link",
		MarkdownDescription: "Reads a pull request link, `https://HOST/OWNER/REPOSITORY/pull/NUMBER` on github.com or a GitHub " +
			"Enterprise host, such as the `pr_link` of `mintlify_agent_job`, into `host` (lower case), `owner`, `repository`, " +
			"`full_name` (`OWNER/REPOSITORY`) and `number`: what the GitHub provider's `github_repository_pull_request` data " +
			"source takes as `owner`, `base_repository` and `number`. A null link (a job without a pull request) gives null; " +
			"any other link is an error that quotes it.",
		Parameters: []function.Parameter{function.StringParameter{Name: "link", AllowNullValue: true,
			MarkdownDescription: "The pull request's link, or null."}},
		Return: function.ObjectReturn{AttributeTypes: pullRequestType},
	}
}

func (parsePRLinkFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var link types.String
	if resp.Error = req.Arguments.Get(ctx, &link); resp.Error != nil {
		return
	}
	if link.IsNull() {
		resp.Error = resp.Result.Set(ctx, types.ObjectNull(pullRequestType))
		return
	}
	pr, err := parsePRLink(link.ValueString())
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, pr)
}

var (
	githubOwner = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$`)
	githubRepo  = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,100}$`)
	prNumber    = regexp.MustCompile(`^[1-9][0-9]{0,17}$`)
)

// parsePRLink reads https://HOST/OWNER/REPOSITORY/pull/NUMBER, and nothing
// else: no user, query, fragment, or path past the number.
func parsePRLink(link string) (pullRequest, error) {
	refuse := func(why string) (pullRequest, error) {
		shown := link
		if r := []rune(shown); len(r) > 200 {
			shown = string(r[:200]) + "…"
		}
		return pullRequest{}, fmt.Errorf("%q is not a GitHub pull request link: %s. Want https://HOST/OWNER/REPOSITORY/pull/NUMBER, "+
			"such as https://github.com/acme/docs/pull/42", shown, why)
	}
	u, err := url.Parse(link)
	switch {
	case err != nil:
		return refuse("it is not a URL")
	case u.Scheme != "https":
		return refuse("it is not https")
	case u.User != nil || u.Hostname() == "" || u.Opaque != "":
		return refuse("it names no host, or a user")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.RawFragment != "":
		return refuse("it has a query or a fragment")
	}
	parts := strings.Split(u.EscapedPath(), "/")
	if len(parts) != 5 || parts[0] != "" || parts[3] != "pull" {
		return refuse("its path is not /OWNER/REPOSITORY/pull/NUMBER")
	}
	owner, repo, number := parts[1], parts[2], parts[4]
	if !githubOwner.MatchString(owner) || !githubRepo.MatchString(repo) || repo == "." || repo == ".." {
		return refuse("its owner or repository is not a GitHub name")
	}
	if !prNumber.MatchString(number) {
		return refuse("its number is not a pull request number")
	}
	n, _ := strconv.ParseInt(number, 10, 64)
	return pullRequest{Host: strings.ToLower(u.Host), Owner: owner, Repository: repo, FullName: owner + "/" + repo, Number: n}, nil
}
