package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
)

// usesV1 reports whether the job needs the deprecated v1 create, the only
// one that takes a model, a branch, draft pull requests or a system prompt.
func (m *agentJobResourceModel) usesV1() bool {
	configured := func(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }
	return configured(m.Model) || configured(m.Branch) || configured(m.AsDraft) || configured(m.SystemPrompt)
}

// startJob creates the job: with the v2 API, or with the deprecated v1 one
// when an option only v1 takes is set. A v1 job comes with its event stream.
func startJob(ctx context.Context, client *mintlify.Client, project string, m *agentJobResourceModel) (*mintlify.AgentJob, *mintlify.V1JobStream, error) {
	if !m.usesV1() {
		job, err := client.CreateJob(ctx, project, m.Prompt.ValueString())
		return job, nil, err
	}
	stream, err := client.CreateJobV1(ctx, project, mintlify.V1JobRequest{
		Prompt: m.Prompt.ValueString(), SystemPrompt: m.SystemPrompt.ValueString(), Branch: m.Branch.ValueString(),
		AsDraft: m.AsDraft.ValueBool(), Model: customtypes.ModelFamily(m.Model.ValueString()),
	})
	if err != nil {
		return nil, nil, err
	}
	return &mintlify.AgentJob{ID: stream.JobID, Status: mintlify.StatusActive, Source: mintlify.JobSource{Ref: &stream.Branch}}, stream, nil
}

// followStream reads a v1 job's event stream until the agent is done (or
// closes it when not waiting), then reads the job with the v2 API. A
// timeout or an interrupt while reading ends the run as a wait's would.
func followStream(ctx context.Context, r *run[*mintlify.AgentJob], stream *mintlify.V1JobStream, waits bool) (*mintlify.AgentJob, bool) {
	started := &mintlify.AgentJob{ID: stream.JobID, Status: mintlify.StatusActive}
	if waits {
		events, err := stream.Wait(ctx)
		tflog.Debug(ctx, "Agent job event stream ended", map[string]any{"events": events, "error": fmt.Sprint(err)})
		if ctx.Err() != nil {
			return started, r.ended(ctx, ctx.Err(), started, true)
		}
	} else {
		_ = stream.Close()
	}
	job, err := r.client.GetJob(ctx, r.project, stream.JobID)
	if err != nil {
		return started, r.ended(ctx, err, started, true)
	}
	r.record(job)
	return job, true
}
