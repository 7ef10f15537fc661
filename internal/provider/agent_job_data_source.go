package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewAgentJobDataSource is the mintlify_agent_job data source.
func NewAgentJobDataSource() datasource.DataSource {
	return &operationDataSource[*mintlify.AgentJob]{
		dataSourceBase: dataSourceBase{name: "agent_job"}, op: jobs,
		doc: "Reads an existing Mintlify agent job by its ID: its status, model and pull-request link. " +
			"It does not wait for the job to end; use the `mintlify_agent_job` resource to start a job and wait for it.",
		idDoc:  "The ID of the job to read.",
		fields: jobFields,
	}
}
