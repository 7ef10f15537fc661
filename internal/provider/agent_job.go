package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// jobs is the agent job as an operation: the agent works on a prompt until
// the job is completed, failed or archived; a follow-up prompt starts it
// again.
var jobs = &followable[*mintlify.AgentJob]{
	operation: operation[*mintlify.AgentJob]{
		kind: &kind{
			noun: "agent job", idNoun: "job ID", exampleID: "8f2a6c1e9b7d4e3a", dataSource: "mintlify_agent_job",
			lookup:     "the project's agent jobs in the Mintlify dashboard (or the mintlify_agent_jobs data source)",
			importable: true,
			again:      "change its prompt or replace the resource (apply with -replace)",
			stays: "The job and any pull request it opened stay in Mintlify and GitHub; archive the job in the Mintlify dashboard " +
				"and close the pull request if you no longer want them.",
		},
		id:       func(j *mintlify.AgentJob) string { return j.ID },
		describe: describeJob,
	},
	status:   func(j *mintlify.AgentJob) string { return j.Status },
	terminal: mintlify.IsTerminal,
	known:    mintlify.IsKnownStatus,
	get: func(ctx context.Context, c *mintlify.Client, project, id string) (*mintlify.AgentJob, error) {
		return c.GetJob(ctx, project, id)
	},
	failedStatus: mintlify.StatusFailed,
	failure: func(*mintlify.AgentJob) string {
		return "See the job in the Mintlify dashboard for the agent's messages."
	},
}

// describeJob is how a job stands: its status and its pull request.
func describeJob(j *mintlify.AgentJob) string {
	switch {
	case j.PRLink != nil:
		return j.Status + ", pull request " + *j.PRLink
	case mintlify.IsTerminal(j.Status):
		return j.Status + ", no pull request"
	}
	return j.Status + ", no pull request yet"
}

// jobFields are what the API reports about a job, on the resource and the
// data source.
var jobFields = fields[*mintlify.AgentJob]{
	text("status", "The job's status: `active` while the agent works, then `completed`, `failed` or `archived`. "+
		"A status the API adds later is shown as the API sends it.", func(j *mintlify.AgentJob) string { return j.Status }),
	{name: "model", typ: modelField, doc: "The AI model that runs the job, as the API names it (for example `claude-sonnet-4-5`).",
		value: func(j *mintlify.AgentJob) tftypes.Value { return tfString(j.Model) }},
	text("pr_link", "The URL of the pull request the agent opened; null while the job is active or when it changed no files.",
		func(j *mintlify.AgentJob) string { return deref(j.PRLink) }),
	timestamp("created_at", "When the job was created, in RFC 3339 format, as the API sent it.",
		func(j *mintlify.AgentJob) *mintlify.Time { return j.CreatedAt }),
	timestamp("archived_at", "When the job was archived, in RFC 3339 format; null unless it is archived.",
		func(j *mintlify.AgentJob) *mintlify.Time { return j.ArchivedAt }),
	object("source", "The repository the agent works on: `repository` (its URL) and `ref` (the branch; may be null).",
		[][2]string{{"repository", "The URL of the GitHub repository."}, {"ref", "The branch the agent works on; may be null."}},
		func(j *mintlify.AgentJob) map[string]string {
			return map[string]string{"repository": j.Source.Repository, "ref": deref(j.Source.Ref)}
		}),
}

// jobResourceFields are what the resource records: the job's ID and its
// fields, the model an argument that the API's name for it replaces once
// it reports one (a v1 job is saved before it does).
var jobResourceFields = append(fields[*mintlify.AgentJob]{
	text("id", "The job's ID, as Mintlify assigns it.", jobs.id),
}, jobFields.as("model", sticky)...)
