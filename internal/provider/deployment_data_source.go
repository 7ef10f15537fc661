package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewDeploymentDataSource is the mintlify_deployment data source.
func NewDeploymentDataSource() datasource.DataSource {
	return &operationDataSource[*mintlify.Deployment]{
		dataSourceBase: dataSourceBase{name: "deployment"}, op: deployments,
		doc: "Reads a production or preview deployment by its status ID: its status, summary and commit. " +
			"It does not wait for the deployment to end, and a deployment that ended `failure` is read without error. " +
			"The status endpoint does not return a preview's URL.",
		idDoc: "The status ID of the production or preview deployment to read.",
		fields: append(fields[*mintlify.Deployment]{
			text("project_id", "The project the deployment belongs to, as the API reports it.", deploymentProject),
		}, deploymentFields...),
	}
}
