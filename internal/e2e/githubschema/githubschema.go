// Package githubschema is a stand-in for the integrations/github provider:
// it declares, as the GitHub provider does, the parts of its schema that
// the parse_pr_link example uses (the provider's token, owner and base_url,
// and the github_repository_pull_request data source), so that `terraform
// validate` checks the example's GitHub part, the function's result in it
// included.
package githubschema

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/e2e/standin"
)

// Source and Version are where the example finds the stand-in.
const (
	Source  = "integrations/github"
	Version = "6.6.0"
	Address = "registry.terraform.io/" + Source
)

// New is the stand-in provider.
func New() provider.Provider {
	text := schema.StringAttribute{Computed: true}
	number := schema.Int64Attribute{Computed: true}
	flag := schema.BoolAttribute{Computed: true}
	return standin.Provider("github", Version, pschema.Schema{Attributes: map[string]pschema.Attribute{
		"token":    pschema.StringAttribute{Optional: true, Sensitive: true},
		"owner":    pschema.StringAttribute{Optional: true},
		"base_url": pschema.StringAttribute{Optional: true},
	}}, standin.DataSource("repository_pull_request", schema.Schema{Attributes: map[string]schema.Attribute{
		"id":              text,
		"owner":           schema.StringAttribute{Optional: true},
		"base_repository": schema.StringAttribute{Required: true},
		"number":          schema.Int64Attribute{Required: true},
		"base_ref":        text, "base_sha": text, "body": text, "head_owner": text, "head_ref": text, "head_repository": text,
		"head_sha": text, "opened_by": text, "state": text, "title": text,
		"draft": flag, "maintainer_can_modify": flag,
		"opened_at": number, "updated_at": number,
		"labels": schema.ListAttribute{Computed: true, ElementType: types.StringType},
	}}))
}
