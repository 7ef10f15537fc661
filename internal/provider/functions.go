package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
)

var _ provider.ProviderWithFunctions = &mintlifyProvider{}

// Functions are the provider's functions (Terraform 1.8+, OpenTofu 1.7+):
// each in a file of its own, <name>_function.go.
func (p *mintlifyProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{NewFeedbackPromptFunction, NewParsePRLinkFunction}
}
