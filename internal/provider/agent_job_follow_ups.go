package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
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
func sendFollowUp(ctx context.Context, r *run[*mintlify.AgentJob], job *mintlify.AgentJob, since time.Time, prompt string) followUp {
	if !mintlify.IsTerminal(job.Status) {
		r.report("Agent job %s is %s: waiting for its current run to end before sending the follow-up prompt", job.ID, job.Status)
		// However the run ends, the conversation goes on: only a timeout,
		// an interrupt or a failed read stop it.
		var ok bool
		if job, ok = r.follow(ctx, job, since, false); !ok {
			r.diags.AddWarning("The follow-up prompt was not sent",
				fmt.Sprintf("Follow-up prompt %q waited for the current run of agent job %s to end, and was not sent.", prompt, job.ID))
			return followUp{job: job}
		}
	}
	at := r.data.clock.Now()
	sent, err := r.client.SendMessage(ctx, r.project, job.ID, prompt)
	if err != nil {
		mayHave := mintlify.MayHaveActed(err)
		r.diags.Append(followUpFailed(job.ID, prompt, r.data.explain(ctx, err, r.about(job.ID)), err))
		return followUp{job: job, at: at, recorded: mayHave}
	}
	r.report("Sent the follow-up prompt to agent job %s", job.ID)
	return followUp{job: sent, at: at, recorded: true, ok: true}
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
// at since, recording each in the model (and state) as soon as Mintlify has
// it. After the last prompt it waits only when the resource waits for
// completion.
func sendFollowUps(ctx context.Context, r *run[*mintlify.AgentJob], m *agentJobResourceModel, job *mintlify.AgentJob, since time.Time, prompts []string) {
	for _, prompt := range prompts {
		sent := sendFollowUp(ctx, r, job, since, prompt)
		if sent.recorded {
			m.FollowUpPrompts = appendString(m.FollowUpPrompts, prompt)
			r.record(sent.job)
			tflog.Info(ctx, "Sent follow-up prompt", map[string]any{"job_id": sent.job.ID, "prompts_sent": len(m.FollowUpPrompts.Elements())})
		}
		if !sent.ok {
			return
		}
		job, since = sent.job, sent.at
	}
	if len(prompts) > 0 && r.settings.waits {
		r.wait(ctx, job, since)
	}
}

func appendString(list types.List, s string) types.List {
	elems := append(append([]attr.Value{}, list.Elements()...), types.StringValue(s))
	return types.ListValueMust(types.StringType, elems)
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
