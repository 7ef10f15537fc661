package provider

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// NewAgentJobDataSource is the mintlify_agent_job data source.
func NewAgentJobDataSource() datasource.DataSource {
	return byID("agent_job", jobs, jobFields, "Reads an existing Mintlify agent job by its ID: its status, model and pull-request "+
		"link. It does not wait for the job to end; use the `mintlify_agent_job` resource to start a job and wait for it.",
		"The ID of the job to read.")
}
