package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// A job is a conversation: a follow-up prompt is sent only once the job's
// current run has ended, and each prompt is recorded as sent the moment
// Mintlify has it, so it is never sent twice.

// followUp is a follow-up prompt sent, or not: the job as the send left it
// and when it was sent (the age of the run it starts counts from there),
// whether it counts as sent (it may have been: it is then never sent
// again), and whether the run may go on.
type followUp struct {
	job          *mintlify.AgentJob
	at           time.Time
	recorded, ok bool
}

// sendFollowUp waits for the run of job (as last seen, started at since) to
// end, then sends prompt.
func sendFollowUp(ctx context.Context, r *followedRun[*mintlify.AgentJob], job *mintlify.AgentJob, since time.Time, prompt string) followUp {
	job, ok := runEnded(ctx, r, job, since, prompt)
	if !ok {
		return followUp{job: job}
	}
	at := r.data.clock.Now()
	sent, err := r.client.SendMessage(ctx, r.project, job.ID, prompt)
	if err != nil {
		r.diags.Append(followUpFailed(job.ID, prompt, r.data.explain(ctx, err, r.situation(job.ID)), err))
		return followUp{job: job, at: at, recorded: mintlify.MayHaveActed(err)}
	}
	r.report("Sent the follow-up prompt to agent job %s", job.ID)
	return followUp{job: sent, at: at, recorded: true, ok: true}
}

// runEnded waits for the run of job (as last seen, started at since) to
// end, before prompt is sent to it. However the run ends, the conversation
// goes on: only a timeout, an interrupt or a failed read stop it, and then
// prompt is not sent.
func runEnded(ctx context.Context, r *followedRun[*mintlify.AgentJob], job *mintlify.AgentJob, since time.Time, prompt string) (*mintlify.AgentJob, bool) {
	if mintlify.IsTerminal(job.Status) {
		return job, true
	}
	r.report("Agent job %s is %s: waiting for its current run to end before sending the follow-up prompt", job.ID, job.Status)
	job, ok := r.follow(ctx, job, since, false)
	if !ok {
		r.diags.AddWarning("The follow-up prompt was not sent",
			fmt.Sprintf("Follow-up prompt %q waited for the current run of agent job %s to end, and was not sent.", prompt, job.ID))
	}
	return job, ok
}

// followingUp is the launch of a follow-up prompt to job id: once the
// job's current run has ended, one message.
func followingUp(r *followedRun[*mintlify.AgentJob], id, prompt string) launching[*mintlify.AgentJob] {
	return launching[*mintlify.AgentJob]{
		prepare: func(ctx context.Context) bool {
			job, err := r.client.GetJob(ctx, r.project, id)
			if err != nil {
				r.diags.Append(jobUnread(id+" (job_id)", r.data.explain(ctx, err, r.situation(id))))
				return false
			}
			_, ok := runEnded(ctx, r, job, r.data.clock.Now(), prompt)
			return ok
		},
		start: func(ctx context.Context) (*mintlify.AgentJob, error) {
			return r.client.SendMessage(ctx, r.project, id, prompt)
		},
		failed: func(ctx context.Context, err error) diag.Diagnostic {
			return followUpFailed(id, prompt, r.data.explain(ctx, err, r.situation(id)), err)
		},
		started: func(*mintlify.AgentJob) string { return "Sent the follow-up prompt to agent job " + id },
	}
}

// followUpFailed explains a follow-up prompt that failed with err.
func followUpFailed(id, prompt, explained string, err error) diag.Diagnostic {
	detail := fmt.Sprintf("Sending follow-up prompt %q to agent job %s failed. %s", prompt, id, explained)
	var api *mintlify.APIError
	switch {
	case mintlify.MayHaveActed(err):
		detail += " Mintlify may have received the prompt although the call failed, so the provider counts it as sent and " +
			"never sends it again: check the job's conversation in the Mintlify dashboard, and if the prompt is not there, " +
			"add it again as a new follow-up."
	case errors.As(err, &api) && api.StatusCode == http.StatusBadRequest:
		detail += " An archived job takes no more prompts: start a new job instead."
	}
	return diag.NewErrorDiagnostic("Could not send the follow-up prompt", detail)
}

// sendFollowUps sends each prompt in turn to job, whose current run started
// at since, telling sent of each as soon as Mintlify has it, and then the
// run's seen. After the last prompt it waits only when the run waits for
// completion. It returns the job as last seen, and whether all went well.
func sendFollowUps(ctx context.Context, r *followedRun[*mintlify.AgentJob], job *mintlify.AgentJob, since time.Time, prompts []string,
	sent func(prompt string)) (*mintlify.AgentJob, bool) {
	for i, prompt := range prompts {
		f := sendFollowUp(ctx, r, job, since, prompt)
		if f.recorded {
			sent(prompt)
			r.record(f.job)
			tflog.Info(ctx, "Sent follow-up prompt", map[string]any{"job_id": f.job.ID, "prompt": i + 1, "of": len(prompts)})
		}
		if !f.ok {
			return f.job, false
		}
		job, since = f.job, f.at
	}
	if len(prompts) > 0 && r.settings.waits {
		return r.wait(ctx, job, since)
	}
	return job, true
}

// promptList is the follow-up prompts sent, as the state records them:
// null when none were configured (the list would be too).
func promptList(prompts []string, configured bool) tftypes.Value {
	typ := tftypes.List{ElementType: tftypes.String}
	if !configured && len(prompts) == 0 {
		return tftypes.NewValue(typ, nil)
	}
	values := make([]tftypes.Value, len(prompts))
	for i, p := range prompts {
		values[i] = tftypes.NewValue(tftypes.String, p)
	}
	return tftypes.NewValue(typ, values)
}

// newFollowUps are the planned follow-up prompts after those sent. An
// imported job has neither a prompt nor follow-ups in state, and Mintlify
// cannot say which prompts it was sent: what is configured for it is
// recorded as sent, never sent again (prompt is the state's).
func newFollowUps(ctx context.Context, prompt types.String, sentList, plannedList types.List) ([]string, diag.Diagnostics) {
	if prompt.IsNull() && sentList.IsNull() {
		return nil, nil
	}
	var sent, planned []string
	diags := sentList.ElementsAs(ctx, &sent, false)
	if plannedList.IsUnknown() {
		return nil, diags
	}
	diags.Append(plannedList.ElementsAs(ctx, &planned, false)...)
	if diags.HasError() || len(planned) <= len(sent) {
		return nil, diags
	}
	return planned[len(sent):], diags
}

// jobUnread explains a follow-up that was not sent because its job could
// not be read.
func jobUnread(id, explained string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Could not send the follow-up prompt",
		fmt.Sprintf("Reading agent job %s failed, so the follow-up prompt was not sent. %s", id, explained))
}
