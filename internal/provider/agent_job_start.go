package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
)

// usesV1 reports whether the job needs the deprecated v1 create, the only
// one that takes a model, a branch, draft pull requests or a system prompt.
func (m agentJobArgs) usesV1() bool {
	configured := func(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }
	return configured(m.Model) || configured(m.Branch) || configured(m.AsDraft) || configured(m.SystemPrompt)
}

// prompt is the prompt the job starts with: prompt, or prompt_wo, which
// only the configuration has.
func (m agentJobArgs) prompt() string {
	if !m.PromptWO.IsNull() {
		return m.PromptWO.ValueString()
	}
	return m.Prompt.ValueString()
}

// startingJob is the launch of the resource's job: with the v2 API, or
// with the deprecated v1 one when an option only v1 takes is set, whose
// event stream is read before the wait. Then the follow-up prompts are
// sent, each recorded in extra as soon as Mintlify has it.
func startingJob(r *followedRun[*mintlify.AgentJob], m agentJobArgs, extra map[string]tftypes.Value) launching[*mintlify.AgentJob] {
	var stream *mintlify.V1JobStream
	prompts := stringsOf(m.FollowUpPrompts)
	configured := !m.FollowUpPrompts.IsNull()
	// Until the job has run, no follow-up is sent.
	extra["follow_up_prompts"] = promptList(nil, false)
	return launching[*mintlify.AgentJob]{
		start: func(ctx context.Context) (*mintlify.AgentJob, error) {
			if !m.usesV1() {
				return r.client.CreateJob(ctx, r.project, m.prompt())
			}
			var err error
			stream, err = r.client.CreateJobV1(ctx, r.project, mintlify.V1JobRequest{
				Prompt: m.prompt(), SystemPrompt: m.SystemPrompt.ValueString(), Branch: m.Branch.ValueString(),
				AsDraft: m.AsDraft.ValueBool(), Model: customtypes.ModelFamily(m.Model.ValueString()),
			})
			if err != nil {
				return nil, err
			}
			return &mintlify.AgentJob{ID: stream.JobID, Status: mintlify.StatusActive, Source: mintlify.JobSource{Ref: &stream.Branch}}, nil
		},
		before: func(ctx context.Context, job *mintlify.AgentJob) (*mintlify.AgentJob, bool) {
			if stream == nil {
				return job, true
			}
			return followStream(ctx, r, stream)
		},
		after: func(ctx context.Context, job *mintlify.AgentJob, since time.Time) (*mintlify.AgentJob, bool) {
			var sent []string
			extra["follow_up_prompts"] = promptList(nil, configured)
			r.record(job)
			return sendFollowUps(ctx, r, job, since, prompts, func(prompt string) {
				sent = append(sent, prompt)
				extra["follow_up_prompts"] = promptList(sent, true)
			})
		},
	}
}

// followStream reads a v1 job's event stream until the agent is done (or
// closes it when the run does not wait), then reads the job with the v2
// API. A timeout or an interrupt while reading ends the run as a wait's
// would.
func followStream(ctx context.Context, r *followedRun[*mintlify.AgentJob], stream *mintlify.V1JobStream) (*mintlify.AgentJob, bool) {
	started := &mintlify.AgentJob{ID: stream.JobID, Status: mintlify.StatusActive}
	if r.settings.waits {
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
