// Command helm-schema-provider serves helmschema, the stand-in for the helm
// provider that the static-export-helm example is validated against.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/mintlify/terraform-provider-mintlify/internal/e2e/helmschema"
)

func main() {
	if err := providerserver.Serve(context.Background(), helmschema.New, providerserver.ServeOpts{Address: helmschema.Address}); err != nil {
		log.Fatal(err)
	}
}
