// Command noop-provider serves the benchmark's no-op provider.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/mintlify/terraform-provider-mintlify/internal/e2e/noop"
)

func main() {
	if err := providerserver.Serve(context.Background(), noop.New, providerserver.ServeOpts{Address: noop.Address}); err != nil {
		log.Fatal(err)
	}
}
