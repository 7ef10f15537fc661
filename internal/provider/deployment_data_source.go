package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewDeploymentDataSource is the mintlify_deployment data source: it reads
// previews too, and reports the project, which the status endpoint names.
func NewDeploymentDataSource() datasource.DataSource {
	reported := append(fields[*mintlify.Deployment]{
		text("project_id", "The project the deployment belongs to, as the API reports it.", deploymentProject),
	}, deploymentFields...)
	return byID("deployment", deployments, reported, "Reads a production or preview deployment by its status ID: its status, "+
		"summary and commit. It does not wait for the deployment to end, and a deployment that ended `failure` is read without "+
		"error. The status endpoint does not return a preview's URL.", "The status ID of the production or preview deployment to read.")
}
