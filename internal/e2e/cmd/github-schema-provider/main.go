// Command github-schema-provider serves githubschema, the stand-in for the
// GitHub provider that the parse_pr_link example is validated against.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/mintlify/terraform-provider-mintlify/internal/e2e/githubschema"
)

func main() {
	if err := providerserver.Serve(context.Background(), githubschema.New, providerserver.ServeOpts{Address: githubschema.Address}); err != nil {
		log.Fatal(err)
	}
}
