package provider

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
)

// testClient is the terraform or tofu the acceptance tests run, when TF_ACC
// is set.
var testClient *acctest.Client

func TestMain(m *testing.M) {
	if os.Getenv("TF_ACC") != "" {
		var err error
		if testClient, err = acctest.PrepareTestEnv(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

// terraformOnly skips a test on OpenTofu, which does not have the feature.
type terraformOnly struct{ feature string }

func (c terraformOnly) CheckTerraformVersion(_ context.Context, _ tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	if testClient != nil && testClient.IsOpenTofu() {
		resp.Skip = fmt.Sprintf("%s does not run %s: Terraform only", testClient, c.feature)
	}
}
